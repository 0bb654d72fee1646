//! 4W charts: people reached by region and sector (stacked bars), by sex and age group, and
//! the month against the six before it.

use super::{Align, Canvas, Chart, MAX_WIDTH, Pen, axis_scale, join_some, palette};
use crate::domain::figures::Reach;
use crate::domain::fourw::ReportingMonth;
use crate::domain::suppression::Shown;
use crate::domain::{AppResult, Language};
use crate::i18n::{ChartsMsg as T, I18n, number};
use plotters::style::RGBColor;

const TITLE: u32 = 26;
const LABEL: u32 = 19;

pub(super) fn month_name(i18n: &I18n, lang: Language, m: ReportingMonth) -> String {
    i18n.render(lang, T::ChartMonth { month: m.month, year: m.year })
}

fn more(i18n: &I18n, lang: Language) -> impl Fn(usize) -> String + '_ {
    move |n| i18n.render(lang, T::ChartMore { count: n.to_string() })
}

/// The colour of each sector (in the order given), from the palette.
pub fn sector_colours(sectors: &[&str]) -> Vec<RGBColor> {
    (0..sectors.len()).map(|i| palette::SERIES[i % palette::SERIES.len()]).collect()
}

/// Draws a vertical value axis (grid lines and labels) for a plot from `x0` to `x1`, with the
/// value 0 at `y_bottom` and `top` at `y_top`.
fn value_grid(
    p: &Pen<'_>,
    lang: Language,
    (x0, x1): (i32, i32),
    (y_top, y_bottom): (i32, i32),
    top: i64,
    step: i64,
) -> AppResult<()> {
    let mut v = 0;
    while v <= top {
        let y = y_bottom - ((y_bottom - y_top) as f64 * v as f64 / top as f64) as i32;
        p.line((x0, y), (x1, y), if v == 0 { palette::GREY } else { palette::LIGHT }, 1)?;
        p.text(&number(lang, v), (x0 - 10, y), LABEL - 3, palette::GREY, Align::Right, (x0 - 12).max(0) as u32)?;
        v += step;
    }
    Ok(())
}

/// How a count is written: exact, "<5" when small, "x" when hidden so a small one cannot be
/// worked out.
pub fn shown_text(lang: Language, shown: Shown, threshold: i64) -> String {
    match shown {
        Shown::Exact(n) => number(lang, n),
        Shown::Small => format!("<{threshold}"),
        Shown::Hidden => "x".into(),
    }
}

/// People reached by region (rows) and sector (stacked), for the month, with every figure
/// exact (for the chairs and coordinators).
pub fn reach_by_region_sector(reach: &Reach, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    reach_by_region_sector_for(reach, None, lang, i18n)
}

