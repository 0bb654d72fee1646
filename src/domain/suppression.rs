//! Small numbers in what leaves the chairs and coordinators: counts of people below a
//! threshold (5 by default) in lines of gender-based violence and child protection — every
//! such line names a cercle, often a commune — are shown as "<5" (primary suppression), and
//! enough other counts are hidden ("x") that none of them can be worked out from the totals
//! (secondary suppression): every group of counts that adds up to a shown total, and every
//! column of the table with its total, holds either no hidden count or at least two.
//!
//! Pure functions over numbers; the export decides which lines are sensitive and writes the
//! marks.

/// The threshold when the setting is not given.
pub const DEFAULT_THRESHOLD: i64 = 5;
/// The bounds of the setting.
pub const THRESHOLD_RANGE: std::ops::RangeInclusive<i64> = 2..=100;

/// Sectors whose lines are sensitive at cercle or commune level.
pub const SENSITIVE_SECTORS: &[&str] = &["PRO-GBV", "PRO-CPN"];

pub fn is_sensitive_sector(code: &str) -> bool {
    SENSITIVE_SECTORS.contains(&code)
}

/// How one count is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Exact(i64),
    /// Below the threshold (and above zero): "<5".
    Small,
    /// Hidden so that a small count cannot be recomputed: "x".
    Hidden,
}

impl Shown {
    pub fn is_hidden(self) -> bool {
        !matches!(self, Shown::Exact(_))
    }
}

fn primary(n: i64, threshold: i64) -> Shown {
    if n > 0 && n < threshold { Shown::Small } else { Shown::Exact(n) }
}

/// One count alone, in no sum (e.g. persons with disabilities among those reached).
pub fn single(n: i64, threshold: i64) -> Shown {
    primary(n, threshold)
}

/// Makes sure a group (cells that add up to `total`) does not hold exactly one hidden value:
/// if it does, the smallest shown non-zero cell is hidden too, else the total.
fn complete(cells: &mut [Shown], total: &mut Shown, values: &[i64]) {
    let hidden = cells.iter().filter(|c| c.is_hidden()).count() + usize::from(total.is_hidden());
    if hidden != 1 {
        return;
    }
    let smallest = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !c.is_hidden() && values.get(*i).is_some_and(|v| *v > 0))
        .min_by_key(|(i, _)| values.get(*i).copied().unwrap_or(i64::MAX))
        .map(|(i, _)| i);
    match smallest {
        Some(i) => cells[i] = Shown::Hidden,
        None if !total.is_hidden() => *total = Shown::Hidden,
        // Only the total is hidden and every cell is zero or hidden: hide a zero cell so
        // that the total cannot be read as their sum.
        None => {
            if let Some(c) = cells.iter_mut().find(|c| !c.is_hidden()) {
                *c = Shown::Hidden;
            }
        }
    }
}

/// The counts of one sensitive line that add up to `total` (e.g. girls, boys, women, men…).
pub fn group(values: &[i64], total: i64, threshold: i64) -> (Vec<Shown>, Shown) {
    let mut cells: Vec<Shown> = values.iter().map(|n| primary(*n, threshold)).collect();
    let mut sum = primary(total, threshold);
    complete(&mut cells, &mut sum, values);
    (cells, sum)
}

/// The totals row: per column its sum and how many of its cells are hidden; `groups` are the
/// columns of the row that add up to another of its columns (`(cells, total)` indices).
/// A column with exactly one hidden cell has its total hidden; a column total below the
/// threshold that includes a hidden cell is shown as small; then each group of the row is
/// completed like a line.
pub fn totals(
    sums: &[i64],
    hidden: &[usize],
    groups: &[(std::ops::Range<usize>, usize)],
    threshold: i64,
) -> Vec<Shown> {
    let mut out: Vec<Shown> = sums
        .iter()
        .zip(hidden)
        .map(|(sum, h)| match h {
            0 => Shown::Exact(*sum),
            1 => Shown::Hidden,
            _ => primary(*sum, threshold),
        })
        .collect();
    out.resize(sums.len(), Shown::Exact(0));
    for (cells, total) in groups {
        if cells.end > out.len() || *total >= out.len() || cells.contains(total) {
            continue;
        }
        let mut t = out[*total];
        let values = &sums[cells.clone()];
        complete(&mut out[cells.clone()], &mut t, values);
        out[*total] = t;
    }
    out
}

/// A table shown whole (rows × columns, with row, column and grand totals), as the charts and
/// the digest show the reach by region and sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

