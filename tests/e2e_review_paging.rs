//! A 4W of many lines, through the fake Bot API server (which refuses texts over 4,096 UTF-16
//! units): the focal point's review and the chair's /review a page at a time, a line of page 3
//! edited and another deleted, then submitted; the cap of lines per submission (typed, copied,
//! forged); buttons of an out-of-date review refused without acting; a forged "correct this
//! line" refused unless the line was returned or its month is still open.

use crate::{fake_bot_api, harness};

use cluster_bot::domain::fourw::{ActivityStatus, Line, MAX_LINES, PopulationGroup, Reached, ReportingMonth};
use cluster_bot::domain::{AppError, Language, Role};
use cluster_bot::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use cluster_bot::storage::reference;
use cluster_bot::storage::reports::{self as store, NewSubmission};
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

fn en(app: &TestBot, msg: impl Into<Msg>) -> String {
    app.t(Language::En, msg.into())
}

fn month(m: &str) -> ReportingMonth {
    ReportingMonth::parse(m).unwrap()
}

/// Line `i` of a month: told apart by its number of women (100 + i).
fn line(m: ReportingMonth, i: usize) -> Line {
    Line {
        sector: "PRO".into(),
        activity: if i.is_multiple_of(2) { "PRO-MON" } else { "PRO-REF" }.into(),
        region: "ML05".into(),
        cercle: format!("ML050{}", 1 + i % 8),
        status: ActivityStatus::Ongoing,
        start: m.first_day(),
        end: m.last_day(),
        reached: Reached { women: 100 + i as u32, ..Default::default() },
        partner: Some("AMSS".into()),
        donor: Some("ECHO".into()),
        remarks: Some("RAS".into()),
        population: Some(PopulationGroup::Idp),
        modality: Some("PRO-IND".into()),
        plan_code: Some("HMLI-26".into()),
        ..Default::default()
    }
}

/// A submission of `count` lines of `org` in CR-MOPTI, written straight to the database (as
/// older data or another path may have it).
async fn seed(app: &TestBot, org: &str, person_id: i64, m: &str, count: usize) {
    let o = reference::organisation_by_acronym(&app.ctx.db, org).await.unwrap().unwrap();
    let mech = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    let lines: Vec<Line> = (0..count).map(|i| line(month(m), i)).collect();
    store::submit(
        &app.ctx.db,
        NewSubmission {
            organisation_id: o.id,
            mechanism_id: mech.id,
            month: month(m),
            lines: &lines,
            no_activity: false,
            late: false,
            person_id,
            now: harness::start_time(),
            boundaries: "2021",
        },
    )
    .await
    .unwrap();
}

async fn submitted(app: &TestBot, org: &str, m: &str) -> Option<Vec<Line>> {
    let o = reference::organisation_by_acronym(&app.ctx.db, org).await.unwrap().unwrap();
    let mech = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    let s = store::submission(&app.ctx.db, o.id, mech.id, month(m)).await.unwrap()?;
    Some(store::lines(&app.ctx.db, s.id).await.unwrap())
}

async fn dialogues(app: &TestBot) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM dialogues").fetch_one(app.ctx.db.pool()).await.unwrap()
}

fn text(m: &SentMessage) -> String {
    m.text.clone().unwrap_or_default()
}

/// The bot's last message or edit in the chat, as it stands now.
fn last_shown(app: &TestBot, user: &FakeUser) -> SentMessage {
    app.fake.sent_to(user.id).into_iter().last().unwrap()
}

/// No request of the bot was refused by the server (a text too long, a caption too long …).
/// A second press on a message already showing the answer is refused as "not modified": the
/// bot takes it as done.
fn nothing_refused(app: &TestBot) {
    let refused: Vec<_> = app
        .fake
        .requests()
        .into_iter()
        .filter(|r| !r.is_ok() && !format!("{:?}", r.outcome).contains("message is not modified"))
        .collect();
    assert!(refused.is_empty(), "refused by the server: {refused:?}");
    for s in app.fake.all_sent() {
        assert!(text(&s).encode_utf16().count() <= 4096, "{}", text(&s));
    }
}

/// /report, October, "same as last month": the review of the copied lines.
async fn copy_last_month(app: &TestBot, user: &FakeUser) -> SentMessage {
    let q = app.send(user, "/report").await;
    let start = app.press_expect_edit(user, q.message_id, "fw:mo:202610").await;
    app.press_expect_edit(user, start.message_id, "fw:copy").await
}

