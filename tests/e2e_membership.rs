//! End to end: the real dispatcher against the fake Bot API server, a real SQLite file.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::MainMsg;
use cluster_bot::services::membership::{self, Issuer};
use cluster_bot::services::people;
use cluster_bot::storage::{memberships, people as people_store};
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

async fn invite(app: &TestBot, org: &str, mech: &str, role: Role) -> String {
    let o = membership::organisation(&app.ctx, org).await.unwrap();
    let m = membership::mechanism(&app.ctx, mech).await.unwrap();
    let issued = membership::issue_invitation(&app.ctx, Issuer::CommandLine, &o, &m, role, false).await.unwrap();
    assert!(issued.link.starts_with("https://t.me/cluster_test_bot?start="), "{}", issued.link);
    issued.code.as_str().to_string()
}

/// Runs the whole joining dialog for `user` with `code`, keeping the Telegram name.
async fn join(app: &TestBot, user: &FakeUser, code: &str) {
    let preview = app.send(user, &format!("/start {code}")).await;
    let principles = app.press_expect_edit(user, preview.message_id, &button(&preview, "join:name")).await;
    app.press_expect_edit(user, principles.message_id, &button(&principles, "join:yes")).await;
}

async fn active_roles(app: &TestBot, telegram_id: i64) -> Vec<(String, String, Role)> {
    let Some(p) = people_store::by_telegram_id(&app.ctx.db, telegram_id).await.unwrap() else {
        return vec![];
    };
    memberships::active_for_person(&app.ctx.db, p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.organisation.acronym, m.mechanism.code, m.role))
        .collect()
}

#[tokio::test]
async fn joining_with_a_valid_code_makes_a_focal_point_in_their_language_and_survives_a_restart() {
    let mut app = TestBot::start().await;
    let code = invite(&app, "NRC", "CPN", Role::Focal).await;
    let awa = FakeUser::new(5001, "Awa").last_name("Traoré").language("en-GB");

    let preview = app.send(&awa, &format!("/start {code}")).await;
    let text = preview.text.clone().unwrap();
    assert!(text.starts_with("Invitation to join the Protection Cluster"), "{text}");
    assert!(text.contains("NRC (Norwegian Refugee Council)") && text.contains("focal point"), "{text}");

    // A typed name is accepted instead of the Telegram one.
    let principles = app.send(&awa, "  Awa   Traoré (NRC Bamako) ").await;
    assert_eq!(principles.text.as_deref(), Some(app.t(Language::En, MainMsg::JoinPrinciples.into()).as_str()));
    let accepted_at = app.clock.now_for_test();
    let done = app.press_expect_edit(&awa, principles.message_id, &button(&principles, "join:yes")).await;
    assert!(done.text.unwrap().starts_with("Welcome! You are NRC's focal point for"));

    assert_eq!(active_roles(&app, 5001).await, vec![("NRC".into(), "CPN".into(), Role::Focal)]);
    let person = people_store::by_telegram_id(&app.ctx.db, 5001).await.unwrap().unwrap();
    assert_eq!(person.display_name, "Awa Traoré (NRC Bamako)");
    assert_eq!(person.language, Language::En);
    let m = memberships::active_for_person(&app.ctx.db, person.id).await.unwrap();
    assert_eq!(m[0].accepted_at, accepted_at);

    // The member's menu was published for their chat, in English, with member commands.
    let menu = app
        .fake
        .requests_for("setMyCommands")
        .into_iter()
        .rev()
        .find(|r| r.params["scope"]["chat_id"].as_i64() == Some(5001))
        .expect("chat-scoped menu published");
    let names: Vec<&str> =
        menu.params["commands"].as_array().unwrap().iter().map(|c| c["command"].as_str().unwrap()).collect();
    assert!(names.contains(&"members") && !names.contains(&"invite"), "{names:?}");

    app.restart().await;
    assert_eq!(active_roles(&app, 5001).await, vec![("NRC".into(), "CPN".into(), Role::Focal)]);
    let me = app.send(&awa, "/me").await;
    let me = me.text.unwrap();
    assert!(me.contains("Awa Traoré (NRC Bamako)") && me.contains("NRC — ") && me.contains("focal point"), "{me}");
    app.stop().await;
}

trait NowForTest {
    fn now_for_test(&self) -> chrono::DateTime<chrono::Utc>;
}
impl NowForTest for cluster_bot::domain::ManualClock {
    fn now_for_test(&self) -> chrono::DateTime<chrono::Utc> {
        use cluster_bot::domain::Clock;
        self.now()
    }
}

