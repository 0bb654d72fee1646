//! Administration in the chat, end to end (the real bot against the fake Bot API server):
//! /admin for coordinators and chairs, each change confirmed and reported, the people
//! concerned told, and every button checked again on the server.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{AccessMsg, AdminMsg, MainMsg, Msg};
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::{admin, audit, membership, people};
use cluster_bot::storage::jobs;
use fake_bot_api::{FakeUser, SentMessage};
use harness::TestBot;

/// The callback data of the button whose label contains `label`.
fn labelled(msg: &SentMessage, label: &str) -> String {
    let rows = msg.reply_markup.as_ref().and_then(|m| m["inline_keyboard"].as_array()).cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|r| r.as_array().cloned().unwrap_or_default())
        .find(|b| b["text"].as_str().is_some_and(|t| t.contains(label)))
        .and_then(|b| b["callback_data"].as_str().map(String::from))
        .unwrap_or_else(|| panic!("no button '{label}' in {:?}", msg.reply_markup))
}

fn text(msg: &SentMessage) -> String {
    msg.text.clone().unwrap_or_default()
}

async fn mech_id(app: &TestBot, code: &str) -> i64 {
    membership::mechanism(&app.ctx, code).await.unwrap().id
}

async fn person_id(app: &TestBot, user: &FakeUser) -> i64 {
    cluster_bot::storage::people::by_telegram_id(&app.ctx.db, user.id).await.unwrap().unwrap().id
}

async fn coordinator(app: &TestBot, id: i64, name: &str) -> FakeUser {
    let user = FakeUser::new(id, name).language("fr");
    people::add_coordinator(&app.ctx, user.id, name).await.unwrap();
    user
}

/// Active seats of a person in a mechanism.
async fn seats(app: &TestBot, user: &FakeUser, mech: &str) -> Vec<Role> {
    let m = membership::mechanism(&app.ctx, mech).await.unwrap();
    let all = admin::members(&app.ctx, Actor::CommandLine, Some(&m)).await.unwrap();
    all.into_iter().filter(|s| s.telegram_id == user.id).map(|s| s.role).collect()
}

async fn is_coordinator(app: &TestBot, user: &FakeUser) -> bool {
    let all = admin::coordinators(&app.ctx, Actor::CommandLine).await.unwrap();
    all.iter().any(|p| p.telegram_id == user.id)
}

fn fr(app: &TestBot, msg: impl Into<Msg>) -> String {
    app.t(Language::Fr, msg.into())
}

