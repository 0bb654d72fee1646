//! Admin boundary tables (OCHA COD-AB): finding the P-code and name columns of a table and
//! turning its rows into units. Pure: the file is read by the caller.

use std::collections::BTreeMap;

/// One admin unit of a boundary version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub pcode: String,
    /// 1 region, 2 cercle, 3 commune.
    pub level: u8,
    pub name: String,
    pub parent: Option<String>,
}

/// The columns found for one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelColumns {
    pub level: u8,
    pub pcode: String,
    pub name: String,
}

/// What was found in a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// Wide COD-AB tables: one row per lowest unit, a P-code and a name column per level.
    pub levels: Vec<LevelColumns>,
    /// Long tables (as shipped): "Admin Level", "P-Code", "Name", "Parent P-Code".
    pub long: bool,
    pub units: Vec<Unit>,
    /// Units per level (1, 2, 3).
    pub counts: [usize; 3],
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("no P-code columns found (looked for ADM1_PCODE, ADM2_PCODE, ADM3_PCODE or P-Code); columns seen: {0}")]
    NoColumns(String),
    #[error("row {row}: the P-code \"{pcode}\" is not valid (2 to 20 letters or digits)")]
    BadPcode { row: usize, pcode: String },
    #[error("row {row}: the unit {pcode} has no name")]
    NoName { row: usize, pcode: String },
    #[error("row {row}: {pcode} is named \"{name}\" here but \"{other}\" above")]
    Conflict { row: usize, pcode: String, name: String, other: String },
    #[error("row {row}: {pcode} belongs to {parent} here but to {other} above")]
    ParentConflict { row: usize, pcode: String, parent: String, other: String },
    #[error("the unit {pcode} names the parent {parent}, which is not in the table")]
    MissingParent { pcode: String, parent: String },
    #[error("no level-1 unit in the table")]
    NoRegions,
    #[error("the level of {pcode} is not 1, 2 or 3")]
    BadLevel { pcode: String },
    #[error("the file is refused: {0}")]
    Refused(String),
}

/// Letters and digits only, lower case: "ADM1_PCODE" → "adm1pcode", "admin1Name_fr" → "admin1namefr".
fn key(header: &str) -> String {
    header.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase()
}

fn find_column(headers: &[String], candidates: &[String]) -> Option<usize> {
    candidates.iter().find_map(|c| headers.iter().position(|h| key(h) == *c))
}

