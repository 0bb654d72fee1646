//! How a resubmission changes the review status of returned lines.

use super::*;

fn line(cercle: &str, women: u32) -> Line {
    Line {
        sector: "PRO".into(),
        activity: "PRO-MON".into(),
        region: "ML05".into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        end: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        reached: Reached { girls: 0, boys: 0, women, men: 0, disabled: 0 },
        partner: None,
        donor: None,
        remarks: None,
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