#[tokio::test]
async fn a_coordinator_removes_a_focal_point_who_is_told_and_receives_nothing_more() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let chair = FakeUser::new(2, "Chair").language("en");
    app.member(&chair, "UNHCR", "SC-VBG", Role::Chair).await;
    let other = FakeUser::new(3, "Other").language("fr");
    app.member(&other, "IRC", "SC-VBG", Role::Focal).await;
    let target = FakeUser::new(9, "Target").language("en");
    app.member(&target, "NRC", "SC-VBG", Role::Focal).await;
    app.member(&target, "NRC", "CPN", Role::Focal).await;
    let vbg = mech_id(&app, "SC-VBG").await;
    let draft = MeetingDraft {
        mechanism_id: vbg,
        starts_at: app.clock.now() + Duration::days(5),
        duration_minutes: 60,
        place: Some("Bamako".into()),
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let meeting = meetings::create(&app.ctx, Actor::CommandLine, draft).await.unwrap()[0].id;
    app.settle().await;
    assert!(app.fake.sent_to(target.id).iter().any(|s| s.method == "sendDocument"), "the target was invited");
    // A change notice for the target is queued (e.g. waiting after a 429) before the removal.
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let now = app.clock.now();
    let change = Job::Deliver {
        person_id: person_id(&app, &target).await,
        message: Outgoing::MeetingChanged { meeting_id: meeting, organisation_id: nrc.id, cancelled: false },
    };
    jobs::enqueue(&app.ctx.db, "queued-change", &change, now + Duration::minutes(10), now).await.unwrap();
    let target_before = app.fake.sent_to(target.id).len();
    let chair_before = app.fake.sent_to(chair.id).len();

    // /gestion → members → SC-VBG → the target → confirm, from this mechanism only.
    let menu = app.send(&coordo, "/gestion").await;
    assert_eq!(text(&menu), fr(&app, AdminMsg::AdmMenu { coordinator: true }));
    let mechs = app.press_expect_edit(&coordo, menu.message_id, "adm:mx:m").await;
    let list = app.press_expect_edit(&coordo, menu.message_id, &labelled(&mechs, "SC-VBG")).await;
    assert!(text(&list).contains("• Target — NRC — point focal"), "{}", text(&list));
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, "Target (NRC)")).await;
    assert!(text(&ask).starts_with("Retirer Target (NRC, point focal) de SC-VBG ?"), "{}", text(&ask));
    let yes = labelled(&ask, "Oui, de SC-VBG");
    let done = app.press_expect_edit(&coordo, menu.message_id, &yes).await;
    assert_eq!(
        text(&done),
        fr(&app, AdminMsg::AdmRemoved { name: "Target".into(), mechanism: "SC-VBG".into(), seats: 1 })
    );
    // Pressed a second time, the confirmation does nothing.
    let (again, _) = app.press(&coordo, menu.message_id, &yes).await;
    assert_eq!(again.str_param("text"), Some(fr(&app, MainMsg::ButtonExpired).as_str()));
    assert!(seats(&app, &target, "SC-VBG").await.is_empty());
    assert_eq!(seats(&app, &target, "CPN").await, [Role::Focal], "their other seat is kept");
    app.settle().await;

    // The target is told in English; the chair is told.
    let told: Vec<String> = app.fake.sent_to(target.id)[target_before..].iter().map(text).collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].starts_with("You are no longer NRC's focal point in Gender-based violence"), "{told:?}");
    assert!(told[0].contains("a coordinator has removed you"), "{told:?}");
    let chair_told: Vec<String> = app.fake.sent_to(chair.id)[chair_before..].iter().map(text).collect();
    assert!(
        chair_told.iter().any(|t| t.contains("Target (NRC, focal point) has been removed by a coordinator")),
        "{chair_told:?}"
    );

    // The queued change comes due: withheld. A later move of the meeting reaches the others only.
    app.advance(Duration::minutes(15));
    app.settle().await;
    assert!(app.jobs_with_status("skipped").await.iter().any(|(_, k)| k == "queued-change"));
    let other_before = app.fake.sent_to(other.id).len();
    let m = meetings::get(&app.ctx, meeting).await.unwrap();
    meetings::reschedule(&app.ctx, Actor::CommandLine, meeting, m.starts_at + Duration::hours(2), None).await.unwrap();
    app.settle().await;
    assert_eq!(app.fake.sent_to(target.id).len(), target_before + 1, "nothing after the notice");
    assert!(app.fake.sent_to(other.id).len() > other_before, "the others are told of the move");

    // The audit trail names the coordinator, once.
    let trail = audit::since(&app.ctx, Actor::CommandLine, now - Duration::days(1)).await.unwrap();
    let removed: Vec<_> = trail.iter().filter(|e| e.action == "removed").collect();
    assert_eq!(removed.len(), 1, "{trail:?}");
    assert_eq!(removed[0].actor.as_deref(), Some("Coordo"));
    assert_eq!(removed[0].subject_telegram_id, Some(target.id));
    let withheld = trail.iter().find(|e| e.action == "delivery_withheld" && e.subject_telegram_id == Some(target.id));
    assert!(withheld.and_then(|e| e.detail.as_deref()).is_some_and(|d| d.starts_with("meeting_changed")), "{trail:?}");
    app.stop().await;
}