/// Presses "keep" until the question `until` (or the review, when None) is shown.
async fn keep_until(app: &TestBot, user: &FakeUser, mut q: SentMessage, until: Option<&str>) -> SentMessage {
    for _ in 0..30 {
        let t = text(&q);
        let reached = match until {
            Some(u) => t == u,
            None => t.starts_with("4W matrix of NRC"),
        };
        if reached {
            return q;
        }
        q = app.press_expect_edit(user, q.message_id, "fw:keep").await;
    }
    panic!("never reached {until:?}: {:?}", q.text);
}

#[tokio::test]
async fn a_45_line_4w_is_reviewed_page_by_page_edited_and_submitted() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(60, "Awa").language("en");
    let focal_id = app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    seed(&app, "NRC", focal_id, "2026-09", 45).await;

    let review = copy_last_month(&app, &focal).await;
    let t = text(&review);
    assert!(t.contains("4W matrix of NRC — CR-MOPTI — 10/2026: 45 line(s)"), "{t}");
    let page = |p, first, last| en(&app, FivewMsg::FwReviewPage { page: p, pages: 5, first, last, count: 45 });
    assert!(t.contains(&page(1, 1, 10)), "{t}");
    assert!(t.contains("\n10. ") && !t.contains("\n11. "), "{t}");
    let data = review.button_data();
    assert!(data.iter().any(|d| d.starts_with("fw:ed:9:")) && !data.iter().any(|d| d.starts_with("fw:ed:10:")));
    assert!(data.iter().any(|d| d.starts_with("fw:sub:")) && data.iter().all(|d| d.len() <= 64), "{data:?}");

    // Page by page to the third, and back and forth.
    let p2 = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:pg:1:")).await;
    assert!(text(&p2).contains(&page(2, 11, 20)), "{}", text(&p2));
    let p3 = app.press_expect_edit(&focal, p2.message_id, &button(&p2, "fw:pg:2:")).await;
    let t = text(&p3);
    assert!(t.contains(&page(3, 21, 30)) && t.contains("\n25. ") && !t.contains("\n20. "), "{t}");
    let data = p3.button_data();
    for i in 20..30 {
        assert!(data.iter().any(|d| d.starts_with(&format!("fw:ed:{i}:"))), "edit {i}: {data:?}");
        assert!(data.iter().any(|d| d.starts_with(&format!("fw:del:{i}:"))), "delete {i}: {data:?}");
    }
    assert!(data.iter().any(|d| d.starts_with("fw:pg:1:")) && data.iter().any(|d| d.starts_with("fw:pg:3:")));
    let p5 = app.press_expect_edit(&focal, p3.message_id, &button(&p3, "fw:pg:3:")).await;
    let p5 = app.press_expect_edit(&focal, p5.message_id, &button(&p5, "fw:pg:4:")).await;
    assert!(text(&p5).contains(&page(5, 41, 45)) && text(&p5).contains("\n45. "), "{}", text(&p5));
    assert!(!p5.button_data().iter().any(|d| d.starts_with("fw:pg:5:")), "no page after the last");
    let p4 = app.press_expect_edit(&focal, p5.message_id, &button(&p5, "fw:pg:3:")).await;
    let p3 = app.press_expect_edit(&focal, p4.message_id, &button(&p4, "fw:pg:2:")).await;

    // Line 25 (124 women) edited: 777 women; the review comes back on page 3.
    let q = app.press_expect_edit(&focal, p3.message_id, &button(&p3, "fw:ed:24:")).await;
    assert_eq!(text(&q), en(&app, ReportMsg::FwAskSector));
    let women = en(&app, ReportMsg::FwAskCount { field: "women".into() });
    keep_until(&app, &focal, q, Some(&women)).await;
    let q = app.send(&focal, "777").await;
    let back = keep_until(&app, &focal, q, None).await;
    let t = text(&back);
    assert!(t.contains(&page(3, 21, 30)), "{t}");
    assert!(t.contains("\n25. Protection monitoring — ") && t.contains("— 777 people"), "{t}");

    // Line 28 (127 women) deleted from page 3: 44 lines, still on page 3.
    let after = app.press_expect_edit(&focal, back.message_id, &button(&back, "fw:del:27:")).await;
    let t = text(&after);
    assert!(t.contains("44 line(s)"), "{t}");
    assert!(t.contains(&en(&app, FivewMsg::FwReviewPage { page: 3, pages: 5, first: 21, last: 30, count: 44 })));

    let done = app.press_expect_edit(&focal, after.message_id, &button(&after, "fw:sub:")).await;
    assert_eq!(text(&done), en(&app, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 44, late: false }));
    let lines = submitted(&app, "NRC", "2026-10").await.unwrap();
    let women: Vec<u32> = lines.iter().map(|l| l.reached.women).collect();
    assert_eq!(women.len(), 44);
    assert_eq!(women[24], 777);
    assert!(!women.contains(&127) && !women.contains(&124), "{women:?}");
    assert_eq!(women[27], 128);
    nothing_refused(&app);
}

