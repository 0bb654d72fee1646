//! The share of minutes shared within 72 hours, per mechanism, as horizontal bars.

use super::{Align, Canvas, Chart, MAX_WIDTH, join_some, palette};
use crate::domain::figures::{MinutesShare, percent};
use crate::domain::{AppResult, Language};
use crate::i18n::{ChartsMsg as T, I18n};

const LABEL: u32 = 18;

/// One bar per mechanism with meetings in the period: the share within 72 h, and "n/m".
pub fn minutes_shares(shares: &[MinutesShare], months: u32, lang: Language, i18n: &I18n) -> AppResult<Chart> {
    let row_h = 40;
    let top = 110;
    let height = (top + row_h * shares.len().max(3) as i32 + 60) as u32;
    let (left, right) = (170, MAX_WIDTH as i32 - 190);
    let mut canvas = Canvas::new(MAX_WIDTH, height);
    canvas.draw(|p| {
        let title = i18n.render(lang, T::ChartMinutesTitle { months: months.to_string() });
        p.text(&title, (20, 30), 26, palette::BLACK, Align::Left, MAX_WIDTH - 40)?;
        if shares.is_empty() {
            return p.text(
                &i18n.render(lang, T::ChartNoData),
                (MAX_WIDTH as i32 / 2, top + 60),
                LABEL + 4,
                palette::GREY,
                Align::Center,
                MAX_WIDTH - 40,
            );
        }
        let bottom = top + row_h * shares.len() as i32;
        for pct in [0, 25, 50, 75, 100] {
            let x = left + (right - left) * pct / 100;
            p.line((x, top - 6), (x, bottom), if pct == 0 { palette::GREY } else { palette::LIGHT }, 1)?;
            p.text(&format!("{pct} %"), (x, bottom + 20), LABEL - 3, palette::GREY, Align::Center, 80)?;
        }
        for (i, s) in shares.iter().enumerate() {
            let y0 = top + row_h * i as i32 + 6;
            let y1 = y0 + row_h - 12;
            p.text(&s.mechanism, (left - 12, (y0 + y1) / 2), LABEL, palette::BLACK, Align::Right, (left - 24) as u32)?;
            // Below 100 %: the missing part in vermillion, so the gap shows without the number.
            p.rect(left, y0, right, y1, palette::LIGHT)?;
            let x = left + (right - left) * s.percent() as i32 / 100;
            if s.on_time > 0 {
                p.rect(left, y0, x.max(left + 1), y1, palette::GREEN)?;
            }
            if s.on_time < s.meetings {
                p.rect(x, y1 - 5, right, y1, palette::VERMILLION)?;
            }
            let bar = i18n
                .render(lang, T::ChartMinutesBar { on_time: s.on_time.to_string(), meetings: s.meetings.to_string() });
            p.text(
                &format!("{} % · {bar}", s.percent()),
                (right + 10, (y0 + y1) / 2),
                LABEL - 1,
                palette::BLACK,
                Align::Left,
                170,
            )?;
        }
        Ok(())
    })?;
    let (on_time, meetings) = shares.iter().fold((0, 0), |(a, b), s| (a + s.on_time, b + s.meetings));
    let overall = format!("{} % ({on_time}/{meetings})", percent(on_time, meetings));
    let list: Vec<String> =
        shares.iter().map(|s| format!("{} {} % ({}/{})", s.mechanism, s.percent(), s.on_time, s.meetings)).collect();
    let more = |n: usize| i18n.render(lang, T::ChartMore { count: n.to_string() });
    let caption = i18n
        .render(lang, T::ChartMinutesCaption { months: months.to_string(), overall, list: join_some(&list, 19, more) });
    canvas.into_chart(caption)
}