#[tokio::test]
async fn a_revoked_invitation_link_no_longer_works_and_chairs_see_only_theirs() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let chair = FakeUser::new(2, "Chair").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    let issue = |org: &'static str, mech: &'static str| {
        let ctx = app.ctx.clone();
        async move {
            let o = membership::organisation(&ctx, org).await.unwrap();
            let m = membership::mechanism(&ctx, mech).await.unwrap();
            membership::issue_invitation(&ctx, membership::Issuer::CommandLine, &o, &m, Role::Focal, false)
                .await
                .unwrap()
        }
    };
    let cpn_link = issue("NRC", "CPN").await;
    let vbg_link = issue("IRC", "SC-VBG").await;
    let pending = admin::pending_invitations(&app.ctx, Actor::CommandLine).await.unwrap();
    let id_of = |mech: &str| pending.iter().find(|i| i.mechanism == mech).unwrap().id;
    let (cpn_id, vbg_id) = (id_of("CPN"), id_of("SC-VBG"));

    // The chair sees the CPN invitation only, and no "remove" button among the members.
    let menu = app.send(&chair, "/admin").await;
    assert_eq!(text(&menu), fr(&app, AdminMsg::AdmMenu { coordinator: false }));
    assert!(!menu.button_data().iter().any(|d| d == "adm:kl"), "no coordinators for a chair");
    let list = app.press_expect_edit(&chair, menu.message_id, "adm:il:0").await;
    assert!(text(&list).contains(&format!("n° {cpn_id} NRC — CPN")), "{}", text(&list));
    assert!(!text(&list).contains("SC-VBG"), "{}", text(&list));
    let members =
        app.press_expect_edit(&chair, menu.message_id, &format!("adm:ml:{}:0", mech_id(&app, "CPN").await)).await;
    assert!(!members.button_data().iter().any(|d| d.starts_with("adm:rm:")), "{:?}", members.button_data());
    // Another mechanism's invitation is not shown to the chair: its forged button is stale.
    let (refused, after) = app.press(&chair, menu.message_id, &format!("adm:rv:{vbg_id}")).await;
    assert_eq!(refused.str_param("text"), Some(fr(&app, MainMsg::ButtonExpired).as_str()));
    assert!(after.is_empty());

    // The coordinator revokes the SC-VBG invitation: its link answers as expired.
    let menu = app.send(&coordo, "/admin").await;
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:il:0").await;
    assert!(
        text(&list).contains(&format!("n° {vbg_id} IRC — SC-VBG — point focal — émise par la ligne de commande")),
        "{}",
        text(&list)
    );
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, &format!("n° {vbg_id}"))).await;
    let done = app.press_expect_edit(&coordo, menu.message_id, &format!("adm:y:rv:{vbg_id}")).await;
    assert!(text(&ask).starts_with(&format!("Révoquer l'invitation n° {vbg_id}")), "{}", text(&ask));
    assert!(text(&done).starts_with(&format!("C'est fait : l'invitation n° {vbg_id}")), "{}", text(&done));
    let newcomer = FakeUser::new(50, "Newcomer").language("fr");
    let answer = app.send(&newcomer, &format!("/start {}", vbg_link.code.as_str())).await;
    assert_eq!(text(&answer), fr(&app, MainMsg::JoinCodeExpired));
    // The chair revokes theirs in the same way; the other link was still good until then.
    let menu = app.send(&chair, "/admin").await;
    app.press_expect_edit(&chair, menu.message_id, &format!("adm:rv:{cpn_id}")).await;
    app.press_expect_edit(&chair, menu.message_id, &format!("adm:y:rv:{cpn_id}")).await;
    let answer = app.send(&newcomer, &format!("/start {}", cpn_link.code.as_str())).await;
    assert_eq!(text(&answer), fr(&app, MainMsg::JoinCodeExpired));
    assert!(admin::pending_invitations(&app.ctx, Actor::CommandLine).await.unwrap().is_empty());
    let trail = audit::since(&app.ctx, Actor::CommandLine, app.clock.now() - Duration::days(1)).await.unwrap();
    let revoked: Vec<_> = trail.iter().filter(|e| e.action == "invitation_revoked").collect();
    assert_eq!(revoked.iter().map(|e| e.actor.as_deref()).collect::<Vec<_>>(), [Some("Coordo"), Some("Chair")]);
    app.stop().await;
}

