//! Grid charts: who does what where (organisations per cercle × sector, gaps marked) and the
//! attendance of organisations at the last meetings of a mechanism. Each cell carries a number
//! or a letter as well as a colour, so the grid reads without colours too.

use super::{Align, Canvas, Chart, MAX_WIDTH, join_some, palette};
use crate::domain::figures::{AttendanceGrid, AttendanceMark};
use crate::domain::fourw::ReportingMonth;
use crate::domain::{AppResult, Language};
use crate::i18n::{ChartsMsg as T, I18n, number};
use crate::services::wherewho::WhoWhere;
use plotters::style::RGBColor;
use std::collections::BTreeSet;
use strum::IntoEnumIterator;

const TITLE: u32 = 24;
const LABEL: u32 = 17;

/// One cell: its fill, its text and the text's colour.
struct Cell {
    fill: RGBColor,
    text: String,
    ink: RGBColor,
    /// Drawn with a frame of this colour (gaps).
    frame: Option<RGBColor>,
}

struct Grid {
    title: String,
    columns: Vec<String>,
    rows: Vec<(String, Vec<Cell>)>,
    legend: Vec<(RGBColor, String)>,
    note: Option<String>,
    label_width: i32,
    row_height: i32,
}

fn draw(grid: Grid, caption: String, empty: String) -> AppResult<Chart> {
    let width = MAX_WIDTH as i32;
    let legend_rows = (grid.legend.len() as i32 + 4) / 5;
    let top = 60 + legend_rows * 32 + if grid.note.is_some() { 30 } else { 0 } + 46;
    let height = top + grid.row_height * grid.rows.len().max(2) as i32 + 30;
    let mut canvas = Canvas::new(MAX_WIDTH, height as u32);
    canvas.draw(|p| {
        p.text(&grid.title, (20, 28), TITLE, palette::BLACK, Align::Left, MAX_WIDTH - 40)?;
        let mut y = 70;
        if !grid.legend.is_empty() {
            y = p.legend(&grid.legend, 20, y, width - 20, LABEL)?;
        }
        if let Some(note) = &grid.note {
            p.text(note, (20, y + 4), LABEL - 2, palette::GREY, Align::Left, MAX_WIDTH - 40)?;
        }
        if grid.rows.is_empty() || grid.columns.is_empty() {
            return p.text(&empty, (width / 2, top + 40), LABEL + 4, palette::GREY, Align::Center, MAX_WIDTH - 40);
        }
        let left = grid.label_width;
        let col = ((width - 20 - left) / grid.columns.len() as i32).min(170);
        for (j, c) in grid.columns.iter().enumerate() {
            let x = left + col * j as i32 + col / 2;
            p.text(c, (x, top - 22), LABEL - 1, palette::BLACK, Align::Center, (col - 6) as u32)?;
        }
        for (i, (label, cells)) in grid.rows.iter().enumerate() {
            let y0 = top + grid.row_height * i as i32;
            let y1 = y0 + grid.row_height - 3;
            p.text(label, (left - 10, (y0 + y1) / 2), LABEL - 1, palette::BLACK, Align::Right, (left - 20) as u32)?;
            for (j, cell) in cells.iter().enumerate() {
                let x0 = left + col * j as i32 + 2;
                let x1 = x0 + col - 4;
                p.rect(x0, y0, x1, y1, cell.fill)?;
                if let Some(f) = cell.frame {
                    p.frame(x0, y0, x1, y1, f)?;
                }
                p.text(&cell.text, ((x0 + x1) / 2, (y0 + y1) / 2), LABEL, cell.ink, Align::Center, (col - 8) as u32)?;
            }
        }
        Ok(())
    })?;
    canvas.into_chart(caption)
}

/// Sequential blues for 1, 2, 3 and 4+ organisations.
const COUNT_FILLS: [RGBColor; 4] = [RGBColor(210, 230, 245), RGBColor(150, 200, 235), palette::SKY_BLUE, palette::BLUE];