/// The same chart; with `Some(threshold)` it may leave the chairs and coordinators: the
/// counts of gender-based violence and child protection below the threshold are written
/// "<threshold>", what would give them away "x", and neither is drawn as a bar.
pub fn reach_by_region_sector_for(
    reach: &Reach,
    small_numbers: Option<i64>,
    lang: Language,
    i18n: &I18n,
) -> AppResult<Chart> {
    let threshold = small_numbers.unwrap_or(0);
    let table = reach.shared(threshold);
    let text = |s: Shown| shown_text(lang, s, threshold);
    let month = month_name(i18n, lang, reach.month);
    let regions = reach.regions();
    let sectors = reach.sectors();
    let colours = sector_colours(&sectors);
    let row_h = 48;
    let (left, right) = (190, MAX_WIDTH as i32 - 110);
    let legend_rows = ((sectors.len() as i32 + 4) / 5).max(1);
    let top = 70 + legend_rows * 34;
    let height = (top + row_h * regions.len().max(3) as i32 + 70) as u32;
    let mut canvas = Canvas::new(MAX_WIDTH, height);
    canvas.draw(|p| {
        p.text(
            &i18n.render(lang, T::ChartReachTitle { month: month.clone() }),
            (20, 30),
            TITLE,
            palette::BLACK,
            Align::Left,
            MAX_WIDTH - 40,
        )?;
        let items: Vec<(RGBColor, String)> = sectors.iter().zip(&colours).map(|(s, c)| (*c, s.to_string())).collect();
        p.legend(&items, 20, 78, MAX_WIDTH as i32 - 20, LABEL)?;
        if regions.is_empty() {
            return p.text(
                &i18n.render(lang, T::ChartNoData),
                (MAX_WIDTH as i32 / 2, top + 80),
                LABEL + 4,
                palette::GREY,
                Align::Center,
                MAX_WIDTH - 40,
            );
        }
        let drawn = |r: usize, s: usize| match table.cells[r][s] {
            Shown::Exact(n) => n,
            _ => 0,
        };
        let max = (0..regions.len()).map(|r| (0..sectors.len()).map(|s| drawn(r, s)).sum::<i64>()).max().unwrap_or(1);
        let (scale_top, step) = axis_scale(max);
        let bottom = top + row_h * regions.len() as i32;
        let x_of = |v: i64| left + ((right - left) as f64 * v as f64 / scale_top as f64) as i32;
        // Vertical grid lines with their values under the plot.
        let mut v = 0;
        while v <= scale_top {
            let x = x_of(v);
            p.line((x, top - 6), (x, bottom), if v == 0 { palette::GREY } else { palette::LIGHT }, 1)?;
            p.text(&number(lang, v), (x, bottom + 20), LABEL - 3, palette::GREY, Align::Center, 120)?;
            v += step;
        }
        p.text(
            &i18n.render(lang, T::ChartPeople),
            ((left + right) / 2, bottom + 50),
            LABEL - 1,
            palette::BLACK,
            Align::Center,
            600,
        )?;
        for (i, region) in regions.iter().enumerate() {
            let y0 = top + row_h * i as i32 + 8;
            let y1 = y0 + row_h - 16;
            p.text(region, (left - 12, (y0 + y1) / 2), LABEL, palette::BLACK, Align::Right, (left - 24) as u32)?;
            let mut acc = 0;
            for (s, colour) in colours.iter().enumerate() {
                let n = drawn(i, s);
                if n > 0 {
                    p.rect(x_of(acc), y0, x_of(acc + n).max(x_of(acc) + 1), y1, *colour)?;
                    acc += n;
                }
            }
            let label = text(table.row_totals[i]);
            p.text(&label, (x_of(acc) + 8, (y0 + y1) / 2), LABEL - 2, palette::BLACK, Align::Left, 110)?;
        }
        Ok(())
    })?;
    // Sorted by what is shown (a hidden count sorts as nothing), so the order gives none away.
    let order = |s: &Shown| std::cmp::Reverse(if let Shown::Exact(n) = s { *n } else { 0 });
    let mut by_region: Vec<(Shown, &str)> = regions.iter().zip(&table.row_totals).map(|(r, t)| (*t, *r)).collect();
    by_region.sort_by_key(|r| order(&r.0));
    let mut by_sector: Vec<(Shown, &str)> = sectors.iter().zip(&table.column_totals).map(|(s, t)| (*t, *s)).collect();
    by_sector.sort_by_key(|r| order(&r.0));
    let list = |items: &[(Shown, &str)]| {
        let texts: Vec<String> = items.iter().map(|(n, name)| format!("{name} {}", text(*n))).collect();
        join_some(&texts, 6, more(i18n, lang))
    };
    let caption = i18n.render(
        lang,
        T::ChartReachCaption { month, total: text(table.total), regions: list(&by_region), sectors: list(&by_sector) },
    );
    canvas.into_chart(caption)
}

