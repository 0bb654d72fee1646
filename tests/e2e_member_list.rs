//! The member list to share: /members shows, per mechanism, the organisations and the names
//! their focal points, alternates and chairs chose, as a protected message with a button for
//! the same list as a protected spreadsheet; the coordinators export it for the terms of
//! reference with `cluster-bot export members`.

use crate::{fake_bot_api, harness};

use calamine::Reader;
use cluster_bot::domain::Role;
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

#[tokio::test]
async fn members_see_the_list_protected_and_get_it_as_a_protected_spreadsheet() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(981, "Mariam").language("en");
    let focal = FakeUser::new(982, "Awa").language("fr");
    let stranger = FakeUser::new(983, "Passant").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&focal, "NRC", "CPN", Role::Focal).await;
    app.member(&FakeUser::new(984, "Issa").language("fr"), "NRC", "CPN", Role::Alternate).await;
    app.member(&FakeUser::new(985, "Gao").language("fr"), "DRC/DDG", "CR-GAO", Role::Focal).await;

    let list = app.send(&focal, "/members").await;
    let text = list.text.clone().unwrap();
    assert!(text.contains("Awa") && text.contains("Issa") && text.contains("Mariam"), "{text}");
    assert!(!text.contains("Gao"), "only the mechanisms they sit in: {text}");
    assert!(list.protect_content, "the list is protected");

    let (_, sent) = app.press(&focal, list.message_id, &button(&list, "mem:x")).await;
    let doc = sent.iter().find(|s| s.method == "sendDocument").expect("the spreadsheet");
    assert!(doc.protect_content, "protected too");
    let rows = cells(doc.document_bytes.as_ref().unwrap());
    assert_eq!(rows[0][..5], ["Mécanisme", "Organisation", "Nom complet", "Rôle", "Nom"]);
    let names: Vec<(&str, &str, &str)> =
        rows[1..].iter().map(|r| (r[1].as_str(), r[3].as_str(), r[4].as_str())).collect();
    assert_eq!(
        names,
        [("NRC", "point focal", "Awa"), ("NRC", "suppléant(e)", "Issa"), ("UNHCR", "président(e)", "Mariam")]
    );

    // Not a member: refused, nothing sent.
    let (answer, sent) = app.press(&stranger, list.message_id, "mem:x").await;
    assert!(answer.str_param("text").is_some(), "refused with a reason");
    assert!(sent.iter().all(|s| s.method != "sendDocument"));

    // The command line exports all mechanisms, or one.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("members.csv");
    let db = &app.db_path;
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .args(["export", "members", "--format", "csv", "--lang", "en", "--output"])
        .arg(&out)
        .env("DATABASE_URL", db)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    assert!(csv.contains("Mechanism,Organisation,Full name,Role,Name"), "{csv}");
    for who in ["Awa", "Issa", "Mariam", "Gao"] {
        assert!(csv.contains(who), "{who} in {csv}");
    }
}
