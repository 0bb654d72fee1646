//! Situation items end to end, through the real dispatcher and scheduler against the fake Bot
//! API: a member organisation of the Gao regional cluster reports, by buttons, a situation in
//! Ansongo that is not verified and whose source may not be named; the CR-GAO chair validates
//! it; the national cluster's chair receives it marked "not verified" without the
//! organisation's name, and it is on the next CPN meeting's invitation and calendar file.
//! Bad input: a member of no regional cluster, a place outside the region, personal data, a
//! paragraph too long or in two parts, forged buttons, a member who is not the chair validating.

use crate::{fake_bot_api, harness};

use chrono::{Duration, NaiveTime, TimeZone};
use cluster_bot::domain::fourw::ReportingMonth;
use cluster_bot::domain::jobs::Outgoing;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::situation::SituationMsg;
use cluster_bot::domain::situation::Theme;
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{ChartsMsg, MainMsg, SituationsMsg as T};
use cluster_bot::services::access::{Withheld, may_receive};
use cluster_bot::services::meetings::{self as meetings, Actor, MeetingDraft};
use cluster_bot::services::membership;
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

/// Waits for a message to `user` carrying a button whose data starts with `prefix`.
async fn message_with_button(app: &TestBot, user: &FakeUser, prefix: &str) -> SentMessage {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if let Some(m) =
            app.fake.sent_to(user.id).into_iter().find(|s| s.button_data().iter().any(|d| d.starts_with(prefix)))
        {
            return m;
        }
        assert!(std::time::Instant::now() < deadline, "no message with {prefix}* to {}", user.id);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

fn refused(answer: &fake_bot_api::Recorded) -> String {
    answer.str_param("text").unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_not_verified_item_from_gao_reaches_the_national_chair_marked_and_without_its_source() {
    let app = TestBot::start().await;
    let ctx = &app.ctx;
    let member = FakeUser::new(2401, "Aminata").language("fr");
    let other = FakeUser::new(2402, "Moussa").language("fr");
    let gao_chair = FakeUser::new(2403, "Gao Chair").language("en");
    let cpn_chair = FakeUser::new(2404, "CPN Chair").language("en");
    let cpn_member = FakeUser::new(2405, "Awa").language("fr");
    app.member(&member, "NRC", "CR-GAO", Role::Focal).await;
    app.member(&other, "CICR", "CR-GAO", Role::Focal).await;
    app.member(&gao_chair, "UNHCR", "CR-GAO", Role::Chair).await;
    app.member(&cpn_chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&cpn_member, "DRC/DDG", "CPN", Role::Focal).await;
    let fr = |m: T| app.t(Language::Fr, m.into());
    let en = |m: T| app.t(Language::En, m.into());
    let expired_fr = app.t(Language::Fr, MainMsg::ButtonExpired.into());

    // The next CPN meeting, ten days ahead (its invitation goes out seven days before).
    let cpn = membership::mechanism(ctx, "CPN").await.unwrap();
    let day = (app.clock.now() + Duration::days(10)).with_timezone(&ctx.tz).date_naive();
    let starts_at = ctx.tz.from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap())).unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: starts_at.to_utc(),
        duration_minutes: 120,
        place: Some("UNHCR, Bamako".into()),
        agenda: Some("1. Tour de table".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    meetings::create(ctx, Actor::CommandLine, draft).await.unwrap();

    // A member of no regional cluster may not post.
    let refusal = app.send(&cpn_member, "/situation").await;
    assert_eq!(refusal.text.as_deref(), Some(fr(T::StNotRegional).as_str()));

    // The Gao member: the cercles of Gao and Ménaka as buttons.
    let places = app.send(&member, "/situation").await;
    let data = places.button_data();
    assert!(data.contains(&"st:p:0701".to_string()), "Ansongo is offered: {data:?}");
    assert!(data.iter().any(|d| d.starts_with("st:p:10")), "Ménaka's cercles too: {data:?}");
    assert!(!data.iter().any(|d| d.starts_with("st:p:05")), "no cercle of Mopti: {data:?}");
    // A forged button of a cercle of Mopti, and a typed P-code of Mopti, are refused.
    let (answer, _) = app.press(&member, places.message_id, "st:p:0501").await;
    assert_eq!(refused(&answer), expired_fr);
    let unknown = app.send(&member, "ML0501").await;
    assert!(unknown.text.as_deref().unwrap().contains("ML0501"), "{unknown:?}");
    // A button of another step is refused; the typed P-code of Ansongo is taken.
    let (answer, _) = app.press(&member, places.message_id, "st:v:0").await;
    assert_eq!(refused(&answer), expired_fr);
    let themes = app.send(&member, "ml0701").await;
    assert!(themes.text.as_deref().unwrap().contains("Ansongo"), "{themes:?}");
    let code = Theme::PopulationMovement.code();
    let ask = app.press_expect_edit(&member, themes.message_id, &format!("st:t:{code}")).await;
    assert_eq!(ask.text.as_deref(), Some(fr(T::StAskText { max: 1000 }).as_str()));

    // The paragraph: personal data, too long, two paragraphs, then a good one.
    let phone = app.send(&member, "Des familles arrivent, appeler le 76 12 34 56.").await;
    assert_eq!(
        phone.text.as_deref(),
        Some(app.t(Language::Fr, MainMsg::PersonalDataRefused { kind: "phone".into() }.into()).as_str())
    );
    let long = app.send(&member, &"a".repeat(1001)).await;
    assert_eq!(long.text.as_deref(), Some(fr(T::StTextTooLong { max: 1000, length: 1001 }).as_str()));
    let two = app.send(&member, "Premier paragraphe.\n\nDeuxième paragraphe.").await;
    assert_eq!(two.text.as_deref(), Some(fr(T::StTextParagraph).as_str()));
    let text = "Une centaine de ménages venus de Tessit arrivent à Ansongo depuis trois jours, sans abri.";
    let verified = app.send(&member, text).await;
    assert!(verified.button_data().contains(&"st:v:0".to_string()), "verified or not is asked: {verified:?}");
    let source = app.press_expect_edit(&member, verified.message_id, "st:v:0").await;
    assert_eq!(source.button_data()[0], "st:s:0", "no is the first (default) answer");
    let summary = app.press_expect_edit(&member, source.message_id, "st:s:0").await;
    assert!(summary.text.as_deref().unwrap().contains("NON VÉRIFIÉE"), "{summary:?}");
    let posted = app.press_expect_edit(&member, summary.message_id, "st:ok").await;
    assert_eq!(posted.text.as_deref(), Some(fr(T::StPosted { mechanism: "CR-GAO".into() }).as_str()));
    app.settle().await;

    // The CR-GAO chair gets it, with the organisation (their member) and the two buttons.
    let to_validate = message_with_button(&app, &gao_chair, "st:d:").await;
    let body = to_validate.text.clone().unwrap();
    assert!(body.contains("NRC") && body.contains(text) && body.contains("NOT VERIFIED"), "{body}");
    assert!(to_validate.protect_content);
    let validate = button(&to_validate, "st:d:");
    assert!(validate.ends_with(":1"), "{validate}");
    assert!(app.fake.sent_to(cpn_chair.id).is_empty(), "nothing reaches the national cluster before validation");
    assert!(app.fake.sent_to(other.id).iter().all(|s| s.button_data().is_empty()), "not to a member");

    // Forged and unauthorised presses.
    let (answer, _) = app.press(&other, to_validate.message_id, &validate).await;
    assert_eq!(refused(&answer), app.t(Language::Fr, MainMsg::NotAllowed.into()), "a member is not the chair");
    let (answer, _) = app.press(&cpn_chair, to_validate.message_id, &validate).await;
    assert!(!refused(&answer).is_empty(), "the national chair does not validate for Gao");
    let (answer, _) = app.press(&gao_chair, to_validate.message_id, "st:d:x:1").await;
    assert_eq!(refused(&answer), app.t(Language::En, MainMsg::ButtonExpired.into()));
    let (answer, _) = app.press(&gao_chair, to_validate.message_id, "st:d:999999:1").await;
    assert_eq!(refused(&answer), app.t(Language::En, MainMsg::ButtonExpired.into()));

    // The chair validates; a second press does nothing more.
    let decided = app.press_expect_edit(&gao_chair, to_validate.message_id, &validate).await;
    assert!(decided.text.as_deref().unwrap().contains(&en(T::StValidatedBy { name: "Gao Chair".into() })));
    assert!(decided.button_data().is_empty());
    let (answer, _) = app.press(&gao_chair, to_validate.message_id, &validate).await;
    assert_eq!(refused(&answer), en(T::StAlreadyDecided));
    app.settle().await;

    // The national chair: marked not verified, without the organisation's name.
    let national: Vec<SentMessage> =
        app.fake.sent_to(cpn_chair.id).into_iter().filter(|s| s.method == "sendMessage").collect();
    assert_eq!(national.len(), 1, "{national:?}");
    let body = national[0].text.clone().unwrap();
    assert!(body.contains("NOT VERIFIED") && body.contains("Ansongo") && body.contains(text), "{body}");
    assert!(body.contains(&en(T::StSourceWithheld)), "{body}");
    assert!(!body.contains("NRC"), "the source is hidden: {body}");
    assert!(national[0].protect_content);

    // The next CPN invitation carries it on its agenda, and its calendar file too.
    app.advance(Duration::days(3) + Duration::hours(1));
    app.settle().await;
    let invitation = app
        .fake
        .sent_to(cpn_member.id)
        .into_iter()
        .find(|s| s.text.as_deref().is_some_and(|t| t.contains("[CR-GAO]")))
        .expect("the invitation carries the item");
    let invitation_text = invitation.text.unwrap();
    let line = invitation_text.lines().find(|l| l.contains("[CR-GAO]")).unwrap();
    assert!(line.contains("Ansongo (ML0701)") && line.contains("NOT VERIFIED"), "{line}");
    assert!(line.contains("Mouvement de population") && !line.contains("NRC"), "{line}");
    let ics = app
        .fake
        .all_sent()
        .into_iter()
        .find_map(|s| s.document_bytes.filter(|b| String::from_utf8_lossy(b).contains("BEGIN:VCALENDAR")))
        .expect("a calendar file");
    let ics = String::from_utf8(ics).unwrap().replace("\r\n ", "");
    assert!(ics.contains("[CR-GAO]") && ics.contains("NOT VERIFIED"), "{ics}");

    // Only on that agenda: the CPN meeting after it does not carry it again.
    let later = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: starts_at.to_utc() + Duration::days(35),
        duration_minutes: 120,
        place: None,
        agenda: Some("1. Tour de table".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let later = meetings::create(ctx, Actor::CommandLine, later).await.unwrap().remove(0);
    let agenda = cluster_bot::services::agenda::full_agenda(ctx, &later).await.unwrap().unwrap_or_default();
    assert!(!agenda.contains("[CR-GAO]"), "{agenda}");

    // The month's digest counts it, by place and theme, not verified, without its source.
    let today = app.clock.now().with_timezone(&ctx.tz).date_naive();
    let month = ReportingMonth::parse(&today.format("%Y-%m").to_string()).unwrap();
    let digest = cluster_bot::services::figures::digest(ctx, month).await.unwrap();
    assert_eq!(digest.situations.len(), 1, "{:?}", digest.situations);
    let item = &digest.situations[0];
    assert_eq!(
        (item.place.as_str(), item.theme, item.verified, &item.source),
        ("Ansongo", Theme::PopulationMovement, false, &None)
    );
    let line = app.t(
        Language::En,
        ChartsMsg::DigestSituationLine {
            mechanism: item.mechanism.clone(),
            place: item.place.clone(),
            theme: item.theme.name(Language::En).into(),
            verified: item.verified,
        }
        .into(),
    );
    assert_eq!(line, "CR-GAO — Ansongo: Population movement (NOT VERIFIED)");
    let i18n = cluster_bot::i18n::I18n::load().unwrap();
    let pdf = cluster_bot::charts::digest::pdf(&digest, &[Language::Fr, Language::En], ctx.tz, &i18n).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[tokio::test]
async fn a_verified_item_whose_source_may_be_named_names_it_and_a_refused_one_goes_nowhere() {
    let app = TestBot::start().await;
    let member = FakeUser::new(2501, "Aminata").language("en");
    let gao_chair = FakeUser::new(2503, "Gao Chair").language("en");
    let cpn_chair = FakeUser::new(2504, "CPN Chair").language("en");
    let member_id = app.member(&member, "NRC", "CR-GAO", Role::Focal).await;
    app.member(&member, "NRC", "CR-MOPTI", Role::Alternate).await;
    let gao_chair_id = app.member(&gao_chair, "UNHCR", "CR-GAO", Role::Chair).await;
    let cpn_chair_id = app.member(&cpn_chair, "UNHCR", "CPN", Role::Chair).await;
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();

    let post = |theme: Theme, text: &'static str, source: &'static str| {
        let app = &app;
        let member = &member;
        async move {
            // Seats in two regional clusters: the cluster is chosen first.
            let choose = app.send(member, "/situation").await;
            assert!(choose.button_data().len() == 2, "{choose:?}");
            let places = app.press_expect_edit(member, choose.message_id, &format!("st:m:{}", gao.id)).await;
            let themes = app.press_expect_edit(member, places.message_id, "st:p:0701").await;
            app.press_expect_edit(member, themes.message_id, &format!("st:t:{}", theme.code())).await;
            let verified = app.send(member, text).await;
            let source_q = app.press_expect_edit(member, verified.message_id, "st:v:1").await;
            let summary = app.press_expect_edit(member, source_q.message_id, source).await;
            app.press_expect_edit(member, summary.message_id, "st:ok").await;
            app.settle().await;
        }
    };
    post(Theme::ChildProtection, "Des enfants non accompagnés signalés au marché.", "st:s:1").await;
    let first = message_with_button(&app, &gao_chair, "st:d:").await;
    app.press_expect_edit(&gao_chair, first.message_id, &button(&first, "st:d:")).await;
    app.settle().await;
    let national = app.fake.sent_to(cpn_chair.id);
    assert_eq!(national.len(), 1);
    let body = national[0].text.clone().unwrap();
    assert!(body.contains("Source: NRC") && !body.contains("NOT VERIFIED"), "{body}");

    // Who may receive what is asked again at sending: the chair of the mechanism it is for.
    let item_id: i64 = button(&first, "st:d:").split(':').nth(2).unwrap().parse().unwrap();
    let to_validate = Outgoing::Situation(SituationMsg::ToValidate { item_id });
    let to_national = Outgoing::Situation(SituationMsg::ToNational { item_id });
    assert_eq!(may_receive(&app.ctx, gao_chair_id, &to_validate).await.unwrap(), None);
    assert_eq!(may_receive(&app.ctx, cpn_chair_id, &to_validate).await.unwrap(), Some(Withheld::NotChair));
    assert_eq!(may_receive(&app.ctx, cpn_chair_id, &to_national).await.unwrap(), None);
    assert_eq!(may_receive(&app.ctx, gao_chair_id, &to_national).await.unwrap(), Some(Withheld::NotChair));
    assert_eq!(may_receive(&app.ctx, member_id, &to_national).await.unwrap(), Some(Withheld::NotChair));

    post(Theme::MineAction, "Un engin explosif signalé sur la route.", "st:s:0").await;
    let second = app
        .fake
        .sent_to(gao_chair.id)
        .into_iter()
        .rev()
        .find(|s| s.button_data().iter().any(|d| d.starts_with("st:d:")))
        .unwrap();
    assert_ne!(second.message_id, first.message_id);
    let refuse = second.button_data().into_iter().find(|d| d.starts_with("st:d:") && d.ends_with(":0")).unwrap();
    let decided = app.press_expect_edit(&gao_chair, second.message_id, &refuse).await;
    assert!(decided.text.as_deref().unwrap().contains("Refused by Gao Chair"));
    app.settle().await;
    assert_eq!(app.fake.sent_to(cpn_chair.id).len(), 1, "a refused item does not reach the national cluster");

    // The member is told of each decision.
    let told: Vec<String> = app.fake.sent_to(member.id).into_iter().filter_map(|s| s.text).collect();
    let place = "Ansongo (ML0701)".to_string();
    let validated = T::StDecidedValidated {
        mechanism: "CR-GAO".into(),
        place: place.clone(),
        theme: Theme::ChildProtection.name(Language::En).into(),
    };
    let refused =
        T::StDecidedRefused { mechanism: "CR-GAO".into(), place, theme: Theme::MineAction.name(Language::En).into() };
    assert!(told.contains(&app.t(Language::En, validated.into())), "{told:?}");
    assert!(told.contains(&app.t(Language::En, refused.into())), "{told:?}");
    let decided = Outgoing::Situation(SituationMsg::Decided { item_id });
    assert_eq!(may_receive(&app.ctx, member_id, &decided).await.unwrap(), None);
    assert_eq!(may_receive(&app.ctx, gao_chair_id, &decided).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));
}