#[tokio::test]
async fn the_chairs_review_of_45_lines_pages_too() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(61, "Awa").language("en");
    let chair = FakeUser::new(62, "Chair").language("en");
    let focal_id = app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    seed(&app, "NRC", focal_id, "2026-10", 45).await;

    let list = app.send(&chair, "/review").await;
    let t = text(&list);
    assert!(t.starts_with("4W review of 10/2026 — CR-MOPTI: 45 line(s) (15 shown)."), "{t}");
    let page = |p, first, last| en(&app, FivewMsg::FwReviewPage { page: p, pages: 3, first, last, count: 45 });
    assert!(t.contains(&page(1, 1, 15)) && t.contains("\n15. NRC (line 15)") && !t.contains("16. "), "{t}");
    let returns = |m: &SentMessage| m.button_data().into_iter().filter(|d| d.starts_with("fw:ret:")).count();
    assert_eq!(returns(&list), 15);
    let mech = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap().id;
    let next = format!("fw:rp:202610:{mech}:1");
    assert!(list.button_data().contains(&next), "{:?}", list.button_data());

    // A focal point pressing the chair's page button: refused, nothing shown.
    let (answer, after) = app.press(&focal, list.message_id, &next).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::NotAllowed).as_str()));
    assert!(after.is_empty());

    let p2 = app.press_expect_edit(&chair, list.message_id, &next).await;
    assert_eq!(p2.message_id, list.message_id, "the same message, edited");
    assert!(text(&p2).contains(&page(2, 16, 30)) && text(&p2).contains("\n30. NRC (line 30)"), "{}", text(&p2));
    assert_eq!(returns(&p2), 15);
    // A page past the last shows the last.
    let past = app.press_expect_edit(&chair, list.message_id, &format!("fw:rp:202610:{mech}:9")).await;
    assert!(text(&past).contains(&page(3, 31, 45)));
    let p2 = app.press_expect_edit(&chair, list.message_id, &format!("fw:rp:202610:{mech}:1")).await;
    assert!(text(&p2).contains(&page(2, 16, 30)));
    let p3 = app.press_expect_edit(&chair, list.message_id, &format!("fw:rp:202610:{mech}:2")).await;
    assert!(text(&p3).contains(&page(3, 31, 45)) && text(&p3).contains("\n45. NRC (line 45)"));
    // Every line can be returned from its page: the 40th, from page 3.
    let l40 = store::review_lines(&app.ctx.db, month("2026-10"), None).await.unwrap()[39].id;
    assert!(p3.button_data().contains(&format!("fw:ret:{l40}")));
    // Another scope (all mechanisms) is not the chair's.
    let (answer, _) = app.press(&chair, list.message_id, "fw:rp:202610:0:1").await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::NotAllowed).as_str()));
    nothing_refused(&app);
}