/// Vertical bars with their value above and their label below.
fn bars(p: &Pen<'_>, lang: Language, bars: &[(String, i64, RGBColor)], top: i32, bottom: i32) -> AppResult<()> {
    let (left, right) = (120, MAX_WIDTH as i32 - 30);
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0);
    let (scale_top, step) = axis_scale(max);
    value_grid(p, lang, (left, right), (top, bottom), scale_top, step)?;
    let slot = (right - left) / bars.len().max(1) as i32;
    for (i, (label, value, colour)) in bars.iter().enumerate() {
        let x0 = left + slot * i as i32 + slot / 6;
        let x1 = left + slot * (i as i32 + 1) - slot / 6;
        let y = bottom - ((bottom - top) as f64 * *value as f64 / scale_top as f64) as i32;
        if *value > 0 {
            p.rect(x0, y, x1, bottom, *colour)?;
        }
        p.text(&number(lang, *value), ((x0 + x1) / 2, y - 16), LABEL - 1, palette::BLACK, Align::Center, slot as u32)?;
        p.text(label, ((x0 + x1) / 2, bottom + 22), LABEL - 1, palette::BLACK, Align::Center, slot as u32 - 4)?;
    }
    Ok(())
}

/// People reached by sex and age group, for the month.
pub fn reach_by_sex_age(reach: &Reach, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    let month = month_name(i18n, lang, reach.month);
    let s = reach.sex_age;
    let group = |g: &str| i18n.render(lang, T::ChartGroup { group: g.into() });
    let data = vec![
        (group("girls"), s.girls, palette::ORANGE),
        (group("boys"), s.boys, palette::SKY_BLUE),
        (group("women"), s.women, palette::VERMILLION),
        (group("men"), s.men, palette::BLUE),
    ];
    let mut canvas = Canvas::new(MAX_WIDTH, 620);
    canvas.draw(|p| {
        p.text(
            &i18n.render(lang, T::ChartSexAgeTitle { month: month.clone() }),
            (20, 30),
            TITLE,
            palette::BLACK,
            Align::Left,
            MAX_WIDTH - 40,
        )?;
        if s.total() == 0 {
            return p.text(
                &i18n.render(lang, T::ChartNoData),
                (MAX_WIDTH as i32 / 2, 300),
                LABEL + 4,
                palette::GREY,
                Align::Center,
                MAX_WIDTH - 40,
            );
        }
        bars(p, lang, &data, 110, 560)
    })?;
    let groups: Vec<String> = data.iter().map(|(label, n, _)| format!("{label} {}", number(lang, *n))).collect();
    let caption = i18n.render(
        lang,
        T::ChartSexAgeCaption {
            month,
            total: number(lang, s.total()),
            groups: groups.join(", "),
            disabled: number(lang, s.disabled),
        },
    );
    canvas.into_chart(caption)
}

/// The month's reach against the six months before it.
pub fn reach_trend(reach: &Reach, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    let month = month_name(i18n, lang, reach.month);
    let last = reach.history.len().saturating_sub(1);
    let data: Vec<(String, i64, RGBColor)> = reach
        .history
        .iter()
        .enumerate()
        .map(|(i, (m, n))| {
            (format!("{:02}/{}", m.month, m.year), *n, if i == last { palette::BLUE } else { palette::SKY_BLUE })
        })
        .collect();
    let mut canvas = Canvas::new(MAX_WIDTH, 620);
    canvas.draw(|p| {
        p.text(
            &i18n.render(lang, T::ChartTrendTitle { month: month.clone() }),
            (20, 30),
            TITLE,
            palette::BLACK,
            Align::Left,
            MAX_WIDTH - 40,
        )?;
        bars(p, lang, &data, 110, 560)
    })?;
    let previous = &reach.history[..last];
    let average =
        if previous.is_empty() { 0 } else { previous.iter().map(|(_, n)| n).sum::<i64>() / previous.len() as i64 };
    let months: Vec<String> =
        reach.history.iter().map(|(m, n)| format!("{:02}/{} {}", m.month, m.year, number(lang, *n))).collect();
    let caption = i18n.render(
        lang,
        T::ChartTrendCaption {
            month,
            total: number(lang, reach.history.last().map_or(0, |(_, n)| *n)),
            average: number(lang, average),
            months: months.join(", "),
        },
    );
    canvas.into_chart(caption)
}
