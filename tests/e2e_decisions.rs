//! Decisions and the meeting cycle end to end: the real dispatcher and scheduler against the
//! fake Bot API server, a real SQLite file and a clock the test moves.

use crate::{fake_bot_api, harness};

use chrono::{Duration, NaiveTime, TimeZone};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{DecisionsMsg, MainMsg, MeetingsMsg};
use cluster_bot::services::meetings::{self as meetings, Actor, MeetingDraft};
use cluster_bot::services::{membership, votes};
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

struct Cast {
    chair: FakeUser,
    nrc: FakeUser,
    unicef: FakeUser,
    unicef_alt: FakeUser,
    cicr: FakeUser,
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(501, "Awa").language("fr"),
        nrc: FakeUser::new(502, "Jon").language("en"),
        unicef: FakeUser::new(503, "Fanta").language("fr"),
        unicef_alt: FakeUser::new(504, "Issa").language("en"),
        cicr: FakeUser::new(505, "Marc").language("fr"),
    };
    app.member(&c.chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&c.nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&c.unicef, "UNICEF", "CPN", Role::Focal).await;
    app.member(&c.unicef_alt, "UNICEF", "CPN", Role::Alternate).await;
    app.member(&c.cicr, "CICR", "CPN", Role::Focal).await;
    c
}

