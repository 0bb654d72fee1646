//! Reuse requests end to end: the chair (NRC) shares the national cluster's (CPN) minutes by
//! buttons; an IRC member taps ♻️ under them, gives the purpose (a donor report) and the
//! audience; NRC (the source) and the coordinators are asked; the requester is told yes only
//! after both approved, and the approval is listed with its purpose. A second request refused
//! by a coordinator ends with the reason. Forged buttons and non-parties are refused.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::Role;
use cluster_bot::services::people;
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

fn cli(app: &TestBot, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .args(args)
        .env("DATABASE_URL", &app.db_path)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The last message to the user carrying a button whose data starts with `prefix`.
fn with_button(app: &TestBot, user: &FakeUser, prefix: &str) -> Option<SentMessage> {
    app.fake.sent_to(user.id).into_iter().rev().find(|s| s.button_data().iter().any(|d| d.starts_with(prefix)))
}

fn texts(app: &TestBot, user: &FakeUser) -> Vec<String> {
    app.fake.sent_to(user.id).into_iter().filter_map(|s| s.text).collect()
}

/// The requester taps ♻️ under the minutes and answers the two questions.
async fn ask_reuse(app: &TestBot, user: &FakeUser, minutes_msg: &SentMessage, purpose: &str, audience: &str) {
    let (answer, after) = app.press(user, minutes_msg.message_id, &button(minutes_msg, "ru:m:")).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    assert!(after.iter().any(|s| s.text.as_deref().is_some_and(|t| t.contains("but"))), "{after:?}");
    let q = app.send(user, purpose).await;
    assert!(q.text.as_deref().is_some_and(|t| t.contains("public")), "{:?}", q.text);
    let done = app.send(user, audience).await;
    assert!(done.text.as_deref().is_some_and(|t| t.contains("NRC")), "{:?}", done.text);
    app.settle().await;
}

#[tokio::test]
async fn reusing_minutes_for_a_donor_report_needs_the_source_and_a_coordinator() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(2401, "Chef").language("fr");
    let source = FakeUser::new(2402, "Nrc").language("fr");
    let awa = FakeUser::new(2403, "Awa").language("fr");
    let drc = FakeUser::new(2404, "Moussa").language("en");
    let coordo = FakeUser::new(2405, "Coordo").language("fr");
    let coordo2 = FakeUser::new(2406, "Coordo2").language("en");
    app.member(&chair, "NRC", "CPN", Role::Chair).await;
    app.member(&source, "NRC", "CPN", Role::Focal).await;
    app.member(&awa, "IRC", "CPN", Role::Focal).await;
    app.member(&drc, "DRC/DDG", "CPN", Role::Focal).await;
    people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    people::add_coordinator(&app.ctx, coordo2.id, "Coordo2").await.unwrap();
    let meeting = app.meeting_in("CPN", 2).await;
    app.settle().await;
    app.advance(Duration::days(2) + Duration::hours(2));
    app.settle().await;

    // The chair shares the minutes by buttons; the class buttons are offered (internal kept).
    let summary = app.minutes_summary(&chair, meeting, "Compte rendu de la réunion CPN").await;
    assert!(summary.button_data().iter().any(|d| d.starts_with("sn:c:")), "{:?}", summary.reply_markup);
    app.press_expect_edit(&chair, summary.message_id, "mn:ok").await;
    app.settle().await;
    let minutes_msg = with_button(&app, &awa, "ru:m:").expect("the minutes with ♻️");

    // Bad input: personal data in the purpose is refused and asked again.
    app.press(&awa, minutes_msg.message_id, &button(&minutes_msg, "ru:m:")).await;
    let refused = app.send(&awa, "Appeler le 76 12 34 56").await;
    assert!(refused.text.as_deref().is_some_and(|t| t.contains("téléphone")), "{:?}", refused.text);
    app.send(&awa, "/cancel").await;

    ask_reuse(&app, &awa, &minutes_msg, "Rapport bailleur ECHO du 4e trimestre", "ECHO (bailleur)").await;
    let asked = with_button(&app, &source, "ru:a:").expect("NRC, the source, is asked");
    let source_approve = button(&asked, "ru:a:");
    assert!(source_approve.ends_with(":s"), "{source_approve}");
    assert!(asked.text.as_deref().is_some_and(|t| t.contains("Rapport bailleur ECHO")), "{:?}", asked.text);
    let c_asked = with_button(&app, &coordo, "ru:a:").expect("a coordinator is asked");
    let coordo_approve = button(&c_asked, "ru:a:");
    assert!(coordo_approve.ends_with(":c"));
    let c2_asked = with_button(&app, &coordo2, "ru:a:").expect("every coordinator is asked");
    assert!(with_button(&app, &drc, "ru:a:").is_none(), "DRC is not a party");
    assert!(with_button(&app, &chair, "ru:a:").is_none(), "the chair's seat is not the focal point's");

    // Forged presses and non-parties: a translated refusal, nothing recorded.
    let request_id = source_approve.split(':').nth(2).unwrap().to_string();
    for (user, data) in [
        (&drc, source_approve.clone()),
        (&awa, coordo_approve.clone()),
        (&drc, format!("ru:x:{request_id}:c")),
        (&drc, "ru:a:abc:s".to_string()),
        (&drc, format!("ru:a:{request_id}:z")),
        (&drc, "ru:a:999:s".to_string()),
    ] {
        let (answer, _) = app.press(user, minutes_msg.message_id, &data).await;
        assert!(answer.str_param("text").is_some_and(|t| !t.is_empty()), "{data} refused");
    }
    let (answer, _) = app.press(&drc, minutes_msg.message_id, &source_approve).await;
    assert!(answer.str_param("text").is_some_and(|t| t.contains("not addressed")), "{:?}", answer.params);

    // The source approves: the requester is not told yet.
    app.press_expect_edit(&source, asked.message_id, &source_approve).await;
    app.settle().await;
    assert!(!texts(&app, &awa).iter().any(|t| t.contains("approuvée")), "not before the coordinator");
    let listed = cli(&app, &["reuse", "list"]);
    assert!(listed.contains("\tpending\t") && listed.contains("source: approved"), "{listed}");
    // A second press of the same button is refused.
    let (answer, _) = app.press(&source, asked.message_id, &source_approve).await;
    assert!(answer.str_param("text").is_some(), "answered once");

    // A coordinator approves: the requester is told yes, with the purpose.
    app.press_expect_edit(&coordo, c_asked.message_id, &coordo_approve).await;
    app.settle().await;
    let told = texts(&app, &awa);
    let yes = told.iter().find(|t| t.contains("approuvée")).expect("told yes");
    assert!(yes.contains("Rapport bailleur ECHO"), "{yes}");
    // The first coordinator's answer counts: the other's press is refused.
    let (answer, _) = app.press(&coordo2, c2_asked.message_id, &button(&c2_asked, "ru:x:")).await;
    assert!(answer.str_param("text").is_some_and(|t| t.contains("decided")), "{:?}", answer.params);
    let listed = cli(&app, &["reuse", "list"]);
    assert!(listed.contains("\tapproved\t") && listed.contains("Rapport bailleur ECHO"), "{listed}");

    // A second request: a coordinator refuses with a reason, which ends it.
    ask_reuse(&app, &awa, &minutes_msg, "Publication sur le site web", "Grand public").await;
    let c_asked = with_button(&app, &coordo, "ru:x:").unwrap();
    let refuse = button(&c_asked, "ru:x:");
    assert_ne!(refuse.split(':').nth(2), Some(request_id.as_str()), "a new request");
    let (answer, after) = app.press(&coordo, c_asked.message_id, &refuse).await;
    assert!(answer.str_param("text").is_none());
    assert!(after.iter().any(|s| s.text.as_deref().is_some_and(|t| t.contains("raison"))), "{after:?}");
    app.send(&coordo, "Les comptes rendus ne sont pas publics").await;
    app.settle().await;
    let told = texts(&app, &awa);
    let no = told.iter().find(|t| t.contains("refusée")).expect("told no");
    assert!(no.contains("Les comptes rendus ne sont pas publics"), "{no}");
    let asked = with_button(&app, &source, "ru:a:").unwrap();
    let (answer, _) = app.press(&source, asked.message_id, &button(&asked, "ru:a:")).await;
    assert!(answer.str_param("text").is_some(), "a refused request takes no more answers");

    // /reuse lists each party's requests with their state.
    let list = app.send(&awa, "/reuse").await;
    let text = list.text.unwrap_or_default();
    assert!(text.contains("approuvée") && text.contains("refusée"), "{text}");
    let list = app.send(&source, "/reutiliser").await;
    assert!(list.text.as_deref().is_some_and(|t| t.contains("Rapport bailleur")), "{:?}", list.text);
    let list = app.send(&drc, "/reuse").await;
    assert!(list.text.as_deref().is_some_and(|t| t.contains("No reuse requests")), "{:?}", list.text);
}

