//! Charts as PNG images and the monthly digest as a PDF, drawn from the figures of
//! `services::figures` with the words of the `ChartsMsg` catalogue. No Telegram here: the chat
//! layer sends what this module draws.
//!
//! Every chart is at most [`MAX_WIDTH`] pixels wide (readable on a phone), uses the Okabe-Ito
//! palette (distinct for colour-blind readers; cells also carry a letter or a number), draws
//! its text with DejaVu Sans compiled into the binary (no system font needed), and comes with a
//! caption giving its key figures in words.

pub mod digest;
pub mod fourw;
pub mod grids;
pub mod minutes;
mod pdf;

use crate::domain::Language;
use crate::domain::figures::ChartRequest;
use crate::i18n::I18n;
use crate::services::Ctx;
use crate::services::people::Access;

use crate::domain::{AppError, AppResult};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::sync::Once;

/// DejaVu Sans (Bitstream Vera licence, see assets/fonts/DejaVuSans-LICENSE.txt).
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "cluster-sans";

/// The widest chart, in pixels.
pub const MAX_WIDTH: u32 = 1080;
/// A Telegram caption holds at most 1,024 characters.
pub const MAX_CAPTION_CHARS: usize = 1024;

/// A drawn chart: PNG bytes, their size, and the caption that says its key figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub caption: String,
}

/// The Okabe-Ito palette.
pub mod palette {
    use plotters::style::RGBColor;
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    /// Neutrals for axes, grid lines and empty cells.
    pub const GREY: RGBColor = RGBColor(120, 120, 120);
    pub const LIGHT: RGBColor = RGBColor(225, 225, 225);
    pub const WHITE: RGBColor = RGBColor(255, 255, 255);
    /// Series colours, in order.
    pub const SERIES: [RGBColor; 8] = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, YELLOW, BLACK];
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_err() {
            tracing::error!("the embedded chart font could not be read");
        }
    });
}

fn draw_err(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("chart drawing: {e}"))
}

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A white RGB picture to draw on with plotters, then encode as PNG.
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    buf: Vec<u8>,
}

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;

impl Canvas {
    pub fn new(width: u32, height: u32) -> Self {
        register_font();
        let (width, height) = (width.min(MAX_WIDTH), height.max(1));
        Self { width, height, buf: vec![255; (width * height * 3) as usize] }
    }

    /// Draws with plotters on the picture (coordinates in pixels from the top left).
    pub fn draw(&mut self, f: impl FnOnce(&Pen<'_>) -> AppResult<()>) -> AppResult<()> {
        let pen =
            Pen { area: BitMapBackend::with_buffer(&mut self.buf, (self.width, self.height)).into_drawing_area() };
        f(&pen)?;
        pen.area.present().map_err(draw_err)
    }

    /// The picture as a PNG (8-bit RGB, best compression).
    pub fn png(&self) -> AppResult<Vec<u8>> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, self.width, self.height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Balanced);
        let mut writer = enc.write_header().map_err(AppError::internal)?;
        writer.write_image_data(&self.buf).map_err(AppError::internal)?;
        writer.finish().map_err(AppError::internal)?;
        Ok(out)
    }

    pub fn into_chart(self, caption: String) -> AppResult<Chart> {
        Ok(Chart {
            png: self.png()?,
            width: self.width,
            height: self.height,
            caption: clip(&caption, MAX_CAPTION_CHARS),
        })
    }
}

/// Drawing primitives in pixels.
pub struct Pen<'a> {
    area: Area<'a>,
}