fn valid_pcode(p: &str) -> bool {
    (2..=20).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Finds the columns and reads the units (parents first, each once).
pub fn read_table(headers: &[String], rows: &[Vec<String>]) -> Result<Detected, TableError> {
    let cell = |row: &Vec<String>, i: usize| row.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
    let mut levels = Vec::new();
    let mut indexes = Vec::new();
    for level in 1..=3u8 {
        let pcode = find_column(headers, &[format!("adm{level}pcode"), format!("admin{level}pcode")]);
        let name = find_column(
            headers,
            &[
                format!("adm{level}fr"),
                format!("admin{level}namefr"),
                format!("adm{level}name"),
                format!("admin{level}name"),
                format!("adm{level}en"),
                format!("admin{level}nameen"),
                format!("adm{level}ref"),
            ],
        );
        if let (Some(p), Some(n)) = (pcode, name) {
            levels.push(LevelColumns { level, pcode: headers[p].clone(), name: headers[n].clone() });
            indexes.push((level, p, n));
        } else {
            break;
        }
    }
    let mut units: BTreeMap<String, (usize, Unit)> = BTreeMap::new();
    let mut add = |row: usize, u: Unit| -> Result<(), TableError> {
        if !valid_pcode(&u.pcode) {
            return Err(TableError::BadPcode { row, pcode: u.pcode });
        }
        if u.name.is_empty() {
            return Err(TableError::NoName { row, pcode: u.pcode });
        }
        match units.get(&u.pcode) {
            Some((_, seen)) if seen.name != u.name => Err(TableError::Conflict {
                row,
                pcode: u.pcode.clone(),
                name: u.name.clone(),
                other: seen.name.clone(),
            }),
            Some((_, seen)) if seen.parent != u.parent => Err(TableError::ParentConflict {
                row,
                pcode: u.pcode.clone(),
                parent: u.parent.clone().unwrap_or_default(),
                other: seen.parent.clone().unwrap_or_default(),
            }),
            Some(_) => Ok(()),
            None => {
                units.insert(u.pcode.clone(), (row, u));
                Ok(())
            }
        }
    };
    let long = indexes.is_empty();
    // Row numbers as a spreadsheet shows them: the header is row 1.
    if !long {
        for (i, row) in rows.iter().enumerate() {
            let mut parent: Option<String> = None;
            for (level, p, n) in &indexes {
                let pcode = cell(row, *p).to_ascii_uppercase();
                if pcode.is_empty() {
                    break;
                }
                add(i + 2, Unit { pcode: pcode.clone(), level: *level, name: cell(row, *n), parent: parent.clone() })?;
                parent = Some(pcode);
            }
        }
    } else {
        let col = |names: &[&str]| find_column(headers, &names.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let (Some(level), Some(pcode), Some(name)) =
            (col(&["adminlevel", "level"]), col(&["pcode"]), col(&["name", "namefr"]))
        else {
            return Err(TableError::NoColumns(headers.join(", ")));
        };
        let parent = col(&["parentpcode"]);
        for (i, row) in rows.iter().enumerate() {
            let code = cell(row, pcode).to_ascii_uppercase();
            if code.is_empty() {
                continue;
            }
            let lvl: u8 = match cell(row, level).parse::<u8>() {
                Ok(l @ 1..=3) => l,
                _ => return Err(TableError::BadLevel { pcode: code }),
            };
            let parent = parent.map(|p| cell(row, p).to_ascii_uppercase()).filter(|p| lvl > 1 && !p.is_empty());
            add(i + 2, Unit { pcode: code, level: lvl, name: cell(row, name), parent })?;
        }
    }
    let mut out: Vec<Unit> = units.into_values().map(|(_, u)| u).collect();
    out.sort_by(|a, b| (a.level, &a.pcode).cmp(&(b.level, &b.pcode)));
    for u in &out {
        if let Some(p) = &u.parent
            && !out.iter().any(|x| &x.pcode == p && x.level + 1 == u.level)
        {
            return Err(TableError::MissingParent { pcode: u.pcode.clone(), parent: p.clone() });
        }
    }
    let mut counts = [0usize; 3];
    for u in &out {
        counts[usize::from(u.level) - 1] += 1;
    }
    if counts[0] == 0 {
        return Err(TableError::NoRegions);
    }
    Ok(Detected { levels, long, units: out, counts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn wide_cod_ab_columns_are_detected_and_units_deduplicated() {
        let headers = s(&["ADM0_FR", "ADM0_PCODE", "ADM1_FR", "ADM1_PCODE", "ADM2_FR", "ADM2_PCODE", "validOn"]);
        let rows = vec![
            s(&["Mali", "ML", "Nioro", "ML21", "Nioro", "ML2101", "2024-01-01"]),
            s(&["Mali", "ML", "Nioro", "ML21", "Diéma", "ML2102", "2024-01-01"]),
            s(&["Mali", "ML", "Bamako", "ml30", "Bamako", "ML3001", "2024-01-01"]),
        ];
        let d = read_table(&headers, &rows).unwrap();
        assert!(!d.long);
        assert_eq!(d.levels.len(), 2);
        assert_eq!(d.levels[0], LevelColumns { level: 1, pcode: "ADM1_PCODE".into(), name: "ADM1_FR".into() });
        assert_eq!(d.counts, [2, 3, 0]);
        assert_eq!(d.units[0], Unit { pcode: "ML21".into(), level: 1, name: "Nioro".into(), parent: None });
        assert_eq!(d.units.iter().find(|u| u.pcode == "ML3001").unwrap().parent.as_deref(), Some("ML30"));
    }

    #[test]
    fn long_tables_and_bad_tables() {
        let headers = s(&["Location", "Admin Level", "P-Code", "Name", "Parent P-Code", "Valid from date"]);
        let rows = vec![
            s(&["MLI", "1", "ML01", "Kayes", "MLI", "2021-12-20"]),
            s(&["MLI", "2", "ML0101", "Bafoulabe", "ML01", "2021-12-20"]),
        ];
        let d = read_table(&headers, &rows).unwrap();
        assert!(d.long);
        assert_eq!(d.counts, [1, 1, 0]);
        assert_eq!(d.units[0].parent, None, "the country is not a parent");

        assert!(matches!(read_table(&s(&["a", "b"]), &[]), Err(TableError::NoColumns(_))));
        let orphan = vec![s(&["MLI", "2", "ML0101", "Bafoulabe", "ML01", "x"])];
        assert!(matches!(read_table(&headers, &orphan), Err(TableError::MissingParent { .. })));
        let headers = s(&["ADM1_PCODE", "ADM1_FR", "ADM2_PCODE", "ADM2_FR"]);
        let conflict = vec![s(&["ML21", "Nioro", "ML2101", "A"]), s(&["ML21", "Kita", "ML2102", "B"])];
        assert_eq!(
            read_table(&headers, &conflict),
            Err(TableError::Conflict { row: 3, pcode: "ML21".into(), name: "Kita".into(), other: "Nioro".into() })
        );
        let bad = vec![s(&["ML 21", "Nioro", "", ""])];
        assert!(matches!(read_table(&headers, &bad), Err(TableError::BadPcode { row: 2, .. })));
    }
}