/// The last message sent to a chat whose text starts with `prefix`.
fn last_starting(app: &TestBot, chat: i64, prefix: &str) -> SentMessage {
    app.fake
        .sent_to(chat)
        .into_iter()
        .rev()
        .find(|s| s.is_send() && s.text.as_deref().is_some_and(|t| t.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no message starting with {prefix:?} in chat {chat}"))
}

fn first_line(app: &TestBot, lang: Language, msg: DecisionsMsg) -> String {
    app.t(lang, msg.into()).lines().next().unwrap().to_string()
}

#[tokio::test]
async fn a_vote_by_organisation_then_an_invitation_with_a_members_item_and_a_monthly_calendar() {
    let app = TestBot::start().await;
    let c = cast(&app).await;
    let ctx = &app.ctx;
    let cpn = membership::mechanism(ctx, "CPN").await.unwrap();
    let (nrc_org, unicef_org, cicr_org) = (
        membership::organisation(ctx, "NRC").await.unwrap().id,
        membership::organisation(ctx, "UNICEF").await.unwrap().id,
        membership::organisation(ctx, "CICR").await.unwrap().id,
    );
    // The next regular meeting, monthly, ten days ahead (its invitation goes out 7 days before).
    let day = (app.clock.now() + Duration::days(10)).with_timezone(&ctx.tz).date_naive();
    let starts_at = ctx.tz.from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap())).unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: starts_at.to_utc(),
        duration_minutes: 120,
        place: Some("UNHCR, Bamako".into()),
        agenda: Some("1. Tour de table".into()),
        kind: MeetingKind::Regular,
        monthly: true,
    };
    let meeting = meetings::create(ctx, Actor::CommandLine, draft).await.unwrap().remove(0);

    // The chair opens a vote: question, yes/no/abstain, 48 h, secret, no meeting.
    let fr = Language::Fr;
    let asked = app.send(&c.chair, "/vote").await;
    assert!(asked.text.unwrap().starts_with("🗳 Cluster Protection"), "the chair's only mechanism is taken");
    let kind = app.send(&c.chair, "Adopter le projet de note de plaidoyer sur l'accès humanitaire ?").await;
    let duration = app.press_expect_edit(&c.chair, kind.message_id, &button(&kind, "dc:vk:1")).await;
    let secrecy = app.press_expect_edit(&c.chair, duration.message_id, "dc:vh:48").await;
    let meeting_q = app.press_expect_edit(&c.chair, secrecy.message_id, "dc:vs:1").await;
    let summary = app.press_expect_edit(&c.chair, meeting_q.message_id, "dc:vg:0").await;
    let text = summary.text.clone().unwrap();
    assert!(text.contains("quorum : 1 organisations membres sur 2 (50 %)"), "the quorum is stated: {text}");
    let opened = app.press_expect_edit(&c.chair, summary.message_id, "dc:vok").await;
    assert!(opened.text.unwrap().starts_with("Le vote est ouvert jusqu'au"));
    let v = votes::decisions(ctx, &harness_access(&app, c.chair.id).await, 5).await.unwrap().remove(0);
    assert_eq!(v.closes_at, app.clock.now() + Duration::hours(48));
    app.settle().await;

    // Every member receives the question; the observer has no buttons.
    let q_fr = format!("🗳 Vote — {}", cpn.name_fr);
    let q_en = format!("🗳 Vote — {}", cpn.name_en);
    let to_cicr = last_starting(&app, c.cicr.id, &q_fr);
    assert!(to_cicr.button_data().is_empty(), "observers see the question without buttons");
    assert!(to_cicr.text.unwrap().contains(&app.t(fr, (DecisionsMsg::DcObserverNote).into())));
    let to_alt = last_starting(&app, c.unicef_alt.id, &q_en);
    assert!(to_alt.button_data().iter().all(|d| !d.starts_with("dc:b:")), "the alternate waits");
    let to_nrc = last_starting(&app, c.nrc.id, &q_en);
    let yes = format!("dc:b:{}:{nrc_org}:0", v.id);
    assert!(to_nrc.button_data().contains(&yes));

    // NRC's focal point votes; a double tap counts once.
    let (answer, _) = app.press(&c.nrc, to_nrc.message_id, &yes).await;
    assert_eq!(
        answer.str_param("text"),
        Some(app.t(Language::En, (DecisionsMsg::DcVoteRecorded { option: "Yes".into() }).into()).as_str())
    );
    let (answer, _) = app.press(&c.nrc, to_nrc.message_id, &yes).await;
    assert_eq!(
        answer.str_param("text"),
        Some(app.t(Language::En, (DecisionsMsg::DcVoteUnchanged { option: "Yes".into() }).into()).as_str())
    );
    // A forged press by the observer is refused on the server.
    let (answer, _) = app.press(&c.cicr, to_cicr.message_id, &format!("dc:b:{}:{cicr_org}:0", v.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(fr, (DecisionsMsg::DcRefusedObserver).into()).as_str()));

    // UNICEF's focal point hands over; the alternate is told, with buttons, and votes.
    let to_unicef = last_starting(&app, c.unicef.id, &q_fr);
    let (answer, _) = app.press(&c.unicef, to_unicef.message_id, &format!("dc:h:{}:{unicef_org}", v.id)).await;
    assert_eq!(
        answer.str_param("text"),
        Some(app.t(fr, (DecisionsMsg::DcHandedOver { org: "UNICEF".into() }).into()).as_str())
    );
    app.settle().await;
    let handed = last_starting(&app, c.unicef_alt.id, "👥 UNICEF");
    let no = format!("dc:b:{}:{unicef_org}:1", v.id);
    assert!(handed.button_data().contains(&no));
    let (answer, _) = app.press(&c.unicef_alt, handed.message_id, &no).await;
    assert_eq!(
        answer.str_param("text"),
        Some(app.t(Language::En, (DecisionsMsg::DcVoteRecorded { option: "No".into() }).into()).as_str())
    );
    assert_eq!(votes::tally(ctx, &votes::get(ctx, v.id).await.unwrap()).await.unwrap().counts, vec![1, 1, 0]);
    // The focal point changes UNICEF's vote; the alternate then cannot overwrite it.
    let abstain = format!("dc:b:{}:{unicef_org}:2", v.id);
    let (answer, _) = app.press(&c.unicef, to_unicef.message_id, &abstain).await;
    assert_eq!(
        answer.str_param("text"),
        Some(app.t(fr, (DecisionsMsg::DcVoteChanged { option: "Abstention".into() }).into()).as_str())
    );
    let (answer, _) = app.press(&c.unicef_alt, handed.message_id, &no).await;
    assert_eq!(
        answer.str_param("text"),
        Some(app.t(Language::En, (DecisionsMsg::DcRefusedFocalVoted).into()).as_str())
    );
    assert_eq!(votes::tally(ctx, &votes::get(ctx, v.id).await.unwrap()).await.unwrap().counts, vec![1, 0, 1]);

    // A member proposes an agenda item from /meetings; the chair accepts it.
    let list = app.send(&c.nrc, "/meetings").await;
    let propose = button(&list, &format!("ag:p:{}", meeting.id));
    let (_, after) = app.press(&c.nrc, list.message_id, &propose).await;
    assert!(after.iter().any(|s| s.text.as_deref().is_some_and(|t| t.contains("type the item you propose"))));
    let done = app.send(&c.nrc, "Returns to Ménaka: protection monitoring").await;
    assert_eq!(done.text.unwrap(), app.t(Language::En, (DecisionsMsg::DcProposed).into()));
    app.settle().await;
    let proposed = last_starting(&app, c.chair.id, "➕ NRC");
    let accept = button(&proposed, "ag:d:");
    assert!(accept.ends_with(":1"));
    let accepted = app.press_expect_edit(&c.chair, proposed.message_id, &accept).await;
    assert!(accepted.text.unwrap().contains("Returns to Ménaka"));

    // At closing, everyone gets the result in their language.
    app.advance(Duration::hours(48));
    app.settle().await;
    let result_en = first_line(
        &app,
        Language::En,
        DecisionsMsg::DcResult {
            mechanism: cpn.name_en.clone(),
            question: String::new(),
            voted: 0,
            electorate: 0,
            turnout: 0,
            needed: 0,
            met: false,
        },
    );
    let result_fr = first_line(
        &app,
        fr,
        DecisionsMsg::DcResult {
            mechanism: cpn.name_fr.clone(),
            question: String::new(),
            voted: 0,
            electorate: 0,
            turnout: 0,
            needed: 0,
            met: false,
        },
    );
    for (user, head) in [
        (&c.nrc, &result_en),
        (&c.unicef_alt, &result_en),
        (&c.chair, &result_fr),
        (&c.unicef, &result_fr),
        (&c.cicr, &result_fr),
    ] {
        let r = last_starting(&app, user.id, head).text.unwrap();
        let turnout = if user.language_code.as_deref() == Some("en") {
            "Turnout: 2 organisations of 2 (100 %). Quorum (1): met."
        } else {
            "Participation : 2 organisations sur 2 (100 %). Quorum (1) : atteint."
        };
        assert!(r.contains(turnout), "{r}");
    }
    let closed = votes::get(ctx, v.id).await.unwrap().result.unwrap();
    assert_eq!((closed.voted, closed.electorate, closed.quorum_met), (2, 2, true));
    assert_eq!(closed.counts, vec![1, 0, 1], "the totals remain");

    // Secret: once closed, the database holds who took part but no choice by organisation,
    // nor who cast it or when.
    type Row = (i64, Option<i64>, Option<String>, Option<i64>, Option<i64>, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT organisation_id, choice, cast_seat, cast_by, cast_at, changes FROM ballots WHERE vote_id = ?
         ORDER BY organisation_id",
    )
    .bind(v.id)
    .fetch_all(ctx.db.pool())
    .await
    .unwrap();
    let mut took_part = vec![nrc_org, unicef_org];
    took_part.sort_unstable();
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), took_part, "who took part remains");
    assert!(
        rows.iter().all(|r| r.1.is_none() && r.2.is_none() && r.3.is_none() && r.4.is_none() && r.5 == 0),
        "{rows:?}"
    );

    // The invitation goes out with the accepted item and a calendar file with alarms and the
    // monthly rule.
    app.advance(Duration::days(1) + Duration::hours(1));
    app.settle().await;
    let invitation = app
        .fake
        .all_sent()
        .into_iter()
        .find(|s| s.method == "sendDocument" && s.document_bytes.is_some())
        .expect("the calendar file was uploaded once");
    assert!(invitation.text.as_deref().unwrap().contains("Returns to Ménaka: protection monitoring (NRC)"));
    let ics = String::from_utf8(invitation.document_bytes.unwrap()).unwrap();
    let cal = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes())).next().unwrap().unwrap();
    let ev = &cal.events[0];
    let prop = |name: &str| ev.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
    assert!(prop("RRULE").unwrap().starts_with("FREQ=MONTHLY;BYDAY="), "{ics}");
    assert_eq!(ev.alarms.len(), 2, "{ics}");
    assert!(prop("DESCRIPTION").unwrap().contains("Returns to Ménaka"));
    let nrc_invite = app.fake.sent_to(c.nrc.id).into_iter().find(|s| s.method == "sendDocument");
    assert!(nrc_invite.unwrap().text.unwrap().contains("Returns to Ménaka"));
}

