//! The "📊" button any feature may show under its figures: its data names the chart
//! (`ChartRequest`), decoded by the router for the charts feature.

use super::callback::{CallbackData, id, parts};
use super::turn::button;
use crate::domain::figures::ChartRequest;
use crate::domain::fourw::ReportingMonth;
use crate::i18n::{ChartsMsg, I18n};
use teloxide::types::InlineKeyboardButton;

/// A pressed "📊" button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartButton(pub ChartRequest);

fn month_part(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

fn scope_part(mechanism_id: Option<i64>) -> String {
    mechanism_id.map_or("all".into(), |id| id.to_string())
}

impl CallbackData for ChartButton {
    fn encode(&self) -> String {
        use ChartRequest as C;
        match self.0 {
            C::Reach { year, month, mechanism_id } => {
                format!("ch:r:{}:{}", month_part(year, month), scope_part(mechanism_id))
            }
            C::SexAge { year, month, mechanism_id } => {
                format!("ch:s:{}:{}", month_part(year, month), scope_part(mechanism_id))
            }
            C::Trend { year, month, mechanism_id } => {
                format!("ch:t:{}:{}", month_part(year, month), scope_part(mechanism_id))
            }
            C::WhoWhere { year, month, mechanism_id } => {
                format!("ch:w:{}:{}", month_part(year, month), scope_part(mechanism_id))
            }
            C::Attendance { mechanism_id } => format!("ch:a:{mechanism_id}"),
            C::Minutes => "ch:m".into(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        use ChartRequest as C;
        let parts = parts(data)?;
        let request = match parts.as_slice() {
            ["ch", "a", m] => C::Attendance { mechanism_id: id(m)? },
            ["ch", "m"] => C::Minutes,
            ["ch", kind, month, scope] => {
                let m = ReportingMonth::parse(month).ok().filter(|m| m.to_string() == *month)?;
                let mechanism_id = if *scope == "all" { None } else { Some(id(scope)?) };
                let (year, month) = (m.year, m.month);
                match *kind {
                    "r" => C::Reach { year, month, mechanism_id },
                    "s" => C::SexAge { year, month, mechanism_id },
                    "t" => C::Trend { year, month, mechanism_id },
                    "w" => C::WhoWhere { year, month, mechanism_id },
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some(ChartButton(request))
    }
}

/// The "📊" button of a chart; `scope` names what it shows when there are several (a
/// mechanism's code), or is empty.
pub fn chart_button(
    i18n: &I18n,
    lang: crate::domain::Language,
    request: ChartRequest,
    scope: &str,
) -> InlineKeyboardButton {
    let label = i18n.render(lang, ChartsMsg::BtnChart { scope: scope.to_string() });
    button(label.trim_end().to_string(), ChartButton(request))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_buttons_round_trip_and_refuse_forgeries() {
        let all = [
            ChartRequest::Reach { year: 2026, month: 10, mechanism_id: None },
            ChartRequest::SexAge { year: 2026, month: 1, mechanism_id: Some(12) },
            ChartRequest::Trend { year: 2026, month: 12, mechanism_id: Some(3) },
            ChartRequest::WhoWhere { year: 2026, month: 10, mechanism_id: Some(7) },
            ChartRequest::Attendance { mechanism_id: 19 },
            ChartRequest::Minutes,
        ];
        for r in all {
            let data = ChartButton(r).encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(ChartButton::decode(&data), Some(ChartButton(r)), "{data}");
        }
        for forged in [
            "ch:r:2026-13:all",
            "ch:r:2026-1:all",
            "ch:x:2026-10:all",
            "ch:a:0",
            "ch:a:-4",
            "ch:r:2026-10:007",
            "ch:m:1",
        ] {
            assert_eq!(ChartButton::decode(forged), None, "{forged}");
        }
    }
}
