//! The tour de table end to end, through the real dispatcher and scheduler against the fake
//! Bot API server, a real SQLite file and a clock the tests move: a mechanism with five member
//! organisations and the tour on (switched by its chair with /tour, or from the command line);
//! 48 h before the meeting every focal point and alternate is asked; three organisations answer
//! (two updates, one "nothing new"); 2 h before, the chair gets one protected message with the
//! three and naming the two that did not answer. Also: tour off asks nobody; personal data and
//! oversize texts are refused with the reason; forged buttons and strangers are refused; a
//! rescheduled meeting moves the jobs and a cancelled one cancels them.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Language, Meeting, Role};
use cluster_bot::i18n::{MainMsg, TourText};
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership;
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, WAIT, button};

struct Cast {
    chair: FakeUser,
    nrc_focal: FakeUser,
    nrc_alt: FakeUser,
    irc: FakeUser,
    acted: FakeUser,
    amss: FakeUser,
    wv: FakeUser,
}

impl Cast {
    fn seats(&self) -> [&FakeUser; 6] {
        [&self.nrc_focal, &self.nrc_alt, &self.irc, &self.acted, &self.amss, &self.wv]
    }
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(100, "Chair").language("en"),
        nrc_focal: FakeUser::new(201, "Awa").language("fr"),
        nrc_alt: FakeUser::new(202, "Binta").language("en"),
        irc: FakeUser::new(301, "Issa").language("en"),
        acted: FakeUser::new(401, "Moussa").language("fr"),
        amss: FakeUser::new(501, "Oumar").language("fr"),
        wv: FakeUser::new(601, "Mariam").language("en"),
    };
    app.member(&c.chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&c.nrc_focal, "NRC", "CPN", Role::Focal).await;
    app.member(&c.nrc_alt, "NRC", "CPN", Role::Alternate).await;
    app.member(&c.irc, "IRC", "CPN", Role::Focal).await;
    app.member(&c.acted, "ACTED", "CPN", Role::Focal).await;
    app.member(&c.amss, "AMSS", "CPN", Role::Focal).await;
    app.member(&c.wv, "WV", "CPN", Role::Focal).await;
    c
}

async fn create(app: &TestBot, ahead: Duration, kind: MeetingKind) -> Meeting {
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + ahead,
        duration_minutes: 120,
        place: Some("Bureau UNHCR, Bamako".into()),
        agenda: Some("1. Tour de table".into()),
        kind,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0)
}

/// The tour de table messages a person received (requests or the collection).
fn tour_messages(app: &TestBot, user: &FakeUser) -> Vec<SentMessage> {
    app.fake
        .sent_to(user.id)
        .into_iter()
        .filter(|s| s.method == "sendMessage" && s.text.as_deref().is_some_and(|t| t.starts_with("🗣 Tour de table —")))
        .collect()
}

async fn org_id(app: &TestBot, acronym: &str) -> i64 {
    membership::organisation(&app.ctx, acronym).await.unwrap().id
}