#[tokio::test]
async fn the_cap_refuses_the_line_past_it_typed_copied_or_forged() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(63, "Awa").language("en");
    let focal_id = app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    seed(&app, "NRC", focal_id, "2026-09", MAX_LINES + 1).await;

    // Copied: the first MAX_LINES only, and told so; at the cap, no "add" button.
    let review = copy_last_month(&app, &focal).await;
    let t = text(&review);
    assert!(t.starts_with(&en(&app, FivewMsg::FwCopyCapped { count: MAX_LINES + 1, max: MAX_LINES })), "{t}");
    assert!(t.contains(&format!("{MAX_LINES} line(s)")), "{t}");
    assert!(t.contains(&en(&app, FivewMsg::FwLinesCap { max: MAX_LINES })), "{t}");
    assert!(!review.button_data().contains(&"fw:add".to_string()));

    // A new line typed past the cap (an old or forged "add" button): refused, nothing changes.
    let (answer, after) = app.press(&focal, review.message_id, "fw:add").await;
    assert_eq!(answer.str_param("text"), Some(en(&app, FivewMsg::FwLinesCap { max: MAX_LINES }).as_str()));
    assert!(after.is_empty(), "{after:?}");
    // One line deleted: the button is back, a line can be started again.
    let fewer = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:del:0:")).await;
    assert!(fewer.button_data().contains(&"fw:add".to_string()));
    let q = app.press_expect_edit(&focal, fewer.message_id, "fw:add").await;
    assert_eq!(text(&q), en(&app, ReportMsg::FwAskSector));

    // The service refuses more lines than the cap, whoever calls it.
    let access = {
        let p = cluster_bot::storage::people::by_id(&app.ctx.db, focal_id).await.unwrap().unwrap();
        cluster_bot::services::people::access(&app.ctx, p).await.unwrap()
    };
    let o = reference::organisation_by_acronym(&app.ctx.db, "NRC").await.unwrap().unwrap();
    let mech = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    let many: Vec<Line> = (0..=MAX_LINES).map(|i| line(month("2026-10"), i)).collect();
    let refused =
        cluster_bot::services::reports::submit(&app.ctx, &access, o.id, mech.id, month("2026-10"), &many, false).await;
    assert!(matches!(refused, Err(AppError::TooManyLines { max }) if max == MAX_LINES), "{refused:?}");
    assert!(submitted(&app, "NRC", "2026-10").await.is_none());
    nothing_refused(&app);
}

#[tokio::test]
async fn a_button_of_an_out_of_date_review_acts_on_nothing() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(64, "Awa").language("en");
    let focal_id = app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    seed(&app, "NRC", focal_id, "2026-09", 12).await;

    let review = copy_last_month(&app, &focal).await;
    let old: Vec<String> =
        ["fw:sub:", "fw:del:3:", "fw:ed:2:", "fw:pg:1:"].iter().map(|p| button(&review, p)).collect();
    // Line 1 deleted: the draft changed, the buttons above are out of date.
    let current = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:del:0:")).await;
    assert!(text(&current).contains("11 line(s)"));
    assert_ne!(button(&current, "fw:sub:"), old[0]);
    let stale = en(&app, FivewMsg::FwStaleScreen);
    for data in &old {
        let (answer, _) = app.press(&focal, review.message_id, data).await;
        assert_eq!(answer.str_param("text"), Some(stale.as_str()), "{data}");
        // The current review is shown, with the notice; nothing else happened.
        let shown = last_shown(&app, &focal);
        let t = text(&shown);
        assert!(t.starts_with(&stale) && t.contains("11 line(s)"), "{data}: {t}");
        assert_eq!(shown.button_data(), current.button_data(), "{data}");
    }
    assert!(submitted(&app, "NRC", "2026-10").await.is_none(), "the old submit submitted nothing");

    // The current buttons act: submitted as shown, 11 lines.
    let now = last_shown(&app, &focal);
    let done = app.press_expect_edit(&focal, now.message_id, &button(&now, "fw:sub:")).await;
    assert_eq!(text(&done), en(&app, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 11, late: false }));
    let women: Vec<u32> = submitted(&app, "NRC", "2026-10").await.unwrap().iter().map(|l| l.reached.women).collect();
    assert_eq!(women, (101..112).collect::<Vec<u32>>());

    // A review of an earlier /report: its buttons do not act on the new draft either.
    let q = app.send(&focal, "/report").await;
    let again = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;
    assert!(text(&again).contains("11 line(s)"), "{}", text(&again));
    let (answer, _) = app.press(&focal, again.message_id, &button(&current, "fw:del:0:")).await;
    assert_eq!(answer.str_param("text"), Some(stale.as_str()));
    assert!(text(&last_shown(&app, &focal)).starts_with(&stale));
    assert_eq!(submitted(&app, "NRC", "2026-10").await.unwrap().len(), 11);
    nothing_refused(&app);
}

