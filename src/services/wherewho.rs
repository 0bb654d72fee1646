//! 4W review: who does what where. Per region and cercle × sector, the organisations
//! active in the month; the gaps (cercles of the regions where the scope works with no activity
//! in one of its sectors); the possible duplications (two organisations or more with the same
//! activity in the same cercle in the same month). Pure: computed from the month's lines and
//! the admin units.

use super::export::{Cell, Sheet};
use crate::domain::Language;
use crate::i18n::{I18n, Msg, ReportMsg};
use crate::storage::reports::MatrixRow;
use std::collections::{BTreeMap, BTreeSet};

/// A place: region and cercle, P-codes and names.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub region_pcode: String,
    pub region: String,
    pub cercle_pcode: String,
    pub cercle: String,
}

/// The organisations active in a cercle in a sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    pub place: Place,
    pub sector: String,
    pub orgs: Vec<String>,
}

/// A cercle with no activity in a sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub place: Place,
    pub sector: String,
}

/// The same activity by two organisations or more in the same cercle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplication {
    pub place: Place,
    pub sector: String,
    pub activity_code: String,
    pub activity_fr: String,
    pub activity_en: String,
    pub orgs: Vec<String>,
}

impl Duplication {
    pub fn activity(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.activity_fr,
            Language::En => &self.activity_en,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhoWhere {
    pub presence: Vec<Presence>,
    pub gaps: Vec<Gap>,
    pub duplications: Vec<Duplication>,
}

impl WhoWhere {
    /// The organisations active in the month, once each.
    pub fn organisations(&self) -> usize {
        self.presence.iter().flat_map(|p| p.orgs.iter()).collect::<BTreeSet<_>>().len()
    }
}

/// An activity in a cercle: (sector, activity in French, in English, organisations).
type SameActivity = (String, String, String, BTreeSet<String>);

/// Who does what where, accumulated line by line (the lines may stream past once).
#[derive(Debug, Default)]
pub struct Accumulator {
    places: BTreeMap<String, Place>,
    /// cercle → sector → organisations.
    presence: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
    /// cercle → activity → (sector, activity in French, in English, organisations).
    same: BTreeMap<String, BTreeMap<String, SameActivity>>,
    regions: BTreeSet<String>,
    sectors: BTreeSet<String>,
}

fn entry<'m, V: Default>(map: &'m mut BTreeMap<String, V>, key: &str) -> &'m mut V {
    // Looks up by &str first: a new String only for a new key.
    if !map.contains_key(key) {
        map.insert(key.to_string(), V::default());
    }
    map.get_mut(key).expect("just inserted")
}

impl Accumulator {
    pub fn add(&mut self, r: &MatrixRow) {
        if !self.places.contains_key(&r.cercle_pcode) {
            let place = Place {
                region_pcode: r.region_pcode.clone(),
                region: r.region_name.clone(),
                cercle_pcode: r.cercle_pcode.clone(),
                cercle: r.cercle_name.clone(),
            };
            self.places.insert(r.cercle_pcode.clone(), place);
        }
        let orgs = entry(entry(&mut self.presence, &r.cercle_pcode), &r.sector_code);
        if !orgs.contains(&r.org) {
            orgs.insert(r.org.clone());
        }
        let activities = entry(&mut self.same, &r.cercle_pcode);
        if !activities.contains_key(&r.activity_code) {
            let v = (r.sector_code.clone(), r.activity_fr.clone(), r.activity_en.clone(), BTreeSet::new());
            activities.insert(r.activity_code.clone(), v);
        }
        let orgs = &mut activities.get_mut(&r.activity_code).expect("just inserted").3;
        if !orgs.contains(&r.org) {
            orgs.insert(r.org.clone());
        }
        if !self.regions.contains(&r.region_pcode) {
            self.regions.insert(r.region_pcode.clone());
        }
        if !self.sectors.contains(&r.sector_code) {
            self.sectors.insert(r.sector_code.clone());
        }
    }