fn cli(app: &TestBot, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .args(args)
        .env("DATABASE_URL", &app.db_path)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The chair turns the tour on for CPN with /tour and its button.
async fn chair_turns_it_on(app: &TestBot, c: &Cast) {
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let menu = app.send(&c.chair, "/tour").await;
    assert!(menu.text.as_deref().unwrap().contains("• National Protection Cluster: off"), "{:?}", menu.text);
    let on = format!("tr:s:{}:1", cpn.id);
    assert!(menu.button_data().contains(&on), "{:?}", menu.button_data());
    let (answer, after) = app.press(&c.chair, menu.message_id, &on).await;
    assert_eq!(answer.str_param("text"), Some("Tour de table on for National Protection Cluster."));
    let edited = after.iter().rev().find(|s| s.method == "editMessageText").expect("the menu is redrawn");
    assert!(edited.text.as_deref().unwrap().contains("• National Protection Cluster: on"), "{:?}", edited.text);
    assert!(edited.button_data().contains(&format!("tr:s:{}:0", cpn.id)));
}

/// Presses "write my update" and sends the text; returns the bot's answer to the text.
async fn write_update(app: &TestBot, user: &FakeUser, request: &SentMessage, text: &str) -> String {
    let (answer, after) = app.press(user, request.message_id, &button(request, "tr:w:")).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    let prompt = match after.iter().find(|s| s.method == "sendMessage") {
        Some(p) => p.clone(),
        None => app.fake.wait_for_message_to(user.id, "/cancel", WAIT).await.unwrap(),
    };
    assert!(prompt.text.as_deref().unwrap().contains("600"), "{:?}", prompt.text);
    app.send(user, text).await.text.unwrap()
}

#[tokio::test]
async fn the_tour_de_table_gathers_three_updates_and_names_the_two_that_did_not_answer() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    chair_turns_it_on(&app, &c).await;
    let m = create(&app, Duration::days(5), MeetingKind::Regular).await;
    app.settle().await;
    for u in c.seats() {
        assert!(tour_messages(&app, u).is_empty(), "{} not asked before 48 h", u.first_name);
    }

    // 48 h before: every focal point and alternate is asked, with the two buttons; not the chair.
    app.advance(Duration::days(3) - Duration::minutes(1));
    app.settle().await;
    assert!(tour_messages(&app, &c.irc).is_empty());
    app.advance(Duration::minutes(1));
    app.settle().await;
    for u in c.seats() {
        let asked = tour_messages(&app, u);
        assert_eq!(asked.len(), 1, "{} asked once", u.first_name);
        let data = asked[0].button_data();
        assert_eq!(data.len(), 2, "{data:?}");
        assert!(data[0].starts_with(&format!("tr:w:{}:", m.id)) && data[1].starts_with(&format!("tr:n:{}:", m.id)));
    }
    assert!(tour_messages(&app, &c.chair).is_empty(), "the chair is not asked");
    let fr = tour_messages(&app, &c.nrc_focal).remove(0).text.unwrap();
    assert!(fr.contains("Quoi de neuf chez NRC") && fr.contains("au plus 600 caractères"), "{fr}");
    let en = tour_messages(&app, &c.wv).remove(0).text.unwrap();
    assert!(en.contains("What is new at WV") && en.contains("No personal data"), "{en}");

    // NRC answers through its alternate, IRC through its focal point.
    let req = tour_messages(&app, &c.nrc_alt).remove(0);
    let done = write_update(&app, &c.nrc_alt, &req, "Kits distributed in Gao; referral pathway updated.").await;
    assert_eq!(done, "Update of NRC recorded; the chair gets it 2 h before the meeting.");
    let req = tour_messages(&app, &c.irc).remove(0);
    write_update(&app, &c.irc, &req, "New legal aid desk in Mopti from next week.").await;

    // ACTED first writes, then says nothing new: the second answer replaces the first.
    let req = tour_messages(&app, &c.acted).remove(0);
    let done = write_update(&app, &c.acted, &req, "Brouillon à remplacer").await;
    assert!(done.starts_with("Nouvelles de ACTED enregistrées"), "{done}");
    let (answer, after) = app.press(&c.acted, req.message_id, &button(&req, "tr:n:")).await;
    assert!(answer.str_param("text").is_none());
    let said = after.iter().rev().find_map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(said, "Enregistré : rien de nouveau pour ACTED ; cela remplace la réponse précédente.");

    // 2 h before: the chair gets one protected message with the three and the two silent.
    app.advance(Duration::hours(46) - Duration::minutes(1));
    app.settle().await;
    assert!(tour_messages(&app, &c.chair).is_empty(), "not before 2 h");
    app.advance(Duration::minutes(1));
    app.settle().await;
    let collected = tour_messages(&app, &c.chair);
    assert_eq!(collected.len(), 1, "one message to the chair");
    assert!(collected[0].protect_content, "protected like minutes");
    let text = collected[0].text.clone().unwrap();
    assert!(text.starts_with("🗣 Tour de table — National Protection Cluster, meeting of"), "{text}");
    assert!(text.contains("3 of 5 organisations answered."), "{text}");
    assert!(text.contains("▪ NRC: Kits distributed in Gao; referral pathway updated."), "{text}");
    assert!(text.contains("▪ IRC: New legal aid desk in Mopti from next week."), "{text}");
    assert!(text.contains("▪ ACTED: nothing new"), "{text}");
    assert!(!text.contains("Brouillon"), "the replaced answer is gone: {text}");
    assert!(text.contains("❔ No answer (2): AMSS, WV"), "{text}");
    for u in c.seats() {
        assert_eq!(tour_messages(&app, u).len(), 1, "{} asked once only", u.first_name);
    }

    // After the collection, an answer is refused politely.
    let req = tour_messages(&app, &c.amss).remove(0);
    let (answer, _) = app.press(&c.amss, req.message_id, &button(&req, "tr:w:")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::Fr, TourText::TourRefusedClosed.into()).as_str()));
    assert!(app.fake.duplicate_deliveries().is_empty(), "{:?}", app.fake.duplicate_deliveries());
    app.stop().await;
}