#[tokio::test]
async fn expired_used_and_unknown_codes_are_refused_and_nothing_happens() {
    let mut app = TestBot::start().await;
    let moussa = FakeUser::new(6001, "Moussa").language("fr");

    let reply = app.send(&moussa, "/start AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, MainMsg::JoinCodeUnknown.into()));
    let reply = app.send(&moussa, "/start n'importe quoi").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, MainMsg::JoinCodeUnknown.into()));

    let expiring = invite(&app, "UNHCR", "CR-GAO", Role::Alternate).await;
    app.clock.advance(Duration::days(14) + Duration::seconds(1));
    let reply = app.send(&moussa, &format!("/start {expiring}")).await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, MainMsg::JoinCodeExpired.into()));

    let code = invite(&app, "DRC/DDG", "CR-GAO", Role::Focal).await;
    let first = FakeUser::new(6002, "Fatou").language("fr");
    join(&app, &first, &code).await;
    let reply = app.send(&moussa, &format!("/start {code}")).await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, MainMsg::JoinCodeUsed.into()));

    // The refused user is a member of nothing and has no dialog to continue.
    assert!(active_roles(&app, 6001).await.is_empty());
    let reply = app.send(&moussa, "Moussa Diarra").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, MainMsg::FreeTextHint.into()));
    assert_eq!(active_roles(&app, 6002).await, vec![("DRC/DDG".into(), "CR-GAO".into(), Role::Focal)]);
    app.stop().await;
}

#[tokio::test]
async fn an_expired_code_cannot_be_accepted_after_the_dialog_started() {
    let mut app = TestBot::start().await;
    let code = invite(&app, "NRC", "CPN", Role::Focal).await;
    let user = FakeUser::new(6101, "Ali");
    let preview = app.send(&user, &format!("/start {code}")).await;
    let principles = app.press_expect_edit(&user, preview.message_id, &button(&preview, "join:name")).await;
    app.clock.advance(Duration::days(15));
    let refused = app.press_expect_edit(&user, principles.message_id, "join:yes").await;
    assert_eq!(refused.text.unwrap(), app.t(Language::Fr, MainMsg::JoinCodeExpired.into()));
    assert!(active_roles(&app, 6101).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn language_switch_is_kept_across_a_restart() {
    let mut app = TestBot::start().await;
    let user = FakeUser::new(7001, "Binta").language("fr-FR");
    let help = app.send(&user, "/help").await;
    assert_eq!(help.text.unwrap(), app.t(Language::Fr, MainMsg::HelpUnknown.into()));

    let chooser = app.send(&user, "/language").await;
    assert_eq!(chooser.text.as_deref(), Some(app.t(Language::Fr, MainMsg::LanguageChoose.into()).as_str()));
    let set = app.press_expect_edit(&user, chooser.message_id, "lang:en").await;
    assert_eq!(set.text.unwrap(), app.t(Language::En, MainMsg::LanguageSet.into()));
    let help = app.send(&user, "/help").await;
    assert_eq!(help.text.unwrap(), app.t(Language::En, MainMsg::HelpUnknown.into()));

    app.restart().await;
    let help = app.send(&user, "/help").await;
    assert_eq!(help.text.unwrap(), app.t(Language::En, MainMsg::HelpUnknown.into()));
    // An unknown client language defaults to French.
    let other = FakeUser::new(7002, "Oumar").language("bm");
    let help = app.send(&other, "/help").await;
    assert_eq!(help.text.unwrap(), app.t(Language::Fr, MainMsg::HelpUnknown.into()));
    app.stop().await;
}

#[tokio::test]
async fn non_members_and_focal_points_are_refused_coordinator_commands() {
    let mut app = TestBot::start().await;
    let stranger = FakeUser::new(8001, "Stranger").language("en");
    let reply = app.send(&stranger, "/members").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::En, MainMsg::NotAMember.into()));
    let reply = app.send(&stranger, "/invite").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::En, MainMsg::NotAMember.into()));

    let focal = FakeUser::new(8002, "Focal").language("fr");
    let code = invite(&app, "IRC", "CPN", Role::Focal).await;
    join(&app, &focal, &code).await;
    let reply = app.send(&focal, "/invite").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, MainMsg::NotAllowed.into()));
    // A focal point sees the members of their mechanism, with marks.
    let reply = app.send(&focal, "/members").await;
    let text = reply.text.unwrap();
    assert!(text.contains("Focal — IRC — point focal"), "{text}");
    app.stop().await;
}