/// A table whose `sensitive` columns hold counts of people that must not be shown below the
/// threshold: each row is completed like a line (no row holds exactly one hidden value with
/// its total), then the column totals and the grand total like the totals row of an export.
/// A count of a whole region is kept from view too when small: it bounds every cercle's count
/// in it, and gives it away when only one cercle reported.
pub fn table(rows: &[Vec<i64>], sensitive: &[bool], threshold: i64) -> Table {
    let columns = sensitive.len();
    let mut cells = Vec::with_capacity(rows.len());
    let mut row_totals = Vec::with_capacity(rows.len());
    for row in rows {
        let values: Vec<i64> = (0..columns).map(|i| row.get(i).copied().unwrap_or(0)).collect();
        let total: i64 = values.iter().sum();
        let mut shown: Vec<Shown> = values
            .iter()
            .zip(sensitive)
            .map(|(n, s)| if *s { primary(*n, threshold) } else { Shown::Exact(*n) })
            .collect();
        let mut sum = Shown::Exact(total);
        complete(&mut shown, &mut sum, &values);
        cells.push(shown);
        row_totals.push(sum);
    }
    let mut sums: Vec<i64> = (0..columns).map(|c| rows.iter().map(|r| r.get(c).copied().unwrap_or(0)).sum()).collect();
    sums.push(sums.iter().sum());
    let mut hidden: Vec<usize> = (0..columns).map(|c| cells.iter().filter(|r| r[c].is_hidden()).count()).collect();
    hidden.push(row_totals.iter().filter(|t| t.is_hidden()).count());
    let mut out = totals(&sums, &hidden, &[(0..columns, columns)], threshold);
    let total = out.pop().unwrap_or(Shown::Exact(0));
    Table { cells, row_totals, column_totals: out, total }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(v: &[Shown]) -> usize {
        v.iter().filter(|c| c.is_hidden()).count()
    }

    #[test]
    fn a_small_count_is_hidden_with_the_next_smallest_so_the_total_does_not_give_it_away() {
        let (cells, total) = group(&[3, 40, 0, 12, 0, 0], 55, 5);
        assert_eq!(
            cells,
            vec![Shown::Small, Shown::Exact(40), Shown::Exact(0), Shown::Hidden, Shown::Exact(0), Shown::Exact(0)]
        );
        assert_eq!(total, Shown::Exact(55));
    }

    #[test]
    fn a_line_of_a_few_people_shows_no_number() {
        let (cells, total) = group(&[3, 0, 0, 0, 0, 0], 3, 5);
        assert_eq!(cells[0], Shown::Small);
        assert_eq!(total, Shown::Small);
        let (cells, total) = group(&[0, 0, 0, 0, 0, 0], 0, 5);
        assert_eq!(hidden(&cells) + usize::from(total.is_hidden()), 0, "zeros say nothing");
    }

    #[test]
    fn large_counts_are_left_alone() {
        let (cells, total) = group(&[5, 40, 7, 12, 0, 0], 64, 5);
        assert_eq!(hidden(&cells), 0);
        assert_eq!(total, Shown::Exact(64));
    }

    #[test]
    fn a_column_total_with_a_single_hidden_cell_is_hidden_and_its_row_group_completed() {
        // Columns: two cells and their total; one hidden cell in column 0 only.
        let out = totals(&[3, 50, 53], &[1, 0, 0], &[(0..2, 2)], 5);
        assert_eq!(out, vec![Shown::Hidden, Shown::Hidden, Shown::Exact(53)]);
        // Two hidden cells in a column: its total only gives their sum.
        let out = totals(&[7, 50, 57], &[2, 0, 0], &[(0..2, 2)], 5);
        assert_eq!(out, vec![Shown::Exact(7), Shown::Exact(50), Shown::Exact(57)]);
    }

    #[test]
    fn every_group_holds_no_hidden_count_or_at_least_two() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as i64
        };
        for _ in 0..20_000 {
            let values: Vec<i64> = (0..6).map(|_| if next(3) == 0 { next(6) } else { next(60) }).collect();
            let total = values.iter().sum();
            let (cells, t) = group(&values, total, 5);
            let h = hidden(&cells) + usize::from(t.is_hidden());
            assert!(h != 1, "{values:?} → {cells:?} {t:?}");
            for (v, c) in values.iter().zip(&cells) {
                if *v > 0 && *v < 5 {
                    assert_eq!(*c, Shown::Small, "{values:?}");
                }
                if let Shown::Exact(n) = c {
                    assert_eq!(n, v);
                }
            }
        }
    }
    #[test]
    fn a_table_hides_a_small_sensitive_count_and_what_would_give_it_away() {
        // Regions × (PRO, PRO-GBV, PRO-CPN): Gao has 3 GBV survivors reached.
        let rows = vec![vec![40, 3, 12], vec![25, 30, 0]];
        let t = table(&rows, &[false, true, true], 5);
        assert_eq!(t.cells[0][1], Shown::Small);
        assert!(t.cells[0][2].is_hidden(), "the next smallest of the row is hidden with it");
        assert_eq!(t.row_totals[0], Shown::Exact(55), "two hidden values: the total gives only their sum");
        for (c, total) in t.column_totals.iter().enumerate() {
            let in_column = t.cells.iter().filter(|r| r[c].is_hidden()).count() + usize::from(total.is_hidden());
            assert_ne!(in_column, 1, "column {c}: {t:?}");
        }
        // Not sensitive: a small count of general protection is shown.
        let t = table(&[vec![3, 40, 0]], &[false, true, true], 5);
        assert_eq!(t.cells[0], vec![Shown::Exact(3), Shown::Exact(40), Shown::Exact(0)]);
        assert_eq!(t.total, Shown::Exact(43));
    }

    #[test]
    fn no_row_or_column_of_a_table_holds_a_single_hidden_value() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as i64
        };
        for _ in 0..5_000 {
            let rows: Vec<Vec<i64>> =
                (0..4).map(|_| (0..3).map(|_| if next(3) == 0 { next(6) } else { next(60) }).collect()).collect();
            let t = table(&rows, &[false, true, true], 5);
            for (r, row) in t.cells.iter().enumerate() {
                let h = row.iter().filter(|c| c.is_hidden()).count() + usize::from(t.row_totals[r].is_hidden());
                assert_ne!(h, 1, "{rows:?} → {t:?}");
                for c in 1..3 {
                    if rows[r][c] > 0 && rows[r][c] < 5 {
                        assert_eq!(row[c], Shown::Small, "{rows:?}");
                    }
                }
            }
            for c in 0..3 {
                let h =
                    t.cells.iter().filter(|r| r[c].is_hidden()).count() + usize::from(t.column_totals[c].is_hidden());
                assert_ne!(h, 1, "column {c} of {rows:?} → {t:?}");
            }
        }
    }
}