#[tokio::test]
async fn a_chair_is_added_from_the_members_then_removed_and_told() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let awa = FakeUser::new(5, "Awa").language("en");
    app.member(&awa, "NRC", "CR-MOPTI", Role::Focal).await;
    let mopti = mech_id(&app, "CR-MOPTI").await;
    assert_eq!(text(&app.send(&awa, "/admin").await), app.t(Language::En, MainMsg::NotAllowed.into()));

    let menu = app.send(&coordo, "/admin").await;
    let mechs = app.press_expect_edit(&coordo, menu.message_id, "adm:mx:c").await;
    let chairs = app.press_expect_edit(&coordo, menu.message_id, &labelled(&mechs, "CR-MOPTI")).await;
    assert_eq!(text(&chairs), fr(&app, AdminMsg::AdmChairsHeader { mechanism: "CR-MOPTI".into(), count: 0 }));
    let pick = app.press_expect_edit(&coordo, menu.message_id, &format!("adm:cc:{mopti}:0")).await;
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&pick, "Awa (NRC)")).await;
    assert_eq!(text(&ask), "Nommer Awa (NRC) président(e) de CR-MOPTI ?");
    let done = app.press_expect_edit(&coordo, menu.message_id, &labelled(&ask, "Oui, confirmer")).await;
    assert_eq!(text(&done), "C'est fait : Awa (NRC) préside désormais CR-MOPTI.");
    assert_eq!(seats(&app, &awa, "CR-MOPTI").await.len(), 2);
    // Awa is told, in English.
    app.settle().await;
    let mopti_en = cluster_bot::storage::reference::mechanism_by_id(&app.ctx.db, mopti).await.unwrap().unwrap().name_en;
    let told = app.t(Language::En, AccessMsg::RoleChairAdded { mechanism: mopti_en }.into());
    assert_eq!(app.fake.sent_to(awa.id).last().map(text), Some(told));
    // Now a chair: /admin answers with the chair's menu.
    assert_eq!(
        text(&app.send(&awa, "/admin").await),
        app.t(Language::En, AdminMsg::AdmMenu { coordinator: false }.into())
    );

    // Removed as chair: the focal point's seat stays, Awa is told in English.
    let before = app.fake.sent_to(awa.id).len();
    let chairs = app.press_expect_edit(&coordo, menu.message_id, &format!("adm:cl:{mopti}")).await;
    assert!(text(&chairs).contains("• Awa — NRC"), "{}", text(&chairs));
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&chairs, "❌ Awa")).await;
    let yes = labelled(&ask, "Oui, confirmer");
    let done = app.press_expect_edit(&coordo, menu.message_id, &yes).await;
    assert!(text(&done).starts_with("C'est fait : Awa (NRC) ne préside plus CR-MOPTI."), "{}", text(&done));
    let (again, _) = app.press(&coordo, menu.message_id, &yes).await;
    assert_eq!(again.str_param("text"), Some(fr(&app, MainMsg::ButtonExpired).as_str()));
    assert_eq!(seats(&app, &awa, "CR-MOPTI").await, [Role::Focal]);
    app.settle().await;
    let told: Vec<String> = app.fake.sent_to(awa.id)[before..].iter().map(text).collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].starts_with("You are no longer NRC's chair in Regional cluster Mopti"), "{told:?}");
    assert_eq!(text(&app.send(&awa, "/admin").await), app.t(Language::En, MainMsg::NotAllowed.into()));
    app.stop().await;
}