async fn harness_access(app: &TestBot, telegram_id: i64) -> cluster_bot::services::people::Access {
    let person = cluster_bot::storage::people::by_telegram_id(&app.ctx.db, telegram_id).await.unwrap().unwrap();
    cluster_bot::services::people::access(&app.ctx, person).await.unwrap()
}

#[tokio::test]
async fn refusals_decisions_participation_and_stopping_a_series() {
    let app = TestBot::start().await;
    let c = cast(&app).await;
    let ctx = &app.ctx;
    let (fr, en) = (Language::Fr, Language::En);
    let cpn = membership::mechanism(ctx, "CPN").await.unwrap();
    let unicef_org = membership::organisation(ctx, "UNICEF").await.unwrap().id;

    // Only chairs and coordinators open votes.
    let refused = app.send(&c.nrc, "/vote").await;
    assert_eq!(refused.text.unwrap(), app.t(en, (MainMsg::NotAllowed).into()));

    // Bad answers are explained and the question asked again.
    app.send(&c.chair, "/vote").await;
    let long = app.send(&c.chair, &"q".repeat(301)).await;
    assert_eq!(long.text.unwrap(), app.t(fr, (DecisionsMsg::DcQuestionTooLong { max: 300 }).into()));
    let kind = app.send(&c.chair, "Qui préside le groupe de travail cohésion sociale ?").await;
    let (_, after) = app.press(&c.chair, kind.message_id, "dc:vk:0").await;
    assert!(
        after.iter().any(|s| s.text.as_deref()
            == Some(app.t(fr, (DecisionsMsg::DcVoteAskOptions { min: 2, max: 6 }).into()).as_str()))
    );
    let one = app.send(&c.chair, "Seulement NRC").await;
    assert_eq!(one.text.unwrap(), app.t(fr, (DecisionsMsg::DcOptionCount { min: 2, max: 6 }).into()));
    app.send(&c.chair, "NRC\nUNICEF").await;
    let bad = app.send(&c.chair, "bientôt").await;
    assert_eq!(bad.text.unwrap(), app.t(fr, (DecisionsMsg::DcDuration).into()));
    let secrecy = app.send(&c.chair, "3j").await;
    // Open vote; no meeting is near, so the summary comes at once.
    let summary = app.press_expect_edit(&c.chair, secrecy.message_id, "dc:vs:0").await;
    assert!(summary.text.unwrap().contains("Vote ouvert — quorum : 1 organisations membres sur 2 (50 %)"));
    app.press_expect_edit(&c.chair, summary.message_id, "dc:vok").await;
    app.settle().await;
    let q = last_starting(&app, c.unicef.id, "🗳 Vote");
    let v = votes::decisions(ctx, &harness_access(&app, c.chair.id).await, 1).await.unwrap().remove(0);
    let (answer, _) = app.press(&c.unicef, q.message_id, &format!("dc:b:{}:{unicef_org}:1", v.id)).await;
    assert!(answer.str_param("text").unwrap().ends_with("UNICEF"), "{:?}", answer.params);

    // /decisions lists it while open, then with its result; the chair sees who chose what.
    let list = app.send(&c.nrc, "/decisions").await.text.unwrap();
    assert!(
        list.starts_with(&app.t(en, (DecisionsMsg::DcDecisionsHeader).into()))
            && list.contains("(1/2 organisations voted)"),
        "{list}"
    );
    app.advance(Duration::days(3));
    app.settle().await;
    let to_chair = last_starting(&app, c.chair.id, "🗳 Résultat").text.unwrap();
    assert!(
        to_chair.contains(
            &app.t(fr, (DecisionsMsg::DcResultOrgLine { org: "UNICEF".into(), label: "UNICEF".into() }).into())
        ),
        "{to_chair}"
    );
    let to_nrc = last_starting(&app, c.nrc.id, "🗳 Result").text.unwrap();
    assert!(!to_nrc.contains(&app.t(en, (DecisionsMsg::DcResultByOrg).into())), "members see only totals");
    let list = app.send(&c.nrc, "/decisions").await.text.unwrap();
    assert!(list.contains("UNICEF (1); quorum met"), "{list}");

    // Three meetings UNICEF missed: the chair is offered the actions and the choice recorded.
    let chair_access = harness_access(&app, c.chair.id).await;
    for _ in 0..3 {
        let starts = app.clock.now() + Duration::days(3);
        let d = MeetingDraft {
            mechanism_id: cpn.id,
            starts_at: starts,
            duration_minutes: 60,
            place: None,
            agenda: None,
            kind: MeetingKind::Regular,
            monthly: false,
        };
        let m = meetings::create(ctx, Actor::CommandLine, d).await.unwrap().remove(0);
        app.advance(Duration::days(3) + Duration::hours(2));
        meetings::save_attendance(ctx, Actor::Person(&chair_access), m.id, &[(unicef_org, false)]).await.unwrap();
    }
    app.settle().await;
    let flag = last_starting(
        &app,
        c.chair.id,
        &app.t(
            fr,
            (MeetingsMsg::AbsenceFlag { org: "UNICEF".into(), count: 3, mechanism: cpn.name_fr.clone() }).into(),
        ),
    );
    let contact = button(&flag, "pa:a:");
    assert!(contact.ends_with(":c"));
    let (_, after) = app.press(&c.chair, flag.message_id, &contact).await;
    let recorded = app.t(
        fr,
        (DecisionsMsg::DcPartChoiceRecorded {
            org: "UNICEF".into(),
            choice: app.t(fr, DecisionsMsg::DcChoiceContact.into()),
        })
        .into(),
    );
    assert!(after.iter().any(|s| s.text.as_deref() == Some(recorded.as_str())), "{after:?}");
    let (forged, _) = app.press(&c.nrc, flag.message_id, &contact).await;
    assert_eq!(
        forged.str_param("text"),
        Some(app.t(en, (MainMsg::NotAllowed).into()).as_str()),
        "only the chair records it"
    );
    let review = app.send_expect(&c.chair, "/participation", 2).await;
    let table = review[0].text.clone().unwrap();
    assert!(table.contains("UNICEF — présence 0/3"), "{table}");
    let question = &review[1];
    assert!(
        question.text.as_deref().unwrap().contains(&app.t(fr, DecisionsMsg::DcChoiceContact.into())),
        "{question:?}"
    );
    assert_eq!(button(question, "pa:a:"), contact, "the choice is offered again from /participation");

    // A monthly series stopped from /meetings.
    let d = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + Duration::days(20),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: true,
    };
    let series_id = meetings::create(ctx, Actor::CommandLine, d).await.unwrap()[0].series_id.unwrap();
    let list = app.send(&c.chair, "/meetings").await;
    let stop = button(&list, "ss:");
    assert_eq!(stop, format!("ss:{series_id}"));
    assert_eq!(list.button_data().iter().filter(|d| d.starts_with("ss:")).count(), 1, "once per series");
    let (_, after) = app.press(&c.chair, list.message_id, &stop).await;
    let ask = after.into_iter().find(|s| s.button_data().iter().any(|d| d.starts_with("sy:"))).unwrap();
    let done = app.press_expect_edit(&c.chair, ask.message_id, &format!("sy:{series_id}")).await;
    assert_eq!(done.text.unwrap(), app.t(fr, (DecisionsMsg::DcSeriesStopped).into()));
    let (again, _) = app.press(&c.chair, ask.message_id, &format!("sy:{series_id}")).await;
    assert_eq!(again.str_param("text"), Some(app.t(fr, (DecisionsMsg::DcSeriesAlreadyStopped).into()).as_str()));
}
