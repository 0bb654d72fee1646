//! The library end to end: a coordinator files a strategy by /share and a work plan for the
//! national cluster (CPN) from the command line, then a new version of the strategy; a focal
//! point of the Mopti regional cluster finds them by buttons (regional and national documents
//! are visible to each other's members) and receives the current version protected; an
//! observer organisation of the strategic advisory group (GCS, observers kept out) sees no GCS
//! documents, even with forged buttons; a retired version leaves the lists.

use crate::{fake_bot_api, harness};

use cluster_bot::domain::Role;
use cluster_bot::services::{membership, people};
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

fn cli(app: &TestBot, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .args(args)
        .env("DATABASE_URL", &app.db_path)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

/// Files a document from the command line; returns its id.
fn add_doc(app: &TestBot, mechanism: &str, doc_type: &str, title: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, bytes).unwrap();
    let args = ["docs", "add", "--mechanism", mechanism, "--type", doc_type, "--title", title, path.to_str().unwrap()];
    filed(&cli(app, &args))
}

fn filed(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test]
async fn documents_are_filed_found_by_buttons_and_sent_as_they_are_now() {
    let app = TestBot::start().await;
    let coordo = FakeUser::new(1301, "Coordo").language("en");
    let mopti = FakeUser::new(1302, "Fatou").language("fr");
    let observer = FakeUser::new(1303, "Observateur").language("fr");
    people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    app.member(&mopti, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&observer, "CICR", "GCS", Role::Focal).await;
    app.member(&FakeUser::new(1304, "Membre").language("fr"), "NRC", "GCS", Role::Focal).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let gcs = membership::mechanism(&app.ctx, "GCS").await.unwrap();

    // The coordinator shares the strategy by chat and names its type with a button.
    let ask = app.send(&coordo, "/share").await;
    assert!(ask.text.is_some());
    let before = app.fake.sent_to(coordo.id).len();
    app.fake.send_document(&coordo, "strategie-v1.pdf", "application/pdf", b"%PDF strategy v1".to_vec());
    let choose = loop {
        let sent = app.fake.sent_to(coordo.id);
        if let Some(m) = sent.iter().skip(before).find(|s| s.button_data().iter().any(|d| d.starts_with("sh:t:"))) {
            break m.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    let strategy_code = cluster_bot::domain::library::DocType::Strategy.code();
    app.press_expect_edit(&coordo, choose.message_id, &format!("sh:y:{strategy_code}")).await;
    app.press_expect_edit(&coordo, choose.message_id, &format!("sh:t:{}", cpn.id)).await;
    app.press_expect_edit(&coordo, choose.message_id, "sh:ok").await;
    app.settle().await;

    // The command line files the work plan, then sees the strategy and replaces it.
    let missing = cli(&app, &["docs", "add", "--mechanism", "CPN", "--type", "work-plan", "--title", "Plan"]);
    assert!(!missing.status.success(), "the file is required");
    let dir = tempfile::tempdir().unwrap();
    let wp = dir.path().join("plan.docx");
    std::fs::write(&wp, b"work plan").unwrap();
    let v2 = dir.path().join("strategie-v2.pdf");
    std::fs::write(&v2, b"%PDF strategy v2").unwrap();
    let gcs_note = dir.path().join("note.pdf");
    std::fs::write(&gcs_note, b"%PDF GCS note").unwrap();
    let wp = wp.to_str().unwrap();
    filed(&cli(
        &app,
        &["docs", "add", "--mechanism", "CPN", "--type", "work-plan", "--title", "Plan de travail 2027", wp],
    ));
    let listed = filed(&cli(&app, &["docs", "list", "--mechanism", "CPN", "--type", "strategy"]));
    let first_id = listed.split('\t').next().unwrap().to_string();
    assert!(listed.contains("strategie-v1.pdf") && listed.contains("\tv1\t"), "{listed}");
    let v2_id = filed(&cli(
        &app,
        &[
            "docs",
            "add",
            "--mechanism",
            "CPN",
            "--type",
            "strategy",
            "--title",
            "Stratégie 2027",
            "--replaces",
            &first_id,
            "--date",
            "2026-12-01",
            v2.to_str().unwrap(),
        ],
    ));
    let gcs_id = filed(&cli(
        &app,
        &[
            "docs",
            "add",
            "--mechanism",
            "GCS",
            "--type",
            "advocacy-note",
            "--title",
            "Note GCS",
            gcs_note.to_str().unwrap(),
        ],
    ));
    let listed = filed(&cli(&app, &["docs", "list", "--mechanism", "CPN"]));
    assert_eq!(listed.lines().count(), 2, "the strategy's new version replaces the first: {listed}");
    assert!(listed.contains("Stratégie 2027") && listed.contains("\tv2\t"), "{listed}");
    // Bad input on the command line: clear errors, nothing filed.
    let bad = cli(&app, &["docs", "add", "--mechanism", "CPN", "--type", "memo", "--title", "x", wp]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("work-plan"));
    let bad =
        cli(&app, &["docs", "add", "--mechanism", "CPN", "--type", "other", "--title", "x", "--replaces", "999", wp]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("999"));
    assert_eq!(filed(&cli(&app, &["docs", "list"])).lines().count(), 3);

    // The Mopti focal point browses: the national cluster's library is there.
    let menu = app.send(&mopti, "/docs").await;
    let mechs = menu.button_data();
    assert!(mechs.contains(&format!("lib:m:{}", cpn.id)), "{mechs:?}");
    assert!(!mechs.contains(&format!("lib:m:{}", gcs.id)), "{mechs:?}");
    let types = app.press_expect_edit(&mopti, menu.message_id, &format!("lib:m:{}", cpn.id)).await;
    assert_eq!(types.button_data().len(), 2, "strategy and work plan: {:?}", types.reply_markup);
    let page = app
        .press_expect_edit(&mopti, menu.message_id, &button(&types, &format!("lib:t:{}:{strategy_code}:", cpn.id)))
        .await;
    let docs: Vec<String> = page.button_data().into_iter().filter(|d| d.starts_with("lib:d:")).collect();
    assert_eq!(docs, [format!("lib:d:{v2_id}")], "only the current version");
    assert!(!page.button_data().iter().any(|d| d.starts_with("lib:x:")), "a focal point cannot retire");
    let (answer, _) = app.press(&mopti, menu.message_id, &docs[0]).await;
    assert!(answer.str_param("text").is_some_and(|t| !t.is_empty()), "told it is coming");
    app.settle().await;
    let got = app.fake.sent_to(mopti.id);
    let doc = got.iter().rev().find(|s| s.method == "sendDocument").expect("the document");
    assert!(doc.protect_content, "sent protected");
    assert_eq!(doc.document_bytes.as_deref(), Some(&b"%PDF strategy v2"[..]), "as it is now");

    // The observer of GCS: no GCS library, and forged buttons are refused without a file.
    let menu = app.send(&observer, "/docs").await;
    assert!(!menu.button_data().contains(&format!("lib:m:{}", gcs.id)), "{:?}", menu.reply_markup);
    for forged in
        [format!("lib:m:{}", gcs.id), format!("lib:d:{gcs_id}"), format!("lib:t:{}:0:0", gcs.id), "lib:d:x".into()]
    {
        let (answer, sent) = app.press(&observer, menu.message_id, &forged).await;
        assert!(answer.str_param("text").is_some(), "{forged} refused with a reason");
        assert!(sent.iter().all(|s| s.method != "sendDocument"), "{forged}");
    }
    app.settle().await;
    assert!(app.fake.sent_to(observer.id).iter().all(|s| s.method != "sendDocument"));

    // The coordinator retires the new version: the first is listed again.
    let menu = app.send(&coordo, "/docs").await;
    let types = app.press_expect_edit(&coordo, menu.message_id, &format!("lib:m:{}", cpn.id)).await;
    let page = app
        .press_expect_edit(&coordo, menu.message_id, &button(&types, &format!("lib:t:{}:{strategy_code}:", cpn.id)))
        .await;
    let (answer, _) = app.press(&coordo, menu.message_id, &format!("lib:x:{v2_id}")).await;
    assert!(answer.str_param("text").is_some());
    assert!(page.button_data().contains(&format!("lib:x:{v2_id}")), "a coordinator may retire");
    let listed = filed(&cli(&app, &["docs", "list", "--mechanism", "CPN", "--type", "strategy"]));
    assert!(listed.starts_with(&format!("{first_id}\t")), "{listed}");
}

#[tokio::test]
async fn a_document_is_re_typed_by_buttons_or_the_command_line_by_those_who_manage_it() {
    use cluster_bot::domain::library::DocType;
    let app = TestBot::start().await;
    let coordo = FakeUser::new(1311, "Coordo").language("fr");
    let focal = FakeUser::new(1312, "Fatou").language("fr");
    people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    app.member(&focal, "NRC", "CPN", Role::Focal).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let id = add_doc(&app, "CPN", "other", "Note de plaidoyer", b"%PDF note");
    let (other, advocacy) = (DocType::Other.code(), DocType::AdvocacyNote.code());

    // The coordinator finds it under "other", taps ✏️ and files it as an advocacy note.
    let menu = app.send(&coordo, "/docs").await;
    app.press_expect_edit(&coordo, menu.message_id, &format!("lib:m:{}", cpn.id)).await;
    let page = app.press_expect_edit(&coordo, menu.message_id, &format!("lib:t:{}:{other}:0", cpn.id)).await;
    assert!(page.button_data().contains(&format!("lib:y:{id}")), "{:?}", page.reply_markup);
    let picker = app.press_expect_edit(&coordo, menu.message_id, &format!("lib:y:{id}")).await;
    let choices = picker.button_data();
    assert!(choices.contains(&format!("lib:s:{id}:{advocacy}")), "{choices:?}");
    assert!(!choices.contains(&format!("lib:s:{id}:{}", DocType::Minutes.code())), "never minutes: {choices:?}");
    let done = app.press_expect_edit(&coordo, menu.message_id, &format!("lib:s:{id}:{advocacy}")).await;
    assert!(done.text.as_deref().is_some_and(|t| t.contains("Notes de plaidoyer")), "{:?}", done.text);
    let listed = filed(&cli(&app, &["docs", "list", "--type", "advocacy-note"]));
    assert!(listed.starts_with(&format!("{id}\t")), "{listed}");

    // A focal point sees no ✏️, and forged presses change nothing.
    let menu = app.send(&focal, "/docs").await;
    app.press_expect_edit(&focal, menu.message_id, &format!("lib:m:{}", cpn.id)).await;
    let page = app.press_expect_edit(&focal, menu.message_id, &format!("lib:t:{}:{advocacy}:0", cpn.id)).await;
    assert!(!page.button_data().iter().any(|d| d.starts_with("lib:y:")), "{:?}", page.reply_markup);
    for forged in
        [format!("lib:y:{id}"), format!("lib:s:{id}:{other}"), format!("lib:s:{id}:{}", DocType::Minutes.code())]
    {
        let (answer, _) = app.press(&focal, menu.message_id, &forged).await;
        assert!(answer.str_param("text").is_some_and(|t| !t.is_empty()), "{forged} refused with a reason");
    }
    let listed = filed(&cli(&app, &["docs", "list", "--type", "advocacy-note"]));
    assert!(listed.starts_with(&format!("{id}\t")), "unchanged: {listed}");

    // The command line re-types it back; minutes and unknown documents are refused.
    filed(&cli(&app, &["docs", "retype", "--id", &id, "--type", "strategy"]));
    assert!(filed(&cli(&app, &["docs", "list", "--type", "strategy"])).starts_with(&format!("{id}\t")));
    let bad = cli(&app, &["docs", "retype", "--id", &id, "--type", "minutes"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("minutes"));
    let bad = cli(&app, &["docs", "retype", "--id", "999", "--type", "tor"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("999"));
}

#[tokio::test]
async fn a_chair_sends_a_new_version_in_the_chat_and_it_replaces_the_current_one() {
    use cluster_bot::domain::library::DocType;
    let app = TestBot::start().await;
    let chair = FakeUser::new(1321, "Chef").language("en");
    let focal = FakeUser::new(1322, "Fatou").language("fr");
    let other_chair = FakeUser::new(1323, "Autre").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&focal, "NRC", "CPN", Role::Focal).await;
    app.member(&other_chair, "IRC", "GCS", Role::Chair).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let v1 = add_doc(&app, "CPN", "strategy", "Stratégie 2027", b"%PDF strategy v1");
    let strategy = DocType::Strategy.code();

    // The chair of CPN taps 🆕 under the strategy.
    let menu = app.send(&chair, "/docs").await;
    app.press_expect_edit(&chair, menu.message_id, &format!("lib:m:{}", cpn.id)).await;
    let page = app.press_expect_edit(&chair, menu.message_id, &format!("lib:t:{}:{strategy}:0", cpn.id)).await;
    assert!(page.button_data().contains(&format!("lib:v:{v1}")), "{:?}", page.reply_markup);
    let (answer, asked) = app.press(&chair, menu.message_id, &format!("lib:v:{v1}")).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    assert!(asked.iter().any(|s| s.text.as_deref().is_some_and(|t| t.contains("Stratégie 2027"))), "{asked:?}");
    // A text instead of the file is asked again; a caption with a phone number is refused.
    let again = app.send(&chair, "here it is").await;
    assert!(again.text.as_deref().is_some_and(|t| t.starts_with("🆕")), "{:?}", again.text);
    let before = app.fake.sent_to(chair.id).len();
    app.fake.send_document_with_caption(&chair, "strategie-v2.pdf", b"%PDF v2".to_vec(), "Call 76 12 34 56");
    let refused = loop {
        if let Some(m) = app.fake.sent_to(chair.id).into_iter().skip(before).find(|s| s.text.is_some()) {
            break m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert!(refused.text.as_deref().is_some_and(|t| t.contains("phone")), "{:?}", refused.text);
    let before = app.fake.sent_to(chair.id).len();
    app.fake.send_document(&chair, "strategie-v2.pdf", "application/pdf", b"%PDF strategy v2".to_vec());
    let done = loop {
        if let Some(m) = app.fake.sent_to(chair.id).into_iter().skip(before).find(|s| s.text.is_some()) {
            break m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert!(done.text.as_deref().is_some_and(|t| t.contains("Version 2")), "{:?}", done.text);
    app.settle().await;

    // It replaces the first in the lists, keeps its type and title, and reached the members.
    let listed = filed(&cli(&app, &["docs", "list", "--mechanism", "CPN"]));
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("Stratégie 2027") && listed.contains("\tv2\t") && listed.contains("strategy"), "{listed}");
    assert!(!listed.starts_with(&format!("{v1}\t")), "{listed}");
    let got = app.fake.sent_to(focal.id);
    assert!(got.iter().any(|s| s.method == "sendDocument" && s.protect_content), "the members receive it");

    // The chair of another mechanism and a focal point cannot, even with a forged button.
    for user in [&other_chair, &focal] {
        let (answer, _) = app.press(user, menu.message_id, &format!("lib:v:{v1}")).await;
        assert!(answer.str_param("text").is_some_and(|t| !t.is_empty()), "{} refused", user.first_name);
    }
    // The first version is no longer current: 🆕 on it is refused.
    let (answer, _) = app.press(&chair, menu.message_id, &format!("lib:v:{v1}")).await;
    assert!(answer.str_param("text").is_some_and(|t| !t.is_empty()));
}