impl Pen<'_> {
    pub fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, colour: RGBColor) -> AppResult<()> {
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled())).map_err(draw_err)
    }

    pub fn frame(&self, x0: i32, y0: i32, x1: i32, y1: i32, colour: RGBColor) -> AppResult<()> {
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.stroke_width(1))).map_err(draw_err)
    }

    pub fn line(&self, from: (i32, i32), to: (i32, i32), colour: RGBColor, width: u32) -> AppResult<()> {
        self.area.draw(&PathElement::new(vec![from, to], colour.stroke_width(width))).map_err(draw_err)
    }

    fn style(size: u32, colour: RGBColor, align: Align) -> TextStyle<'static> {
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        TextStyle {
            font: (FAMILY, size as f64).into_font(),
            color: colour.to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        }
    }

    /// Text centred vertically on `y`, cut with "…" to fit `max_width` pixels.
    pub fn text(
        &self,
        s: &str,
        (x, y): (i32, i32),
        size: u32,
        colour: RGBColor,
        align: Align,
        max_width: u32,
    ) -> AppResult<()> {
        let style = Self::style(size, colour, align);
        let fitted = self.fit(s, &style, max_width);
        self.area.draw(&Text::new(fitted, (x, y), style)).map_err(draw_err)
    }

    /// The width of a text in pixels.
    pub fn width_of(&self, s: &str, size: u32) -> u32 {
        self.area.estimate_text_size(s, &Self::style(size, palette::BLACK, Align::Left)).map_or(0, |(w, _)| w)
    }

    fn fit(&self, s: &str, style: &TextStyle<'_>, max_width: u32) -> String {
        let width = |t: &str| self.area.estimate_text_size(t, style).map_or(0, |(w, _)| w);
        if width(s) <= max_width {
            return s.to_string();
        }
        let mut chars: Vec<char> = s.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let t: String = chars.iter().collect::<String>() + "…";
            if width(&t) <= max_width {
                return t;
            }
        }
        String::new()
    }

    /// A legend: coloured squares with their labels, left to right from `x`, wrapping at `right`.
    /// Returns the y below the legend.
    pub fn legend(&self, items: &[(RGBColor, String)], x: i32, y: i32, right: i32, size: u32) -> AppResult<i32> {
        let (mut cx, mut cy) = (x, y);
        let sq = size as i32;
        for (colour, label) in items {
            let w = sq + 8 + self.width_of(label, size) as i32 + 24;
            if cx + w > right && cx > x {
                cx = x;
                cy += sq + 12;
            }
            self.rect(cx, cy - sq / 2, cx + sq, cy + sq / 2, *colour)?;
            self.text(
                label,
                (cx + sq + 8, cy),
                size,
                palette::BLACK,
                Align::Left,
                (right - cx - sq - 8).max(0) as u32,
            )?;
            cx += w;
        }
        Ok(cy + sq / 2 + 12)
    }
}

/// Draws a requested chart for a person, in `lang`, after checking they may see it
/// (`NotAllowed` otherwise; `NotFound` for a month or mechanism that does not exist).
pub async fn draw(ctx: &Ctx, access: &Access, request: &ChartRequest, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    use crate::services::{figures, wherewho};
    if !figures::may_see(ctx, access, request).await? {
        return Err(AppError::NotAllowed);
    }
    let month = request.month();
    match *request {
        ChartRequest::Reach { mechanism_id, .. }
        | ChartRequest::SexAge { mechanism_id, .. }
        | ChartRequest::Trend { mechanism_id, .. } => {
            let reach = figures::reach(ctx, month.ok_or(AppError::NotFound)?, mechanism_id).await?;
            match request {
                ChartRequest::Reach { .. } => fourw::reach_by_region_sector(&reach, lang, i18n),
                ChartRequest::SexAge { .. } => fourw::reach_by_sex_age(&reach, lang, i18n),
                _ => fourw::reach_trend(&reach, lang, i18n),
            }
        }
        ChartRequest::WhoWhere { mechanism_id, .. } => {
            let month = month.ok_or(AppError::NotFound)?;
            grids::who_where(&wherewho::of_month(&ctx.db, month, mechanism_id).await?, month, lang, i18n)
        }
        ChartRequest::Attendance { mechanism_id } => {
            grids::attendance(&figures::attendance_grid(ctx, mechanism_id).await?, ctx.tz, lang, i18n)
        }
        ChartRequest::Minutes => {
            let shares = figures::minutes_shares_for(ctx, access, figures::MINUTES_MONTHS).await?;
            minutes::minutes_shares(&shares, figures::MINUTES_MONTHS, lang, i18n)
        }
    }
}

/// Cuts a text to `max` characters, ending with "…" when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    s.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
}

/// "a, b, c and 4 more": at most `shown` items of a list, joined.
pub fn join_some(items: &[String], shown: usize, more: impl Fn(usize) -> String) -> String {
    let mut out = items.iter().take(shown).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > shown {
        out.push(' ');
        out.push_str(&more(items.len() - shown));
    }
    out
}

/// A round upper bound for an axis and its step (1, 2 or 5 × 10ⁿ; about five steps).
pub fn axis_scale(max: i64) -> (i64, i64) {
    let max = max.max(5);
    let rough = (max as f64 / 5.0).max(1.0);
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= rough).unwrap_or(10.0 * magnitude);
    let step = step.max(1.0) as i64;
    ((max + step - 1) / step * step, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_scales_are_round() {
        assert_eq!(axis_scale(0), (5, 1));
        assert_eq!(axis_scale(7), (8, 2));
        let (top, step) = axis_scale(12_345);
        assert!(top >= 12_345 && top % step == 0 && top / step <= 10, "{top} {step}");
        assert_eq!(clip("abcdef", 4), "abc…");
        let more = |n: usize| format!("+{n}");
        assert_eq!(join_some(&["a".into(), "b".into(), "c".into()], 2, more), "a, b +1");
    }
}
