//! The member list the terms of reference ask the cluster to keep and share: per mechanism,
//! each organisation with the names its focal point, alternate and chair chose when they
//! joined (never Telegram handles), as XLSX or CSV. Who may have it is the caller's question
//! (`membership::visible_members`).

use crate::domain::{AppError, AppResult, Language, MembershipView, Role};
use crate::i18n::{I18n, MainMsg};
use chrono_tz::Tz;

/// The column titles and words of the sheet, in one language.
#[derive(Debug, Clone)]
pub struct Headings {
    pub sheet: String,
    pub mechanism: String,
    pub organisation: String,
    pub organisation_name: String,
    pub role: String,
    pub name: String,
    pub observer: String,
    pub since: String,
    pub focal: String,
    pub alternate: String,
    pub chair: String,
    pub yes: String,
    pub no: String,
}

impl Headings {
    pub fn new(lang: Language, i18n: &I18n) -> Self {
        let t = |m: MainMsg| i18n.render(lang, m);
        Self {
            sheet: t(MainMsg::MlSheet),
            mechanism: t(MainMsg::MlMechanism),
            organisation: t(MainMsg::MlOrganisation),
            organisation_name: t(MainMsg::MlOrganisationName),
            role: t(MainMsg::MlRole),
            name: t(MainMsg::MlName),
            observer: t(MainMsg::MlObserver),
            since: t(MainMsg::MlSince),
            focal: t(MainMsg::MlFocal),
            alternate: t(MainMsg::MlAlternate),
            chair: t(MainMsg::MlChair),
            yes: t(MainMsg::MlYes),
            no: t(MainMsg::MlNo),
        }
    }
}

/// One row per seat, ordered by mechanism, organisation (members before observers), role.
pub fn rows(members: &[MembershipView], h: &Headings, lang: Language, tz: Tz) -> Vec<Vec<String>> {
    let mut sorted: Vec<&MembershipView> = members.iter().collect();
    let rank = |r: Role| match r {
        Role::Chair => 0,
        Role::Focal => 1,
        Role::Alternate => 2,
    };
    sorted.sort_by(|a, b| {
        (&a.mechanism.code, a.organisation.observer, &a.organisation.acronym, rank(a.role)).cmp(&(
            &b.mechanism.code,
            b.organisation.observer,
            &b.organisation.acronym,
            rank(b.role),
        ))
    });
    let mut out = vec![vec![
        h.mechanism.clone(),
        h.organisation.clone(),
        h.organisation_name.clone(),
        h.role.clone(),
        h.name.clone(),
        h.observer.clone(),
        h.since.clone(),
    ]];
    for m in sorted {
        let role = match m.role {
            Role::Chair => &h.chair,
            Role::Focal => &h.focal,
            Role::Alternate => &h.alternate,
        };
        out.push(vec![
            format!("{} — {}", m.mechanism.code, m.mechanism.name(lang)),
            m.organisation.acronym.clone(),
            m.organisation.full_name.clone(),
            role.clone(),
            m.person_name.clone(),
            if m.organisation.observer { h.yes.clone() } else { h.no.clone() },
            m.accepted_at.with_timezone(&tz).format("%Y-%m-%d").to_string(),
        ]);
    }
    out
}

pub fn to_xlsx(rows: &[Vec<String>], sheet: &str) -> AppResult<Vec<u8>> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(AppError::internal)?;
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).map_err(AppError::internal)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(AppError::internal)?;
            if r == 0 {
                ws.write_string_with_format(r, c, cell, &bold).map_err(AppError::internal)?;
            } else {
                ws.write_string(r, c, cell).map_err(AppError::internal)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(AppError::internal)?;
    ws.autofit();
    wb.save_to_buffer().map_err(AppError::internal)
}

/// CSV, UTF-8 with a BOM (Excel), every cell made safe against formula injection.
pub fn to_csv(rows: &[Vec<String>]) -> AppResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        w.write_record(row.iter().map(|c| super::export::csv_safe(c))).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(AppError::internal)
}
