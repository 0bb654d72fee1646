//! The commune (admin level 3) in the /report dialog, through the fake Bot API server: a
//! boundary table with communes for one cercle loaded by the service the command line uses;
//! then a line whose commune is chosen with a button (on a page of many), one typed by name,
//! one in a cercle without communes (no question), forged and mistyped communes refused, an
//! edit that changes the commune by P-code, an edit that moves a line to another cercle (its
//! commune dropped); the submitted lines carry the commune P-codes, and the chair's review
//! names the commune.

use crate::{fake_bot_api, harness};

use cluster_bot::domain::fourw::{Line, ReportingMonth};
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use cluster_bot::storage::{reference, reports as store};
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

fn en(app: &TestBot, msg: impl Into<Msg>) -> String {
    app.t(Language::En, msg.into())
}

/// A COD-AB-shaped table: Mopti with Ténenkou (28 communes) and Djenné (none), and Gao with
/// one commune.
fn table() -> String {
    let mut csv = String::from("ADM0_FR,ADM0_PCODE,ADM1_FR,ADM1_PCODE,ADM2_FR,ADM2_PCODE,ADM3_FR,ADM3_PCODE\n");
    csv.push_str("Mali,ML,Mopti,ML05,Ténenkou,ML0507,Diafarabé,ML050701\n");
    csv.push_str("Mali,ML,Mopti,ML05,Ténenkou,ML0507,Ténenkou Central,ML050702\n");
    for n in 3..=28 {
        csv.push_str(&format!("Mali,ML,Mopti,ML05,Ténenkou,ML0507,Sougoula {n:02},ML0507{n:02}\n"));
    }
    csv.push_str("Mali,ML,Mopti,ML05,Djenné,ML0503,,\n");
    csv.push_str("Mali,ML,Gao,ML07,Gao,ML0703,Sony Aliber,ML070301\n");
    csv
}

fn buttons(q: &SentMessage, prefix: &str) -> Vec<String> {
    q.button_data().into_iter().filter(|d| d.starts_with(prefix)).collect()
}