#[tokio::test]
async fn the_last_coordinator_cannot_be_removed_and_another_is_added_then_removed() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let moussa = FakeUser::new(6, "Moussa").language("fr");
    app.member(&moussa, "IRC", "CPN", Role::Focal).await;
    let me = person_id(&app, &coordo).await;

    let menu = app.send(&coordo, "/admin").await;
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:kl").await;
    assert!(text(&list).contains("• Coordo"), "{}", text(&list));
    app.press_expect_edit(&coordo, menu.message_id, &format!("adm:kr:{me}")).await;
    let (answer, after) = app.press(&coordo, menu.message_id, &format!("adm:y:kr:{me}")).await;
    let last = fr(&app, AccessMsg::LastCoordinator);
    assert_eq!(answer.str_param("text"), Some(last.as_str()));
    assert_eq!(after.last().map(text), Some(last), "the message says why");
    assert!(is_coordinator(&app, &coordo).await);

    // Moussa becomes coordinator, picked among the members.
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:kl").await;
    let pick = app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, "➕")).await;
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&pick, "Moussa (IRC)")).await;
    assert!(text(&ask).starts_with("Faire de Moussa un coordonnateur du cluster ?"), "{}", text(&ask));
    let done = app.press_expect_edit(&coordo, menu.message_id, &labelled(&ask, "Oui")).await;
    assert_eq!(text(&done), "C'est fait : Moussa est désormais coordonnateur.");
    assert!(is_coordinator(&app, &moussa).await);
    app.settle().await;
    assert_eq!(app.fake.sent_to(moussa.id).last().map(text), Some(fr(&app, AccessMsg::RoleCoordinatorAdded)));
    assert_eq!(text(&app.send(&moussa, "/gestion").await), fr(&app, AdminMsg::AdmMenu { coordinator: true }));

    // And is removed again; the "No" of a question changes nothing.
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:kl").await;
    app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, "❌ Moussa")).await;
    let kept = app.press_expect_edit(&coordo, menu.message_id, "adm:n").await;
    assert_eq!(text(&kept), fr(&app, AdminMsg::AdmNothingChanged));
    assert!(is_coordinator(&app, &moussa).await);
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:kl").await;
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, "❌ Moussa")).await;
    let done = app.press_expect_edit(&coordo, menu.message_id, &labelled(&ask, "Oui")).await;
    assert_eq!(text(&done), "C'est fait : Moussa n'est plus coordonnateur.");
    assert!(!is_coordinator(&app, &moussa).await);
    assert_eq!(seats(&app, &moussa, "CPN").await, [Role::Focal], "the seat is kept");
    app.settle().await;
    assert_eq!(app.fake.sent_to(moussa.id).last().map(text), Some(fr(&app, AccessMsg::RoleCoordinatorRemoved)));
    app.stop().await;
}

#[tokio::test]
async fn members_and_chairs_pressing_forged_buttons_are_refused_and_nothing_changes() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let member = FakeUser::new(7, "Member").language("fr");
    app.member(&member, "NRC", "CPN", Role::Focal).await;
    let chair = FakeUser::new(8, "Chair").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    let (cpn, gcs) = (mech_id(&app, "CPN").await, mech_id(&app, "GCS").await);
    let seat = admin::members(&app.ctx, Actor::CommandLine, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.telegram_id == member.id)
        .unwrap()
        .id;
    let coordo_id = person_id(&app, &coordo).await;
    let member_id = person_id(&app, &member).await;
    let observers_before =
        admin::observers_receive(&app.ctx, &membership::mechanism(&app.ctx, "GCS").await.unwrap()).await.unwrap();
    let not_allowed = fr(&app, MainMsg::NotAllowed);
    assert_eq!(text(&app.send(&member, "/admin").await), not_allowed);
    let anchor = app.send(&member, "/me").await.message_id;
    let forged = [
        "adm:menu".to_string(),
        format!("adm:ml:{cpn}:0"),
        "adm:il:0".into(),
        format!("adm:rm:{seat}"),
        format!("adm:y:rm:{seat}"),
        format!("adm:y:ra:{seat}"),
        format!("adm:y:ka:{member_id}"),
        format!("adm:y:kr:{coordo_id}"),
        format!("adm:y:ob:{gcs}:{}", u8::from(!observers_before)),
        "adm:kl".into(),
    ];
    for data in &forged {
        let (answer, after) = app.press(&member, anchor, data).await;
        assert_eq!(answer.str_param("text"), Some(not_allowed.as_str()), "{data}");
        assert!(after.is_empty(), "{data}: {after:?}");
    }
    // A chair may look at members and invitations, not change seats, chairs or coordinators.
    let anchor = app.send(&chair, "/admin").await.message_id;
    for data in forged.iter().skip(3) {
        let (answer, _) = app.press(&chair, anchor, data).await;
        assert_eq!(answer.str_param("text"), Some(not_allowed.as_str()), "{data}");
    }
    let (answer, _) = app.press(&chair, anchor, &format!("adm:ml:{gcs}:0")).await;
    assert_eq!(answer.str_param("text"), Some(not_allowed.as_str()), "a mechanism the chair does not chair");
    // Even a coordinator's confirmation that was never asked does nothing.
    let anchor = app.send(&coordo, "/admin").await.message_id;
    let (answer, _) = app.press(&coordo, anchor, &format!("adm:y:rm:{seat}")).await;
    assert_eq!(answer.str_param("text"), Some(fr(&app, MainMsg::ButtonExpired).as_str()));
    assert_eq!(seats(&app, &member, "CPN").await, [Role::Focal]);
    assert!(is_coordinator(&app, &coordo).await && !is_coordinator(&app, &member).await);
    let gcs_mech = membership::mechanism(&app.ctx, "GCS").await.unwrap();
    assert_eq!(admin::observers_receive(&app.ctx, &gcs_mech).await.unwrap(), observers_before);
    app.stop().await;
}