#[tokio::test]
async fn a_forged_correct_this_line_is_refused_unless_returned_or_open() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(65, "Awa").language("en");
    let drc = FakeUser::new(66, "Drc").language("en");
    let chair = FakeUser::new(67, "Chair").language("en");
    let focal_id = app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    let drc_id = app.member(&drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    // August is closed for reporting (October is open, September still accepted late).
    seed(&app, "NRC", focal_id, "2026-08", 2).await;
    seed(&app, "NRC", focal_id, "2026-10", 2).await;
    seed(&app, "DRC/DDG", drc_id, "2026-10", 1).await;
    let august = store::review_lines(&app.ctx.db, month("2026-08"), None).await.unwrap();
    let october = store::review_lines(&app.ctx.db, month("2026-10"), None).await.unwrap();
    let hello = app.send(&focal, "/help").await;

    // A line of August never returned: refused with the reason, no dialog opened.
    let refusal = en(&app, FivewMsg::FwFixRefused { month: "08/2026".into() });
    let (answer, after) = app.press(&focal, hello.message_id, &format!("fw:fix:{}", august[1].id)).await;
    assert_eq!(answer.str_param("text"), Some(refusal.as_str()));
    assert!(after.iter().all(|s| text(s) == refusal), "{after:?}");
    assert_eq!(dialogues(&app).await, 0);
    // Another organisation's line: not allowed.
    let drc_line = october.iter().find(|l| l.org == "DRC/DDG").unwrap().id;
    let (answer, _) = app.press(&focal, hello.message_id, &format!("fw:fix:{drc_line}")).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::NotAllowed).as_str()));
    assert_eq!(dialogues(&app).await, 0);

    // Returned by the chair, the August line can be corrected.
    let list = app.send(&chair, "/review 2026-08").await;
    app.press(&chair, list.message_id, &format!("fw:ret:{}", august[1].id)).await;
    app.send(&chair, "Please check the women").await;
    app.settle().await;
    let (answer, after) = app.press(&focal, hello.message_id, &format!("fw:fix:{}", august[1].id)).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    assert_eq!(text(after.last().unwrap()), en(&app, ReportMsg::FwAskSector));
    app.send(&focal, "/cancel").await;
    let ask = last_shown(&app, &focal);
    app.press_expect_edit(&focal, ask.message_id, "fw:cx:y").await;

    // A line of October, the open month: it can be reopened although not returned.
    let nrc_oct = october.iter().find(|l| l.org == "NRC").unwrap().id;
    let (answer, after) = app.press(&focal, hello.message_id, &format!("fw:fix:{nrc_oct}")).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    assert_eq!(text(after.last().unwrap()), en(&app, ReportMsg::FwAskSector));
    nothing_refused(&app);
}

#[tokio::test]
async fn the_approve_buttons_are_those_of_the_organisations_on_the_page() {
    let app = TestBot::start().await;
    let drc = FakeUser::new(71, "Drc").language("en");
    let nrc = FakeUser::new(72, "Nrc").language("en");
    let chair = FakeUser::new(73, "Chair").language("en");
    let drc_id = app.member(&drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    let nrc_id = app.member(&nrc, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    seed(&app, "DRC/DDG", drc_id, "2026-10", 20).await;
    seed(&app, "NRC", nrc_id, "2026-10", 5).await;
    let approve = |m: &SentMessage| {
        let mut labels: Vec<String> = m
            .reply_markup
            .as_ref()
            .and_then(|k| k["inline_keyboard"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .flat_map(|row| row.as_array().cloned().unwrap_or_default())
            .filter(|b| b["callback_data"].as_str().is_some_and(|d| d.starts_with("fw:apr:")))
            .map(|b| b["text"].as_str().unwrap_or_default().to_string())
            .collect();
        labels.sort();
        labels
    };
    let approve_label = |org: &str| en(&app, FivewMsg::BtnFwApprove { org: org.into() });

    // Page 1: DRC/DDG's lines 1–15 only.
    let list = app.send(&chair, "/review").await;
    assert_eq!(approve(&list), [approve_label("DRC/DDG")]);
    // Page 2: DRC/DDG's last 5 and NRC's 5.
    let mech = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap().id;
    let p2 = app.press_expect_edit(&chair, list.message_id, &format!("fw:rp:202610:{mech}:1")).await;
    let mut both = vec![approve_label("DRC/DDG"), approve_label("NRC")];
    both.sort();
    assert_eq!(approve(&p2), both);
    nothing_refused(&app);
}