#[tokio::test]
async fn with_the_tour_off_nobody_is_asked_and_no_job_is_planned() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    create(&app, Duration::days(5), MeetingKind::Regular).await;
    app.advance(Duration::days(5) - Duration::hours(1));
    app.settle().await;
    for u in c.seats().into_iter().chain([&c.chair]) {
        assert!(tour_messages(&app, u).is_empty(), "{} got a tour de table message", u.first_name);
    }
    let jobs = cluster_bot::storage::jobs::all(&app.ctx.db).await.unwrap();
    assert!(jobs.iter().all(|j| j.kind != "tour" && !j.idempotency_key.starts_with("tour:")), "no tour job");
    app.stop().await;
}

#[tokio::test]
async fn personal_data_oversize_texts_and_forged_buttons_are_refused_and_a_restart_keeps_the_step() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    // Turned on from the command line before the meeting is planned.
    assert_eq!(cli(&app, &["tour", "on", "--mechanism", "CPN"]), "tour de table on for CPN");
    assert!(cli(&app, &["tour", "status"]).lines().any(|l| l == "CPN\ton"));
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await;
    app.advance(Duration::days(1));
    app.settle().await;
    let req = tour_messages(&app, &c.irc).remove(0);

    // A phone number: refused with the reason; the step stays for the corrected text.
    let refused = write_update(&app, &c.irc, &req, "Call the survivor's brother at +223 76 12 34 56").await;
    assert!(refused.contains("looks like it contains a phone number"), "{refused}");
    assert!(refused.contains("Nothing was recorded"), "{refused}");
    let too_long = app.send(&c.irc, &"x".repeat(601)).await.text.unwrap();
    assert!(too_long.starts_with("Text too long (at most 600 characters)"), "{too_long}");
    // A restart between the press and the text loses nothing.
    app.restart().await;
    let ok = app.send(&c.irc, &"y".repeat(600)).await.text.unwrap();
    assert_eq!(ok, "Update of IRC recorded; the chair gets it 2 h before the meeting.");
    // A second answer replaces the first, and says so.
    let again = write_update(&app, &c.irc, &req, "Legal aid desk open in Mopti.").await;
    assert_eq!(again, "Update of IRC recorded: it replaces the earlier answer.");
    let stored = cluster_bot::storage::tour::updates(&app.ctx.db, m.id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].body.as_deref(), Some("Legal aid desk open in Mopti."));

    // Forged: WV presses a button for NRC; a stranger presses one; nonsense data.
    let nrc = org_id(&app, "NRC").await;
    let refusal = app.t(Language::En, TourText::TourRefusedNoSeat.into());
    let (answer, _) = app.press(&c.wv, req.message_id, &format!("tr:w:{}:{nrc}", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(refusal.as_str()));
    let (answer, _) = app.press(&c.wv, req.message_id, &format!("tr:n:{}:{nrc}", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(refusal.as_str()));
    let stranger = FakeUser::new(999, "Stranger").language("en");
    let (answer, _) = app.press(&stranger, req.message_id, &format!("tr:n:{}:{nrc}", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(refusal.as_str()));
    let (answer, _) = app.press(&c.wv, req.message_id, &format!("tr:w:0:{nrc}")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::ButtonExpired.into()).as_str()));
    assert_eq!(cluster_bot::storage::tour::updates(&app.ctx.db, m.id).await.unwrap().len(), 1, "nothing recorded");
    // A member who is not a chair may not switch the tour.
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let (answer, _) = app.press(&c.wv, req.message_id, &format!("tr:s:{}:0", cpn.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    assert!(cli(&app, &["tour", "status"]).lines().any(|l| l == "CPN\ton"), "still on");
    app.stop().await;
}

#[tokio::test]
async fn a_rescheduled_meeting_moves_the_jobs_a_cancelled_one_cancels_them_and_a_late_one_asks_at_once() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    chair_turns_it_on(&app, &c).await;
    let m = create(&app, Duration::days(5), MeetingKind::Regular).await;
    // Moved three days later: nothing at the old 48 h, the request at the new one.
    svc::reschedule(&app.ctx, Actor::CommandLine, m.id, m.starts_at + Duration::days(3), None).await.unwrap();
    app.advance(Duration::days(3));
    app.settle().await;
    assert!(tour_messages(&app, &c.irc).is_empty(), "not at the old time");
    app.advance(Duration::days(3));
    app.settle().await;
    assert_eq!(tour_messages(&app, &c.irc).len(), 1, "at the new time");
    let cancelled = app.jobs_with_status("cancelled").await;
    assert!(cancelled.iter().any(|(_, k)| k == &format!("tour:m{}:s0:ask", m.id)), "{cancelled:?}");
    // Cancelled: the collection is cancelled with the meeting's other jobs.
    svc::cancel(&app.ctx, Actor::CommandLine, m.id).await.unwrap();
    let cancelled = app.jobs_with_status("cancelled").await;
    assert!(cancelled.iter().any(|(_, k)| k == &format!("tour:m{}:s1:collect", m.id)), "{cancelled:?}");
    app.advance(Duration::days(2));
    app.settle().await;
    assert!(tour_messages(&app, &c.chair).is_empty(), "no collection for a cancelled meeting");

    // An ad hoc meeting 20 h ahead: asked at once, collected 2 h before.
    let soon = create(&app, Duration::hours(20), MeetingKind::AdHoc).await;
    app.settle().await;
    assert_eq!(tour_messages(&app, &c.wv).len(), 2, "asked at once");
    let at = soon.starts_at - Duration::hours(2) - app.clock.now();
    assert!(at > Duration::zero());
    app.advance(at);
    app.settle().await;
    let collected = tour_messages(&app, &c.chair);
    assert_eq!(collected.len(), 1);
    assert!(collected[0].text.as_deref().unwrap().contains("❔ No answer (5): ACTED, AMSS, IRC, NRC, WV"));
    app.stop().await;
}

#[tokio::test]
async fn a_long_collection_is_split_into_protected_messages_in_order() {
    use cluster_bot::services::{people, tour};
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(100, "Chair").language("en");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    assert_eq!(cli(&app, &["tour", "on", "--mechanism", "CPN"]), "tour de table on for CPN");
    let orgs = ["NRC", "IRC", "ACTED", "AMSS", "WV", "IMC", "UNICEF", "CICR"];
    let mut seats = Vec::new();
    for (i, org) in orgs.iter().enumerate() {
        let user = FakeUser::new(700 + i as i64, "Focal").language("en");
        let person_id = app.member(&user, org, "CPN", Role::Focal).await;
        seats.push((person_id, org_id(&app, org).await));
    }
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await;
    app.advance(Duration::days(1) + Duration::hours(1));
    app.settle().await;
    for (i, (person_id, org)) in seats.iter().enumerate() {
        let person = cluster_bot::storage::people::by_id(&app.ctx.db, *person_id).await.unwrap().unwrap();
        let access = people::access(&app.ctx, person).await.unwrap();
        let text = format!("{i}{}", "é".repeat(599));
        tour::answer(&app.ctx, &access, m.id, *org, Some(&text)).await.unwrap().unwrap();
    }
    // The summary of answers (24 h before) goes first; the collection 2 h before.
    app.advance(Duration::hours(23));
    app.settle().await;
    let before = app.fake.sent_to(chair.id).len();
    app.advance(Duration::hours(22));
    app.settle().await;
    let parts: Vec<SentMessage> =
        app.fake.sent_to(chair.id).into_iter().skip(before).filter(|s| s.method == "sendMessage").collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.text.as_deref().unwrap_or("").chars().count()).collect();
    assert!(parts.len() >= 2, "split: {lens:?}");
    assert!(parts.iter().all(|p| p.protect_content), "every part protected");
    assert!(parts[0].text.as_deref().unwrap().starts_with("🗣 Tour de table — National Protection Cluster"));
    let whole: String = parts.iter().map(|p| p.text.clone().unwrap()).collect::<Vec<_>>().join("\n");
    assert!(whole.contains("8 of 8 organisations answered."), "{whole}");
    assert!(whole.contains("▪ CICR (obs.): 7"), "observers last, marked");
    assert!(whole.trim_end().ends_with("Every organisation answered."), "in order");
    app.stop().await;
}