#[tokio::test]
async fn the_observer_policy_is_changed_after_a_confirmation() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let gcs = membership::mechanism(&app.ctx, "GCS").await.unwrap();
    assert!(!admin::observers_receive(&app.ctx, &gcs).await.unwrap(), "GCS: no, by default");
    let menu = app.send(&coordo, "/admin").await;
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:ol").await;
    assert!(text(&labelled_text(&list, "GCS")).contains("non"));
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, "GCS")).await;
    assert!(text(&ask).contains("les observateurs recevront"), "{}", text(&ask));
    let done = app.press_expect_edit(&coordo, menu.message_id, &labelled(&ask, "Oui")).await;
    assert_eq!(text(&done), fr(&app, AdminMsg::AdmObserversSet { mechanism: "GCS".into(), receive: true }));
    assert!(admin::observers_receive(&app.ctx, &gcs).await.unwrap());
    app.stop().await;
}

#[tokio::test]
async fn long_member_lists_are_paged() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let orgs = cluster_bot::storage::reference::organisations(&app.ctx.db).await.unwrap();
    let mut names = vec![];
    for (i, org) in orgs.iter().take(10).enumerate() {
        let name = format!("Member{i:02}");
        let user = FakeUser::new(10 + i as i64, &name).language("fr");
        app.member(&user, &org.acronym, "CPN", Role::Focal).await;
        names.push(name);
    }
    assert!(names.len() > 8, "more than one page: {names:?}");
    let cpn = mech_id(&app, "CPN").await;
    let menu = app.send(&coordo, "/admin").await;
    let first = app.press_expect_edit(&coordo, menu.message_id, &format!("adm:ml:{cpn}:0")).await;
    assert!(text(&first).contains("(page 1 sur 2)"), "{}", text(&first));
    assert_eq!(first.button_data().iter().filter(|d| d.starts_with("adm:rm:")).count(), 8);
    let second = app.press_expect_edit(&coordo, menu.message_id, &labelled(&first, "Suivant")).await;
    assert!(text(&second).contains("(page 2 sur 2)"), "{}", text(&second));
    let on_second = second.button_data().iter().filter(|d| d.starts_with("adm:rm:")).count();
    assert_eq!(on_second, names.len() - 8);
    assert!(second.button_data().contains(&format!("adm:ml:{cpn}:0")), "a way back to page 1");
    // The same page pressed again is no error; a page past the end shows the last one.
    let (answer, _) = app.press(&coordo, menu.message_id, &labelled(&first, "Suivant")).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    app.press_expect_edit(&coordo, menu.message_id, &format!("adm:ml:{cpn}:0")).await;
    let past = app.press_expect_edit(&coordo, menu.message_id, &format!("adm:ml:{cpn}:60000")).await;
    assert!(text(&past).contains("(page 2 sur 2)"), "{}", text(&past));
    app.stop().await;
}

/// The label of the button whose label contains `label`, as a message to read.
fn labelled_text(msg: &SentMessage, label: &str) -> SentMessage {
    let rows = msg.reply_markup.as_ref().and_then(|m| m["inline_keyboard"].as_array()).cloned().unwrap_or_default();
    let found = rows
        .iter()
        .flat_map(|r| r.as_array().cloned().unwrap_or_default())
        .find_map(|b| b["text"].as_str().filter(|t| t.contains(label)).map(String::from))
        .unwrap_or_else(|| panic!("no button '{label}'"));
    SentMessage { text: Some(found), ..msg.clone() }
}