    /// The result, with the gaps found among every cercle `(region P-code, region name, cercle
    /// P-code, cercle name)` of the regions where lines were reported.
    pub fn finish(self, cercles: &[(String, String, String, String)]) -> WhoWhere {
        let mut gaps = Vec::new();
        for (region_pcode, region, cercle_pcode, cercle) in cercles {
            if !self.regions.contains(region_pcode) {
                continue;
            }
            for sector in &self.sectors {
                if !self.presence.get(cercle_pcode).is_some_and(|s| s.contains_key(sector)) {
                    gaps.push(Gap {
                        place: Place {
                            region_pcode: region_pcode.clone(),
                            region: region.clone(),
                            cercle_pcode: cercle_pcode.clone(),
                            cercle: cercle.clone(),
                        },
                        sector: sector.clone(),
                    });
                }
            }
        }
        gaps.sort_by(|a, b| (&a.place.cercle_pcode, &a.sector).cmp(&(&b.place.cercle_pcode, &b.sector)));
        let place = |c: &str| self.places.get(c).cloned().unwrap_or_default();
        let mut duplications: Vec<Duplication> = self
            .same
            .iter()
            .flat_map(|(cercle, acts)| acts.iter().map(move |(a, v)| (cercle, a, v)))
            .filter(|(_, _, (_, _, _, orgs))| orgs.len() >= 2)
            .map(|(cercle, activity_code, (sector, activity_fr, activity_en, orgs))| Duplication {
                place: place(cercle),
                sector: sector.clone(),
                activity_code: activity_code.clone(),
                activity_fr: activity_fr.clone(),
                activity_en: activity_en.clone(),
                orgs: orgs.iter().cloned().collect(),
            })
            .collect();
        duplications.sort_by(|a, b| (&a.place, &a.activity_code).cmp(&(&b.place, &b.activity_code)));
        let mut presence: Vec<Presence> = self
            .presence
            .iter()
            .flat_map(|(cercle, sectors)| sectors.iter().map(move |(s, orgs)| (cercle, s, orgs)))
            .map(|(cercle, sector, orgs)| Presence {
                place: place(cercle),
                sector: sector.clone(),
                orgs: orgs.iter().cloned().collect(),
            })
            .collect();
        presence.sort_by(|a, b| (&a.place, &a.sector).cmp(&(&b.place, &b.sector)));
        WhoWhere { presence, gaps, duplications }
    }
}

/// Computes who does what where from the month's lines (of one mechanism or all) and every
/// cercle `(region P-code, region name, cercle P-code, cercle name)`. The regions and sectors
/// examined for gaps are those of the lines (the schema records no region per mechanism).
pub fn compute(rows: &[MatrixRow], cercles: &[(String, String, String, String)]) -> WhoWhere {
    let mut acc = Accumulator::default();
    for r in rows {
        acc.add(r);
    }
    acc.finish(cercles)
}

/// The export's companion: who does what where as the lines stream past, then its sheet.
pub struct SheetCompanion<'a> {
    pub acc: Accumulator,
    pub cercles: Vec<(String, String, String, String)>,
    pub lang: Language,
    pub i18n: &'a I18n,
}

impl super::export::Companion for SheetCompanion<'_> {
    fn see(&mut self, row: &MatrixRow) {
        self.acc.add(row);
    }

    fn sheets(&mut self) -> Vec<Sheet> {
        let ww = std::mem::take(&mut self.acc).finish(&self.cercles);
        vec![sheet(&ww, self.lang, self.i18n)]
    }
}

/// The sheet of the XLSX export: one row per presence, gap and duplication.
pub fn sheet(ww: &WhoWhere, lang: Language, i18n: &I18n) -> Sheet {
    let t = |m: Msg| i18n.render(lang, &m);
    let text = |s: &str| Cell::Text(s.to_string());
    let header =
        ["kind", "region-code", "region", "cercle-code", "cercle", "sector", "activity", "organisations", "count"]
            .iter()
            .map(|c| Cell::Text(t(ReportMsg::FwWwColumn { column: c.to_string() }.into())))
            .collect();
    let mut rows: Vec<Vec<Cell>> = vec![header];
    let place = |p: &Place| vec![text(&p.region_pcode), text(&p.region), text(&p.cercle_pcode), text(&p.cercle)];
    for p in &ww.presence {
        let mut row = vec![Cell::Text(t(ReportMsg::FwWwKind { kind: "active" }.into()))];
        row.extend(place(&p.place));
        row.extend([text(&p.sector), text(""), Cell::Text(p.orgs.join(", ")), Cell::Int(p.orgs.len() as i64)]);
        rows.push(row);
    }
    for g in &ww.gaps {
        let mut row = vec![Cell::Text(t(ReportMsg::FwWwKind { kind: "gap" }.into()))];
        row.extend(place(&g.place));
        row.extend([text(&g.sector), text(""), text(""), Cell::Int(0)]);
        rows.push(row);
    }
    for d in &ww.duplications {
        let mut row = vec![Cell::Text(t(ReportMsg::FwWwKind { kind: "duplication" }.into()))];
        row.extend(place(&d.place));
        row.extend([
            text(&d.sector),
            Cell::Text(format!("{} ({})", d.activity(lang), d.activity_code)),
            Cell::Text(d.orgs.join(", ")),
            Cell::Int(d.orgs.len() as i64),
        ]);
        rows.push(row);
    }
    Sheet { name: t(ReportMsg::FwWwSheetName.into()), rows }
}