#[tokio::test]
async fn the_chair_names_another_organisation_as_the_source_of_the_minutes() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(2501, "Chef").language("en");
    let nrc = FakeUser::new(2502, "Nrc").language("fr");
    let awa = FakeUser::new(2503, "Awa").language("fr");
    let coordo = FakeUser::new(2505, "Coordo").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&awa, "IRC", "CPN", Role::Focal).await;
    people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    let nrc_id = cluster_bot::services::membership::organisation(&app.ctx, "NRC").await.unwrap().id;
    let outsider = cluster_bot::services::membership::organisation(&app.ctx, "DRC/DDG").await.unwrap().id;
    let meeting = app.meeting_in("CPN", 2).await;
    app.settle().await;
    app.advance(Duration::days(2) + Duration::hours(2));
    app.settle().await;

    // The summary names the chair's organisation as the source until another is chosen.
    let summary = app.minutes_summary(&chair, meeting, "CPN minutes").await;
    assert!(summary.text.as_deref().is_some_and(|t| t.contains("Source (asked before any reuse): UNHCR")));
    let list = app.press_expect_edit(&chair, summary.message_id, "sn:sp:0").await;
    let offered: Vec<String> = list.button_data().into_iter().filter(|d| d.starts_with("sn:so:")).collect();
    assert!(offered.contains(&format!("sn:so:{nrc_id}")), "{offered:?}");
    assert!(!offered.contains(&format!("sn:so:{outsider}")), "only member organisations: {offered:?}");
    // A forged organisation that is no member of CPN is refused; nothing changes.
    let (answer, _) = app.press(&chair, summary.message_id, &format!("sn:so:{outsider}")).await;
    assert!(answer.str_param("text").is_some(), "{:?}", answer.params);
    let named = app.press_expect_edit(&chair, summary.message_id, &format!("sn:so:{nrc_id}")).await;
    assert!(
        named.text.as_deref().is_some_and(|t| t.contains("Source (asked before any reuse): NRC")),
        "{:?}",
        named.text
    );
    app.press_expect_edit(&chair, summary.message_id, "mn:ok").await;
    app.settle().await;

    // A reuse request is asked of NRC, the source named, not of the chair's organisation.
    let minutes_msg = with_button(&app, &awa, "ru:m:").expect("the minutes with ♻️");
    ask_reuse(&app, &awa, &minutes_msg, "Rapport bailleur", "ECHO").await;
    assert!(with_button(&app, &nrc, "ru:a:").is_some(), "NRC, the source named, is asked");
    assert!(with_button(&app, &chair, "ru:a:").is_none(), "UNHCR is not the source");
}