#[tokio::test]
async fn at_send_time_a_request_needs_the_seat_and_the_collection_the_chair() {
    use cluster_bot::domain::jobs::Outgoing;
    use cluster_bot::domain::tour::TourMsg;
    use cluster_bot::services::access::{Withheld, may_receive};
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(100, "Chair").language("en");
    let chair_id = app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    let irc_id = app.member(&FakeUser::new(301, "Issa"), "IRC", "CPN", Role::Focal).await;
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await;
    let (irc, nrc) = (org_id(&app, "IRC").await, org_id(&app, "NRC").await);
    let request = |org| Outgoing::Tour(TourMsg::Request { meeting_id: m.id, organisation_id: org });
    let collected = Outgoing::Tour(TourMsg::Collected { meeting_id: m.id });
    assert_eq!(may_receive(&app.ctx, irc_id, &request(irc)).await.unwrap(), None);
    assert_eq!(may_receive(&app.ctx, irc_id, &request(nrc)).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));
    assert_eq!(may_receive(&app.ctx, chair_id, &request(irc)).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));
    assert_eq!(may_receive(&app.ctx, chair_id, &collected).await.unwrap(), None);
    assert_eq!(may_receive(&app.ctx, irc_id, &collected).await.unwrap(), Some(Withheld::NotChair));
    app.stop().await;
}