/// Who does what where for a month, in one mechanism or all, from the database.
pub async fn of_month(
    db: &crate::storage::Db,
    month: crate::domain::fourw::ReportingMonth,
    mechanism: Option<i64>,
) -> crate::domain::AppResult<WhoWhere> {
    use crate::storage::reports as store;
    Ok(compute(&store::matrix(db, month, mechanism).await?, &store::cercles(db).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(org: &str, sector: &str, activity: &str, region: (&str, &str), cercle: (&str, &str)) -> MatrixRow {
        MatrixRow {
            org: org.into(),
            mechanism: "CR-MOPTI".into(),
            sector_code: sector.into(),
            activity_code: activity.into(),
            activity_fr: format!("{activity} fr"),
            activity_en: format!("{activity} en"),
            region_name: region.1.into(),
            region_pcode: region.0.into(),
            cercle_name: cercle.1.into(),
            cercle_pcode: cercle.0.into(),
            status: "ongoing".into(),
            ..Default::default()
        }
    }

    #[test]
    fn gaps_and_duplications_are_found_exactly() {
        let mopti = ("ML05", "Mopti");
        let gao = ("ML07", "Gao");
        let units: Vec<(String, String, String, String)> = [
            ("ML05", "Mopti", "ML0501", "Mopti"),
            ("ML05", "Mopti", "ML0507", "Ténenkou"),
            ("ML05", "Mopti", "ML0503", "Djenné"),
            ("ML07", "Gao", "ML0701", "Gao"),
            // A region without any line: never a gap.
            ("ML06", "Tombouctou", "ML0601", "Tombouctou"),
        ]
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
        let rows = vec![
            row("NRC", "PRO", "PRO-MON", mopti, ("ML0507", "Ténenkou")),
            row("DRC", "PRO", "PRO-MON", mopti, ("ML0507", "Ténenkou")),
            // Same organisation twice: not a duplication.
            row("IRC", "PRO", "PRO-PSS", mopti, ("ML0501", "Mopti")),
            row("IRC", "PRO", "PRO-PSS", mopti, ("ML0501", "Mopti")),
            // Same activity by two organisations in different cercles: not a duplication.
            row("NRC", "PRO-GBV", "GBV-CM", mopti, ("ML0501", "Mopti")),
            row("DRC", "PRO-GBV", "GBV-CM", gao, ("ML0701", "Gao")),
            // Same cercle, same sector, different activities: not a duplication.
            row("IRC", "PRO-GBV", "GBV-DK", gao, ("ML0701", "Gao")),
        ];
        let ww = compute(&rows, &units);
        let gaps: Vec<(&str, &str)> =
            ww.gaps.iter().map(|g| (g.place.cercle_pcode.as_str(), g.sector.as_str())).collect();
        assert_eq!(
            gaps,
            [("ML0503", "PRO"), ("ML0503", "PRO-GBV"), ("ML0507", "PRO-GBV"), ("ML0701", "PRO")],
            "{:?}",
            ww.gaps
        );
        assert_eq!(ww.duplications.len(), 1, "{:?}", ww.duplications);
        let d = &ww.duplications[0];
        assert_eq!((d.place.cercle_pcode.as_str(), d.place.cercle.as_str()), ("ML0507", "Ténenkou"));
        assert_eq!((d.sector.as_str(), d.activity_code.as_str()), ("PRO", "PRO-MON"));
        assert_eq!(d.orgs, ["DRC", "NRC"]);
        let presence: Vec<(&str, &str, Vec<String>)> =
            ww.presence.iter().map(|p| (p.place.cercle_pcode.as_str(), p.sector.as_str(), p.orgs.clone())).collect();
        assert_eq!(
            presence,
            [
                ("ML0501", "PRO", vec!["IRC".to_string()]),
                ("ML0501", "PRO-GBV", vec!["NRC".to_string()]),
                ("ML0507", "PRO", vec!["DRC".to_string(), "NRC".to_string()]),
                ("ML0701", "PRO-GBV", vec!["DRC".to_string(), "IRC".to_string()]),
            ]
        );
        assert_eq!(ww.organisations(), 3);
        assert_eq!(compute(&[], &units), WhoWhere::default());
    }
}
