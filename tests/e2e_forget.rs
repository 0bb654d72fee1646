//! Erasure a member can ask for: /forget (/oublier) says what will end and asks Yes / No; on
//! Yes the person's seats end, their pending messages, dialogue and calendar feed go, their
//! name and Telegram id are replaced, and the chair and the coordinators are told that "a
//! former member" of the organisation left. The last coordinator cannot be forgotten. People
//! who only ever wrote to the bot are deleted after the dialogue retention; audit lines and
//! receipts after their own (two years by default).

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{AccessMsg, MainMsg};
use cluster_bot::services::meetings::Actor;
use cluster_bot::services::{audit, calendar_feed, people, retention};
use cluster_bot::storage::people as people_store;
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

async fn count(app: &TestBot, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql).bind(id).fetch_one(app.ctx.db.pool()).await.unwrap()
}

#[tokio::test]
async fn a_member_asks_to_be_forgotten_confirms_and_only_a_former_member_remains() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(961, "Chair").language("en");
    let awa = FakeUser::new(962, "Awa").last_name("Traoré").language("fr");
    let coordo = FakeUser::new(963, "Coordo").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    let awa_id = app.member(&awa, "NRC", "CPN", Role::Focal).await;
    people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    calendar_feed::rotate(&app.ctx, awa_id).await.unwrap();

    // Asked, and kept on "No".
    let asked = app.send(&awa, "/oublier").await;
    let text = asked.text.clone().unwrap();
    assert!(text.contains("NRC — CPN") && text.contains("définitif"), "{text}");
    let kept = app.press_expect_edit(&awa, asked.message_id, &button(&asked, "fg:n")).await;
    assert_eq!(kept.text.unwrap(), app.t(Language::Fr, AccessMsg::ForgetKept.into()));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND status = 'active'", awa_id).await,
        1
    );

    // Confirmed.
    let asked = app.send(&awa, "/forget").await;
    let done = app.press_expect_edit(&awa, asked.message_id, &button(&asked, "fg:y")).await;
    assert_eq!(done.text.unwrap(), app.t(Language::Fr, AccessMsg::ForgetDone.into()));
    let person = people_store::by_id(&app.ctx.db, awa_id).await.unwrap().unwrap();
    assert!(person.telegram_id < 0 && !person.display_name.contains("Awa"), "{person:?}");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND status = 'active'", awa_id).await,
        0
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM calendar_feeds WHERE person_id = ?", awa_id).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM dialogues WHERE chat_id = ?", awa.id).await, 0);

    // The chair and the coordinator are told, without the name.
    app.settle().await;
    for (u, needle) in [(&chair, "A former member (NRC"), (&coordo, "Un(e) ancien(ne) membre (NRC")] {
        let told = app.fake.sent_to(u.id).into_iter().filter_map(|s| s.text).find(|t| t.contains(needle));
        let told = told.unwrap_or_else(|| panic!("{} not told: {:?}", u.id, app.fake.sent_to(u.id)));
        assert!(!told.contains("Awa") && !told.contains("erased"), "{told}");
    }
    let trail = audit::since(&app.ctx, Actor::CommandLine, app.clock.now() - Duration::days(1)).await.unwrap();
    let erased = trail.iter().find(|e| e.action == "erased").expect("recorded");
    assert!(erased.detail.as_deref().unwrap_or_default().contains("asked by the person"), "{erased:?}");
    assert!(trail.iter().all(|e| !format!("{e:?}").contains("Traoré")), "no name left in the audit");

    // Writing again, she is a newcomer.
    let help = app.send(&awa, "/help").await;
    assert_eq!(help.text.unwrap(), app.t(Language::Fr, MainMsg::HelpUnknown.into()));

    // The last coordinator cannot be forgotten.
    let asked = app.send(&coordo, "/forget").await;
    let (answer, _) = app.press(&coordo, asked.message_id, &button(&asked, "fg:y")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::Fr, AccessMsg::LastCoordinator.into()).as_str()));
    assert!(people_store::by_telegram_id(&app.ctx.db, coordo.id).await.unwrap().is_some());
}

#[tokio::test]
async fn people_who_only_wrote_are_deleted_after_the_retention_and_old_records_after_theirs() {
    let app = TestBot::start().await;
    let stranger = FakeUser::new(971, "Passant").language("fr");
    let member = FakeUser::new(972, "Membre").language("fr");
    app.member(&member, "NRC", "CPN", Role::Focal).await;
    app.send(&stranger, "/help").await;
    assert!(people_store::by_telegram_id(&app.ctx.db, stranger.id).await.unwrap().is_some());

    app.advance(Duration::days(31));
    let purged = retention::purge(&app.ctx).await.unwrap();
    assert_eq!(purged.strangers, 1, "{purged:?}");
    assert!(people_store::by_telegram_id(&app.ctx.db, stranger.id).await.unwrap().is_none(), "the stranger is gone");
    assert!(people_store::by_telegram_id(&app.ctx.db, member.id).await.unwrap().is_some(), "members stay");

    // Two years on, the audit lines of the joins are deleted too.
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert!(before > 0);
    app.advance(Duration::days(730));
    let purged = retention::purge(&app.ctx).await.unwrap();
    assert!(purged.records >= 1, "{purged:?}");
    let cutoff = (app.clock.now() - Duration::days(730)).timestamp();
    let older: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE at < ?")
        .bind(cutoff)
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap();
    assert_eq!(older, 0, "nothing older than two years is kept");
}