#[tokio::test]
async fn forged_and_stale_buttons_are_answered_and_change_nothing() {
    let mut app = TestBot::start().await;
    let user = FakeUser::new(9001, "Forger").language("en");
    let hello = app.send(&user, "/start").await;
    for data in ["join:yes", "inv:m:1", "inv:r:c", "inv:x", "leave:y:1", "💥", "lang:de", "inv:m:-1", ""] {
        let (answer, changed) = app.press(&user, hello.message_id, data).await;
        assert_eq!(
            answer.str_param("text"),
            Some(app.t(Language::En, MainMsg::ButtonExpired.into()).as_str()),
            "{data:?} answered {:?}",
            answer.params
        );
        assert!(changed.is_empty(), "{data:?} changed {changed:?}");
    }
    assert!(active_roles(&app, 9001).await.is_empty());

    // A chair who forges a mechanism they do not chair is refused.
    let chair = FakeUser::new(9002, "Chair").language("en");
    let code = invite(&app, "UNHCR", "CR-MOPTI", Role::Chair).await;
    join(&app, &chair, &code).await;
    let pick = app.send(&chair, "/invite").await;
    let allowed = pick.button_data();
    assert_eq!(allowed.iter().filter(|d| d.starts_with("inv:m:")).count(), 1, "{allowed:?}");
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let (answer, changed) = app.press(&chair, pick.message_id, &format!("inv:m:{}", cpn.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    assert!(changed.is_empty());
    // And cannot make a chair link by forging the role.
    let orgs = app.press_expect_edit(&chair, pick.message_id, &button(&pick, "inv:m:")).await;
    let roles = app.press_expect_edit(&chair, orgs.message_id, &button(&orgs, "inv:o:")).await;
    assert!(!roles.button_data().contains(&"inv:r:c".to_string()));
    let (answer, _) = app.press(&chair, roles.message_id, "inv:r:c").await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    app.stop().await;
}

#[tokio::test]
async fn oversize_and_empty_names_get_an_explanation_and_the_same_question() {
    let mut app = TestBot::start().await;
    let code = invite(&app, "NRC", "SC-VBG", Role::Alternate).await;
    let user = FakeUser::new(9101, "Kadi").language("fr");
    app.send(&user, &format!("/start {code}")).await;
    for (typed, why) in [
        ("é".repeat(101), MainMsg::NameTooLong { max: 100 }),
        ("x".repeat(4096), MainMsg::NameTooLong { max: 100 }),
        ("a\u{7}b".to_string(), MainMsg::NameInvalid),
    ] {
        let reply = app.send(&user, &typed).await;
        let text = reply.text.clone().unwrap();
        assert!(text.starts_with(&app.t(Language::Fr, why.into())), "{text}");
        assert!(text.contains(&app.t(Language::Fr, MainMsg::JoinAskNameAgain.into())));
        assert!(reply.button_data().contains(&"join:name".to_string()));
    }
    // Still in the dialog: a correct name goes on to the principles.
    let principles = app.send(&user, "Kadidia Coulibaly").await;
    assert_eq!(principles.text.unwrap(), app.t(Language::Fr, MainMsg::JoinPrinciples.into()));
    app.stop().await;
}

#[tokio::test]
async fn coordinator_invites_in_chat_and_replaces_a_focal_point_only_explicitly() {
    let mut app = TestBot::start().await;
    people::add_coordinator(&app.ctx, 10001, "Coordo").await.unwrap();
    let coordo = FakeUser::new(10001, "Coordo").language("en");
    let first = FakeUser::new(10002, "First").language("fr");
    let second = FakeUser::new(10003, "Second").language("fr");
    join(&app, &first, &invite(&app, "NRC", "CPN", Role::Focal).await).await;

    // The command line refuses a second focal point without --replace.
    let o = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let m = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let err =
        membership::issue_invitation(&app.ctx, Issuer::CommandLine, &o, &m, Role::Focal, false).await.unwrap_err();
    assert!(err.to_string().contains("already has a focal"), "{err}");

    let pick = app.send(&coordo, "/invite").await;
    let orgs = app.press_expect_edit(&coordo, pick.message_id, &format!("inv:m:{}", m.id)).await;
    // Typing an unknown acronym explains and asks again; a known one (any case) goes on.
    let again = app.send(&coordo, "NOPE").await;
    assert!(
        again
            .text
            .unwrap()
            .starts_with(&app.t(Language::En, MainMsg::InviteUnknownOrganisation { text: "NOPE".into() }.into()))
    );
    let _ = orgs;
    let roles = app.send(&coordo, "nrc").await;
    assert!(roles.button_data().contains(&"inv:r:c".to_string()), "coordinators may invite chairs");
    let ask = app.press_expect_edit(&coordo, roles.message_id, "inv:r:f").await;
    assert_eq!(
        ask.text.unwrap(),
        app.t(
            Language::En,
            MainMsg::InviteAskReplace {
                org: "NRC".into(),
                mechanism: m.name_en.clone(),
                role: Role::Focal,
                holder: "First".into()
            }
            .into()
        )
    );
    let link = app.press_expect_edit(&coordo, ask.message_id, "inv:x").await;
    let link_text = link.text.unwrap();
    let code = link_text.split("start=").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    assert!(link_text.contains("First"), "says who will be replaced: {link_text}");

    join(&app, &second, &code).await;
    assert_eq!(active_roles(&app, 10003).await, vec![("NRC".into(), "CPN".into(), Role::Focal)]);
    assert!(active_roles(&app, 10002).await.is_empty(), "the old focal point was replaced");
    app.stop().await;
}

#[tokio::test]
async fn a_second_focal_point_cannot_join_silently() {
    let mut app = TestBot::start().await;
    // Two links made while the seat was free: the second acceptance is refused, its code kept.
    let a = invite(&app, "OXFAM", "CR-TOMBOUCTOU", Role::Focal).await;
    let b = invite(&app, "OXFAM", "CR-TOMBOUCTOU", Role::Focal).await;
    join(&app, &FakeUser::new(11001, "A"), &a).await;
    let late = FakeUser::new(11002, "B").language("en");
    let preview = app.send(&late, &format!("/start {b}")).await;
    let principles = app.press_expect_edit(&late, preview.message_id, "join:name").await;
    let refused = app.press_expect_edit(&late, principles.message_id, "join:yes").await;
    let text = refused.text.unwrap();
    assert!(text.starts_with("OXFAM already has a focal point"), "{text}");
    assert!(active_roles(&app, 11002).await.is_empty());
    assert_eq!(active_roles(&app, 11001).await.len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_member_leaves_after_confirming() {
    let mut app = TestBot::start().await;
    let user = FakeUser::new(12001, "Leaver").language("en");
    join(&app, &user, &invite(&app, "IMC", "GT-MINES", Role::Alternate).await).await;
    let ask = app.send(&user, "/leave").await;
    let kept = app.press_expect_edit(&user, ask.message_id, "leave:n").await;
    assert_eq!(kept.text.unwrap(), app.t(Language::En, MainMsg::LeaveKept.into()));
    assert_eq!(active_roles(&app, 12001).await.len(), 1);

    let ask = app.send(&user, "/leave").await;
    let done = app.press_expect_edit(&user, ask.message_id, &button(&ask, "leave:y:")).await;
    assert!(done.text.unwrap().starts_with("You have left"));
    assert!(active_roles(&app, 12001).await.is_empty());
    let reply = app.send(&user, "/members").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::En, MainMsg::NotAMember.into()));
    app.stop().await;
}

#[tokio::test]
async fn unknown_commands_free_text_and_cancel_get_hints() {
    let mut app = TestBot::start().await;
    let user = FakeUser::new(13001, "Curious").language("en");
    assert_eq!(app.send(&user, "/frobnicate").await.text.unwrap(), app.t(Language::En, MainMsg::UnknownCommand.into()));
    assert_eq!(app.send(&user, "hello?").await.text.unwrap(), app.t(Language::En, MainMsg::FreeTextHint.into()));
    assert_eq!(app.send(&user, "/cancel").await.text.unwrap(), app.t(Language::En, MainMsg::CancelNothing.into()));
    let code = invite(&app, "NRC", "CPN", Role::Focal).await;
    app.send(&user, &format!("/start {code}")).await;
    assert_eq!(app.send(&user, "/cancel").await.text.unwrap(), app.t(Language::En, MainMsg::CancelDone.into()));
    assert_eq!(app.send(&user, "My Name").await.text.unwrap(), app.t(Language::En, MainMsg::FreeTextHint.into()));
    app.stop().await;
}

#[tokio::test]
async fn a_dialog_survives_a_restart() {
    let mut app = TestBot::start().await;
    let code = invite(&app, "NRC", "CPN", Role::Focal).await;
    let user = FakeUser::new(14001, "Patient").language("en");
    app.send(&user, &format!("/start {code}")).await;
    app.restart().await;
    let principles = app.send(&user, "Patient Person").await;
    assert_eq!(principles.text.as_deref(), Some(app.t(Language::En, MainMsg::JoinPrinciples.into()).as_str()));
    app.restart().await;
    app.press_expect_edit(&user, principles.message_id, "join:yes").await;
    assert_eq!(active_roles(&app, 14001).await, vec![("NRC".into(), "CPN".into(), Role::Focal)]);
    app.stop().await;
}