/// Organisations active per cercle × sector in the month; gaps marked with ×.
pub fn who_where(ww: &WhoWhere, month: ReportingMonth, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    let month_name = super::fourw::month_name(i18n, lang, month);
    let sectors: Vec<String> =
        ww.presence.iter().map(|p| p.sector.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let places: BTreeSet<(String, String, String)> = ww
        .presence
        .iter()
        .map(|p| &p.place)
        .chain(ww.gaps.iter().map(|g| &g.place))
        .map(|p| (p.cercle_pcode.clone(), p.cercle.clone(), p.region.clone()))
        .collect();
    let rows = places
        .iter()
        .map(|(pcode, cercle, region)| {
            let cells = sectors
                .iter()
                .map(|s| {
                    let n = ww
                        .presence
                        .iter()
                        .find(|p| p.place.cercle_pcode == *pcode && p.sector == *s)
                        .map_or(0, |p| p.orgs.len());
                    match n {
                        0 => Cell {
                            fill: palette::WHITE,
                            text: "×".into(),
                            ink: palette::VERMILLION,
                            frame: Some(palette::VERMILLION),
                        },
                        n => Cell {
                            fill: COUNT_FILLS[(n - 1).min(3)],
                            text: n.to_string(),
                            ink: if n >= 3 { palette::WHITE } else { palette::BLACK },
                            frame: None,
                        },
                    }
                })
                .collect();
            (format!("{cercle} ({region})"), cells)
        })
        .collect();
    let legend = vec![
        (COUNT_FILLS[0], "1".to_string()),
        (COUNT_FILLS[1], "2".to_string()),
        (COUNT_FILLS[2], "3".to_string()),
        (COUNT_FILLS[3], "4+".to_string()),
        (palette::VERMILLION, "×".to_string()),
    ];
    let caption = i18n.render(
        lang,
        T::ChartWhoWhereCaption {
            month: month_name.clone(),
            orgs: number(lang, ww.organisations() as i64),
            cells: number(lang, ww.presence.len() as i64),
            gaps: number(lang, ww.gaps.len() as i64),
            duplications: number(lang, ww.duplications.len() as i64),
        },
    );
    let grid = Grid {
        title: i18n.render(lang, T::ChartWhoWhereTitle { month: month_name }),
        columns: sectors,
        rows,
        legend,
        note: Some(i18n.render(lang, T::ChartWhoWhereLegend)),
        label_width: 300,
        row_height: 30,
    };
    draw(grid, caption, i18n.render(lang, T::ChartNoData))
}

fn mark_colour(m: AttendanceMark) -> (RGBColor, RGBColor) {
    match m {
        AttendanceMark::Present => (palette::BLUE, palette::WHITE),
        AttendanceMark::Alternate => (palette::SKY_BLUE, palette::BLACK),
        AttendanceMark::Absent => (palette::VERMILLION, palette::WHITE),
        AttendanceMark::Excused => (palette::YELLOW, palette::BLACK),
        AttendanceMark::Unknown => (palette::LIGHT, palette::BLACK),
    }
}

/// Organisations × the last meetings of a mechanism: present / alternate / absent / excused.
pub fn attendance(grid: &AttendanceGrid, tz: chrono_tz::Tz, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    let status = |m: AttendanceMark| i18n.render(lang, T::ChartStatus { status: m.as_ref().into() });
    let letter = |m: AttendanceMark| i18n.render(lang, T::ChartStatusLetter { status: m.as_ref().into() });
    let columns = grid.meetings.iter().map(|d| d.with_timezone(&tz).format("%d/%m/%Y").to_string()).collect();
    let rows = grid
        .rows
        .iter()
        .map(|(org, marks)| {
            let cells = marks
                .iter()
                .map(|m| {
                    let (fill, ink) = mark_colour(*m);
                    Cell { fill, text: letter(*m), ink, frame: None }
                })
                .collect();
            (org.clone(), cells)
        })
        .collect();
    let legend = AttendanceMark::iter().map(|m| (mark_colour(m).0, format!("{} {}", letter(m), status(m)))).collect();
    let rates: Vec<String> = grid
        .rows
        .iter()
        .map(|(org, marks)| {
            let counted = marks.iter().filter(|m| **m != AttendanceMark::Unknown).count();
            format!("{org} {}/{counted}", marks.iter().filter(|m| m.attended()).count())
        })
        .collect();
    let more = |n: usize| i18n.render(lang, T::ChartMore { count: n.to_string() });
    let caption = i18n.render(
        lang,
        T::ChartAttendanceCaption {
            mechanism: grid.mechanism.clone(),
            meetings: grid.meetings.len().to_string(),
            orgs: grid.rows.len().to_string(),
            rates: join_some(&rates, 30, more),
        },
    );
    let g = Grid {
        title: i18n.render(lang, T::ChartAttendanceTitle { mechanism: grid.mechanism.clone() }),
        columns,
        rows,
        legend,
        note: None,
        label_width: 220,
        row_height: 38,
    };
    draw(g, caption, i18n.render(lang, T::ChartNoData))
}
