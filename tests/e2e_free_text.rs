//! Personal data is refused wherever free text enters and others will read it: a member's
//! agenda proposal, a vote's question and options, a display name (which also may not carry
//! invisible formatting characters that make it read as someone else's). Each refusal is
//! explained in the person's language, keeps the dialog at the same question and saves nothing.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, DisplayName, Language, Role};
use cluster_bot::i18n::{DecisionsMsg, MainMsg};
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::membership::{self, Issuer};
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

fn refused(app: &TestBot, lang: Language, kind: &str) -> String {
    app.t(lang, MainMsg::PersonalDataRefused { kind: kind.into() }.into())
}

async fn count(app: &TestBot, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(app.ctx.db.pool()).await.unwrap()
}

#[tokio::test]
async fn an_agenda_proposal_with_a_phone_number_is_refused_and_asked_again() {
    let app = TestBot::start().await;
    let nrc = FakeUser::new(801, "Jon").language("en");
    let chair = FakeUser::new(802, "Awa").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&nrc, "NRC", "CPN", Role::Focal).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + Duration::days(10),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let meeting = meetings::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0);

    let list = app.send(&nrc, "/meetings").await;
    let propose = button(&list, &format!("ag:p:{}", meeting.id));
    app.press(&nrc, list.message_id, &propose).await;
    let reply = app.send(&nrc, "Case of the family at Sévaré, call 76 12 34 56").await;
    assert_eq!(reply.text.unwrap(), refused(&app, Language::En, "phone"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM agenda_items").await, 0, "nothing saved");
    // Still asked for the item: a clean line is proposed.
    let done = app.send(&nrc, "Returns to Ménaka: protection monitoring").await;
    assert_eq!(done.text.unwrap(), app.t(Language::En, DecisionsMsg::DcProposed.into()));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM agenda_items").await, 1);
}

#[tokio::test]
async fn a_vote_question_or_option_with_personal_data_is_refused_and_asked_again() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(811, "Awa").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&FakeUser::new(812, "Jon").language("en"), "NRC", "CPN", Role::Focal).await;

    app.send(&chair, "/vote").await;
    let reply = app.send(&chair, "Faut-il écrire à awa.traore@example.org pour le cas de Gao ?").await;
    assert_eq!(reply.text.unwrap(), refused(&app, Language::Fr, "email"));
    let kind = app.send(&chair, "Adopter la note de plaidoyer ?").await;
    let options = app.press_expect_edit(&chair, kind.message_id, &button(&kind, "dc:vk:0")).await;
    assert!(options.text.unwrap().contains("options"), "asked for the options");
    let reply = app.send(&chair, "Oui\nNon, appeler le +223 66 00 11 22").await;
    assert_eq!(reply.text.unwrap(), refused(&app, Language::Fr, "phone"));
    let duration = app.send(&chair, "Oui\nNon").await;
    assert!(duration.button_data().iter().any(|d| d.starts_with("dc:vh:")), "on to the duration");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM votes").await, 0, "nothing opened yet");
}

#[tokio::test]
async fn a_name_with_invisible_formatting_or_a_phone_number_is_refused() {
    let app = TestBot::start().await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let issued =
        membership::issue_invitation(&app.ctx, Issuer::CommandLine, &nrc, &cpn, Role::Focal, false).await.unwrap();
    let user = FakeUser::new(821, "Kadi").language("fr");
    app.send(&user, &format!("/start {}", issued.code.as_str())).await;
    for (typed, why) in [
        // A right-to-left override makes "Awa (UNHCR)" read as another person's label.
        ("Awa \u{202E})RCHNU( ".to_string(), MainMsg::NameInvalid),
        ("Kadi\u{200B}dia".to_string(), MainMsg::NameInvalid),
        ("Kadi 76 12 34 56".to_string(), MainMsg::PersonalDataRefused { kind: "phone".into() }),
    ] {
        let reply = app.send(&user, &typed).await;
        let text = reply.text.clone().unwrap();
        assert!(text.starts_with(&app.t(Language::Fr, why.into())), "{typed:?}: {text}");
        assert!(text.contains(&app.t(Language::Fr, MainMsg::JoinAskNameAgain.into())));
    }
    let principles = app.send(&user, "Kadidia Coulibaly").await;
    assert_eq!(principles.text.unwrap(), app.t(Language::Fr, MainMsg::JoinPrinciples.into()));
    // A Telegram profile name is cleaned rather than refused: its invisible characters go.
    assert_eq!(DisplayName::from_profile("Awa\u{202E}", Some("\u{2066}Traoré")).as_str(), "Awa Traoré");
}