fn keyboard(q: &SentMessage) -> String {
    q.reply_markup.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// From the review (or the start screen): a new GBV line in Mopti, up to the cercle's answer.
async fn new_line(app: &TestBot, user: &FakeUser, on: &SentMessage, cercle: &str) -> SentMessage {
    let q = app.press_expect_edit(user, on.message_id, "fw:add").await;
    let q = app.press_expect_edit(user, q.message_id, "fw:sec:2").await;
    let q = app.press_expect_edit(user, q.message_id, &button(&q, "fw:act:")).await;
    let q = app.press_expect_edit(user, q.message_id, "fw:reg:5").await;
    app.press_expect_edit(user, q.message_id, cercle).await
}

/// From the status question to the review, with buttons.
async fn rest_of_line(app: &TestBot, user: &FakeUser, q: SentMessage) -> SentMessage {
    assert_eq!(q.text.as_deref(), Some(en(app, ReportMsg::FwAskStatus).as_str()));
    let q = app.press_expect_edit(user, q.message_id, "fw:st:o").await;
    let q = app.press_expect_edit(user, q.message_id, "fw:pop:0").await;
    let q = app.press_expect_edit(user, q.message_id, &button(&q, "fw:mod:")).await;
    let q = app.press_expect_edit(user, q.message_id, "fw:d:20261001").await;
    let mut q = app.press_expect_edit(user, q.message_id, "fw:d:20261031").await;
    for _ in 0..7 {
        q = app.press_expect_edit(user, q.message_id, "fw:n:0").await;
    }
    for _ in 0..5 {
        q = app.press_expect_edit(user, q.message_id, "fw:skip").await;
    }
    q
}

/// Through the rest of a line being edited: each answer kept (or skipped when it had none).
async fn keep_to_review(app: &TestBot, user: &FakeUser, mut q: SentMessage) -> SentMessage {
    while let Some(next) = ["fw:keep", "fw:skip"].into_iter().find(|b| q.button_data().iter().any(|d| d == b)) {
        q = app.press_expect_edit(user, q.message_id, next).await;
    }
    q
}

async fn submitted(app: &TestBot) -> Vec<Line> {
    let o = reference::organisation_by_acronym(&app.ctx.db, "NRC").await.unwrap().unwrap();
    let m = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    let month = ReportingMonth::parse("2026-10").unwrap();
    let s = store::submission(&app.ctx.db, o.id, m.id, month).await.unwrap().expect("submitted");
    store::lines(&app.ctx.db, s.id).await.unwrap()
}

#[tokio::test]
async fn a_focal_point_gives_communes_by_button_and_by_name_and_none_where_the_cercle_has_none() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(30, "Awa").language("en");
    app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    let imported =
        cluster_bot::services::boundaries::import(&app.ctx, table().as_bytes(), "2026-communes", "test table")
            .await
            .unwrap();
    assert_eq!(imported.detected.counts, [2, 3, 29]);

    let q = app.send(&focal, "/report").await;
    let start = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;

    // Line 1: Ténenkou has communes: asked, 24 buttons a page, a second page, "unknown".
    let q = new_line(&app, &focal, &start, "fw:cer:507").await;
    let ask = en(&app, FivewMsg::FwAskCommune { cercle: "Ténenkou".into() });
    assert_eq!(q.text.as_deref(), Some(ask.as_str()));
    let page1 = buttons(&q, "fw:com:");
    assert_eq!(page1.len(), 24);
    assert_eq!(page1[0], "fw:com:50701", "Diafarabé comes first by name");
    assert!(keyboard(&q).contains(&en(&app, FivewMsg::BtnFwCommuneUnknown)));
    assert!(q.button_data().iter().all(|d| d.len() <= 64));
    let page2 = app.press_expect_edit(&focal, q.message_id, &button(&q, "fw:cpg:")).await;
    assert_eq!(page2.text.as_deref(), Some(ask.as_str()));
    assert_eq!(buttons(&page2, "fw:com:").len(), 4);
    assert!(buttons(&page2, "fw:com:").contains(&"fw:com:50702".to_string()), "Ténenkou Central on page 2");
    let q = app.press_expect_edit(&focal, page2.message_id, &button(&page2, "fw:cpg:0")).await;
    assert_eq!(buttons(&q, "fw:com:"), page1);

    // A forged button with a commune of Gao is refused; nothing moves.
    let (answer, after) = app.press(&focal, q.message_id, "fw:com:70301").await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::ButtonExpired).as_str()));
    assert!(after.iter().all(|s| s.method != "editMessageText"), "{after:?}");
    let q = app.press_expect_edit(&focal, q.message_id, "fw:com:50701").await;
    let review = rest_of_line(&app, &focal, q).await;
    let text = review.text.clone().unwrap();
    assert!(text.contains(" — Diafarabé (Ténenkou) — ongoing — "), "{text}");

    // Line 2: the commune typed; the one above is offered as "same as above".
    let q = new_line(&app, &focal, &review, "fw:cer:507").await;
    let same = en(&app, FivewMsg::BtnFwSameAbove { value: "Diafarabé".into() });
    assert!(keyboard(&q).contains(&same), "{:?}", q.reply_markup);
    let not_here = app.send(&focal, "sony aliber").await;
    assert_eq!(
        not_here.text.as_deref(),
        Some(format!("{}\n{ask}", en(&app, FivewMsg::FwCommuneNotInCercle { cercle: "Ténenkou".into() })).as_str())
    );
    let unknown = app.send(&focal, "Timbuktu").await;
    assert_eq!(unknown.text.as_deref(), Some(format!("{}\n{ask}", en(&app, ReportMsg::FwUnknownPlace)).as_str()));
    let q = app.send(&focal, "  TENENKOU-central ").await;
    let review = rest_of_line(&app, &focal, q).await;
    assert!(review.text.clone().unwrap().contains(" — Ténenkou Central (Ténenkou) — "));

    // Line 3: Djenné has no communes: straight from the cercle to the status.
    let q = new_line(&app, &focal, &review, "fw:cer:503").await;
    let review = rest_of_line(&app, &focal, q).await;
    let text = review.text.clone().unwrap();
    assert!(text.contains("3. GBV") && text.contains(" — Djenné — ongoing — "), "{text}");

    // Editing line 2 goes through the commune with its current one to keep; a P-code typed.
    let mut q = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:ed:1:")).await;
    for _ in 0..4 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:keep").await;
    }
    assert_eq!(q.text.as_deref(), Some(ask.as_str()));
    let keep = en(&app, ReportMsg::BtnFwKeep { value: "Ténenkou Central".into() });
    assert!(keyboard(&q).contains(&keep), "{:?}", q.reply_markup);
    let q = app.send(&focal, "ml050705").await;
    let q = keep_to_review(&app, &focal, q).await;
    assert!(q.text.clone().unwrap().contains(" — Sougoula 05 (Ténenkou) — "));

    // Line 1 moved to Djenné: no commune question, and its commune goes.
    let mut q = app.press_expect_edit(&focal, q.message_id, &button(&q, "fw:ed:0:")).await;
    for _ in 0..3 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:keep").await;
    }
    let q = app.press_expect_edit(&focal, q.message_id, "fw:cer:503").await;
    assert_eq!(q.text.as_deref(), Some(en(&app, ReportMsg::FwAskStatus).as_str()), "no commune question");
    let q = keep_to_review(&app, &focal, q).await;
    let text = q.text.clone().unwrap();
    assert!(text.contains("1. GBV") && !text.contains("Diafarabé"), "{text}");

    let done = app.press_expect_edit(&focal, q.message_id, &button(&q, "fw:sub:")).await;
    assert_eq!(
        done.text.as_deref(),
        Some(en(&app, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 3, late: false }).as_str())
    );
    let lines = submitted(&app).await;
    let places: Vec<(&str, Option<&str>)> = lines.iter().map(|l| (l.cercle.as_str(), l.commune.as_deref())).collect();
    assert_eq!(places, [("ML0503", None), ("ML0507", Some("ML050705")), ("ML0503", None)]);
    assert!(lines.iter().all(|l| l.boundaries == "2026-communes"));

    // The chair's review names the commune, and so does the question before returning it.
    let chair = FakeUser::new(31, "Chair").language("en");
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let list = app.send(&chair, "/review").await;
    let text = list.text.clone().unwrap();
    assert!(text.contains(" — Sougoula 05 (Ténenkou) (ML050705) — "), "{text}");
    assert!(text.contains(" — Djenné (ML0503) — "), "{text}");
    let returns = buttons(&list, "fw:ret:");
    let (_, after) = app.press(&chair, list.message_id, &returns[1]).await;
    assert!(
        after
            .iter()
            .any(|s| s.text.as_deref().is_some_and(|t| t.contains("(GBV case management, Sougoula 05 (Ténenkou))"))),
        "{after:?}"
    );
    app.stop().await;
}
