//! Sensitivity per item end to end: a coordinator shares an advocacy draft for the national
//! cluster (CPN) restricted to NRC and DRC by buttons; it reaches their seats and the
//! coordinators only, not another CPN member, whose later /docs request is refused; the list
//! shows the class. A public document is sent without protection; the command line files a
//! restricted document with --sensitivity and --org, and refuses one without organisations.

use crate::{fake_bot_api, harness};

use cluster_bot::domain::Role;
use cluster_bot::domain::library::DocType;
use cluster_bot::domain::sensitivity::Sensitivity;
use cluster_bot::services::{membership, people};
use fake_bot_api::{FakeUser, SentMessage};
use harness::TestBot;

fn cli(app: &TestBot, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .args(args)
        .env("DATABASE_URL", &app.db_path)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

/// Shares a file by /share: CPN, the type, the class and organisations by buttons, then Send.
async fn share(app: &TestBot, coordo: &FakeUser, name: &str, presses: &[String]) {
    app.send(coordo, "/share").await;
    let before = app.fake.sent_to(coordo.id).len();
    app.fake.send_document(coordo, name, "application/pdf", format!("%PDF {name}").into_bytes());
    let picker = loop {
        let sent = app.fake.sent_to(coordo.id);
        if let Some(m) = sent.iter().skip(before).find(|s| s.button_data().iter().any(|d| d.starts_with("sh:t:"))) {
            break m.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    for data in presses {
        app.press_expect_edit(coordo, picker.message_id, data).await;
    }
    app.press_expect_edit(coordo, picker.message_id, "sh:ok").await;
    app.settle().await;
}

fn documents(app: &TestBot, user: &FakeUser) -> Vec<SentMessage> {
    app.fake.sent_to(user.id).into_iter().filter(|s| s.method == "sendDocument").collect()
}

#[tokio::test]
async fn a_restricted_draft_reaches_only_the_named_organisations_and_a_public_one_is_unprotected() {
    let app = TestBot::start().await;
    let coordo = FakeUser::new(2301, "Coordo").language("fr");
    let nrc = FakeUser::new(2302, "Awa").language("fr");
    let drc = FakeUser::new(2303, "Moussa").language("en");
    let irc = FakeUser::new(2304, "Fatou").language("fr");
    people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    app.member(&nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&drc, "DRC/DDG", "CPN", Role::Focal).await;
    app.member(&irc, "IRC", "CPN", Role::Focal).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let nrc_id = membership::organisation(&app.ctx, "NRC").await.unwrap().id;
    let drc_id = membership::organisation(&app.ctx, "DRC/DDG").await.unwrap().id;
    let irc_id = membership::organisation(&app.ctx, "IRC").await.unwrap().id;
    let oxfam_id = membership::organisation(&app.ctx, "OXFAM").await.unwrap().id;
    let restricted = Sensitivity::Restricted.code();

    // The coordinator picks CPN, advocacy note, Restricted: the member organisations appear.
    app.send(&coordo, "/share").await;
    let before = app.fake.sent_to(coordo.id).len();
    app.fake.send_document(&coordo, "plaidoyer.pdf", "application/pdf", b"%PDF draft".to_vec());
    let picker = loop {
        let sent = app.fake.sent_to(coordo.id);
        if let Some(m) = sent.iter().skip(before).find(|s| s.button_data().iter().any(|d| d.starts_with("sh:t:"))) {
            break m.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert!(picker.button_data().contains(&format!("sn:c:{restricted}")), "{:?}", picker.reply_markup);
    app.press_expect_edit(&coordo, picker.message_id, &format!("sh:t:{}", cpn.id)).await;
    app.press_expect_edit(&coordo, picker.message_id, &format!("sh:y:{}", DocType::AdvocacyNote.code())).await;
    let orgs = app.press_expect_edit(&coordo, picker.message_id, &format!("sn:c:{restricted}")).await;
    let data = orgs.button_data();
    for o in [nrc_id, drc_id, irc_id] {
        assert!(data.contains(&format!("sn:o:{o}")), "CPN's member organisations: {data:?}");
    }
    assert!(!data.contains(&format!("sn:o:{oxfam_id}")), "not a CPN member: {data:?}");
    // Restricted without an organisation: refused with a reason, nothing shared.
    let (answer, _) = app.press(&coordo, picker.message_id, "sh:ok").await;
    assert!(answer.str_param("text").is_some_and(|t| t.contains("organisation")), "{:?}", answer.params);
    // A forged organisation (not a member of CPN) is refused.
    let (answer, _) = app.press(&coordo, picker.message_id, &format!("sn:o:{oxfam_id}")).await;
    assert!(answer.str_param("text").is_some(), "forged organisation refused");
    app.press_expect_edit(&coordo, picker.message_id, &format!("sn:o:{nrc_id}")).await;
    let last = app.press_expect_edit(&coordo, picker.message_id, &format!("sn:o:{drc_id}")).await;
    assert!(last.text.as_deref().is_some_and(|t| t.contains("Restreint")), "{:?}", last.text);
    app.press_expect_edit(&coordo, picker.message_id, "sh:ok").await;
    app.settle().await;

    // NRC's and DRC's seats and the coordinator receive it, protected and labelled; IRC does not.
    for user in [&nrc, &drc, &coordo] {
        let got = documents(&app, user);
        assert_eq!(got.len(), 1, "{} receives the draft", user.first_name);
        assert!(got[0].protect_content, "restricted is protected");
        assert!(got[0].button_data().iter().any(|d| d.starts_with("ru:d:")), "♻️ under it");
    }
    let caption = documents(&app, &nrc)[0].text.clone().unwrap_or_default();
    assert!(caption.contains("🔒 Restreint : DRC/DDG, NRC"), "{caption}");
    let caption = documents(&app, &drc)[0].text.clone().unwrap_or_default();
    assert!(caption.contains("🔒 Restricted: DRC/DDG, NRC"), "{caption}");
    assert!(documents(&app, &irc).is_empty(), "IRC is a CPN member but not among the organisations");

    // In /docs the class is shown; IRC's request is refused with a reason and sends nothing.
    let listed = cli(&app, &["docs", "list", "--type", "advocacy-note"]);
    let id = String::from_utf8_lossy(&listed.stdout).split('\t').next().unwrap().trim().to_string();
    let menu = app.send(&irc, "/docs").await;
    app.press_expect_edit(&irc, menu.message_id, &format!("lib:m:{}", cpn.id)).await;
    let page = app
        .press_expect_edit(&irc, menu.message_id, &format!("lib:t:{}:{}:0", cpn.id, DocType::AdvocacyNote.code()))
        .await;
    let shown = serde_json::to_string(&page.reply_markup).unwrap();
    assert!(shown.contains("Restreint : DRC/DDG, NRC"), "{shown}");
    let (answer, _) = app.press(&irc, menu.message_id, &format!("lib:d:{id}")).await;
    assert!(answer.str_param("text").is_some_and(|t| t.contains("restreint")), "{:?}", answer.params);
    app.settle().await;
    assert!(documents(&app, &irc).is_empty(), "still nothing for IRC");

    // A public document: everyone in CPN receives it without protection.
    share(
        &app,
        &coordo,
        "rapport-public.pdf",
        &[format!("sh:t:{}", cpn.id), format!("sn:c:{}", Sensitivity::Public.code())],
    )
    .await;
    let got = documents(&app, &irc);
    assert_eq!(got.len(), 1, "IRC receives the public document");
    assert!(!got[0].protect_content, "public: may be forwarded");
    assert!(got[0].text.as_deref().is_some_and(|t| t.contains("🌐 Public")), "{:?}", got[0].text);
    // An internal one (the default) stays protected.
    share(&app, &coordo, "interne.pdf", &[format!("sh:t:{}", cpn.id)]).await;
    let got = documents(&app, &irc);
    assert_eq!(got.len(), 2);
    assert!(got[1].protect_content, "internal is protected");
}

#[tokio::test]
async fn the_command_line_files_a_restricted_document_with_its_organisations() {
    let app = TestBot::start().await;
    let nrc = FakeUser::new(2311, "Awa").language("fr");
    let irc = FakeUser::new(2312, "Fatou").language("fr");
    app.member(&nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&irc, "IRC", "CPN", Role::Focal).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.pdf");
    std::fs::write(&path, b"%PDF note").unwrap();
    let file = path.to_str().unwrap();
    let base = ["docs", "add", "--mechanism", "CPN", "--type", "advocacy-note", "--title", "Note"];
    let bad = cli(&app, &[&base[..], &["--sensitivity", "restricted", file]].concat());
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("--org"), "{bad:?}");
    let bad = cli(&app, &[&base[..], &["--sensitivity", "secret", file]].concat());
    assert!(!bad.status.success(), "unknown class refused");
    let ok = cli(&app, &[&base[..], &["--sensitivity", "restricted", "--org", "NRC", file]].concat());
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let id: i64 = String::from_utf8_lossy(&ok.stdout).trim().parse().unwrap();
    let class =
        cluster_bot::storage::sensitivity::class(&app.ctx.db, cluster_bot::storage::sensitivity::Item::Document(id))
            .await
            .unwrap();
    assert_eq!(class.sensitivity, Sensitivity::Restricted);
    // NRC may ask for it, IRC may not.
    let nrc_access =
        people::access(&app.ctx, people::identify(&app.ctx, nrc.id, "Awa", None, None).await.unwrap()).await.unwrap();
    let irc_access =
        people::access(&app.ctx, people::identify(&app.ctx, irc.id, "Fatou", None, None).await.unwrap()).await.unwrap();
    use cluster_bot::services::library::{Wanted, request};
    request(&app.ctx, &nrc_access, Wanted::Document(id)).await.unwrap();
    assert!(request(&app.ctx, &irc_access, Wanted::Document(id)).await.is_err());
}

#[tokio::test]
async fn restricted_minutes_chosen_by_the_chair_reach_only_the_named_organisations() {
    use chrono::Duration;
    let app = TestBot::start().await;
    let chair = FakeUser::new(2321, "Chef").language("fr");
    let nrc = FakeUser::new(2322, "Awa").language("fr");
    let irc = FakeUser::new(2323, "Fatou").language("fr");
    app.member(&chair, "NRC", "CPN", Role::Chair).await;
    app.member(&nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&irc, "IRC", "CPN", Role::Focal).await;
    let nrc_id = membership::organisation(&app.ctx, "NRC").await.unwrap().id;
    let meeting = app.meeting_in("CPN", 2).await;
    app.settle().await;
    app.advance(Duration::days(2) + Duration::hours(2));
    app.settle().await;

    let summary = app.minutes_summary(&chair, meeting, "Compte rendu restreint").await;
    app.press_expect_edit(&chair, summary.message_id, &format!("sn:c:{}", Sensitivity::Restricted.code())).await;
    let (answer, _) = app.press(&chair, summary.message_id, "mn:ok").await;
    assert!(answer.str_param("text").is_some(), "restricted without organisations refused");
    // The dialog goes on: the chair names NRC and shares.
    app.press_expect_edit(&chair, summary.message_id, &format!("sn:o:{nrc_id}")).await;
    let done = app.press_expect_edit(&chair, summary.message_id, "mn:ok").await;
    assert!(done.text.is_some());
    app.settle().await;

    let minutes_to = |u: &FakeUser| {
        app.fake
            .sent_to(u.id)
            .into_iter()
            .filter(|s| s.text.as_deref().is_some_and(|t| t.contains("Compte rendu restreint")))
            .collect::<Vec<_>>()
    };
    let got = minutes_to(&nrc);
    assert_eq!(got.len(), 1, "NRC receives them");
    assert!(got[0].protect_content && got[0].text.as_deref().is_some_and(|t| t.contains("🔒 Restreint : NRC")));
    assert!(minutes_to(&irc).is_empty(), "IRC does not");
    // IRC asking for them again is refused with the reason.
    let listed = app.send(&irc, "/minutes").await;
    let data = listed.button_data().into_iter().find(|d| d.starts_with("mn:r:")).expect("listed for members");
    let (answer, _) = app.press(&irc, listed.message_id, &data).await;
    assert!(answer.str_param("text").is_some_and(|t| t.contains("restreint")), "{:?}", answer.params);
    app.settle().await;
    assert!(minutes_to(&irc).is_empty(), "still not");
}
