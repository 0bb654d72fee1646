//! How the review status of lines carries over when an organisation submits again. Pure.

use super::fourw::Line;

/// The review status (and comment) each line of a resubmission gets. A line identical to a
/// line that was not returned keeps that line's status; after a return, or in place of a
/// returned or corrected line, a line is "corrected" (keeping the comment of the line it
/// replaces); otherwise "submitted".
pub fn review_after_resubmission(
    previous_status: &str,
    old: &[(Line, String, Option<String>)],
    new: &[Line],
) -> Vec<(&'static str, Option<String>)> {
    let mut used = vec![false; old.len()];
    new.iter()
        .enumerate()
        .map(|(i, line)| {
            let same = old.iter().enumerate().position(|(j, (l, st, _))| !used[j] && st != "returned" && l == line);
            if let Some(j) = same {
                used[j] = true;
                let (_, st, comment) = &old[j];
                return if st == "corrected" { ("corrected", comment.clone()) } else { ("submitted", None) };
            }
            // The line it replaces: the one at the same place when returned or corrected, else
            // the first returned line not accounted for (lines above it may have been deleted).
            let replaced = Some(i)
                .filter(|i| old.get(*i).is_some_and(|(_, st, _)| st == "returned" || st == "corrected") && !used[*i])
                .or_else(|| old.iter().enumerate().position(|(j, (_, st, _))| !used[j] && st == "returned"));
            if let Some(j) = replaced {
                used[j] = true;
            }
            if previous_status == "returned" || replaced.is_some() {
                ("corrected", replaced.and_then(|j| old[j].2.clone()))
            } else {
                ("submitted", None)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fourw::{ActivityStatus, Reached};
    use chrono::NaiveDate;

    fn line(cercle: &str, women: u32) -> Line {
        Line {
            sector: "PRO".into(),
            activity: "PRO-MON".into(),
            region: "ML05".into(),
            cercle: cercle.into(),
            status: ActivityStatus::Ongoing,
            start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            reached: Reached { women, ..Default::default() },
            partner: None,
            donor: None,
            remarks: None,
            ..Default::default()
        }
    }

    #[test]
    fn a_corrected_line_becomes_corrected_and_the_others_keep_their_status() {
        let old = vec![
            (line("ML0501", 10), "submitted".to_string(), None),
            (line("ML0507", 20), "returned".to_string(), Some("20 femmes ?".to_string())),
        ];
        // Line 2 corrected, line 1 unchanged.
        let new = [line("ML0501", 10), line("ML0507", 12)];
        assert_eq!(
            review_after_resubmission("returned", &old, &new),
            [("submitted", None), ("corrected", Some("20 femmes ?".to_string()))]
        );
        // Line 1 deleted: the corrected line moves up and is still "corrected".
        assert_eq!(
            review_after_resubmission("returned", &old, &[line("ML0507", 12)]),
            [("corrected", Some("20 femmes ?".to_string()))]
        );
        // A later resubmission without a return: unchanged lines keep their status, a new one is "submitted".
        let after = vec![
            (line("ML0501", 10), "submitted".to_string(), None),
            (line("ML0507", 12), "corrected".to_string(), Some("20 femmes ?".to_string())),
        ];
        let new = [line("ML0501", 10), line("ML0507", 12), line("ML0503", 5)];
        assert_eq!(
            review_after_resubmission("corrected", &after, &new),
            [("submitted", None), ("corrected", Some("20 femmes ?".to_string())), ("submitted", None)]
        );
        // A first submission: everything "submitted".
        assert_eq!(review_after_resubmission("", &[], &[line("ML0501", 1)]), [("submitted", None)]);
    }
}
