//! Displacement alerts end to end, through the real dispatcher and scheduler against the fake
//! Bot API server, a real SQLite file and a clock the test moves: a member of the Mopti regional
//! cluster raises an alert in Bandiagara by buttons (wrong dates, households and a phone number
//! refused on the way), the CMP chair validates it in one tap (a forged or unauthorised press
//! changes nothing), the Mopti members receive it with who is present (IRC and TDH, from the
//! approved 4W of that cercle), both organisations are asked, IRC commits, 48 h later only TDH
//! is reminded, and closing sends the summary to the chair; the open alert is on the CMP's next
//! invitation; a stranger may not raise one.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::alert::AlertState;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{AlertsMsg, MainMsg, Msg};
use cluster_bot::services::alerts;
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::storage::Db;
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

const FR: Language = Language::Fr;

async fn exec(db: &Db, sql: &str) -> i64 {
    sqlx::query(sql).execute(db.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}")).last_insert_rowid()
}

/// An approved 4W of `org` for October 2026 (the last approved month) with a protection line
/// in Bandiagara (ML0501).
async fn approved_fourw(db: &Db, org: &str, sector: &str) {
    let sub = exec(
        db,
        &format!(
            "INSERT INTO fourw_submissions (organisation_id, mechanism_id, month, submitted_at, approved_at)
             SELECT o.id, m.id, '2026-10', 0, 1761955200 FROM organisations o, mechanisms m
             WHERE o.acronym = '{org}' AND m.code = 'CR-MOPTI'"
        ),
    )
    .await;
    exec(
        db,
        &format!(
            "INSERT INTO fourw_lines (submission_id, position, sector_code, activity_code, region_pcode, cercle_pcode,
                 status, start_date, end_date, girls, boys, women, men, disabled)
             VALUES ({sub}, 1, '{sector}', 'PRO-MON', 'ML05', 'ML0501', 'ongoing', '2026-10-01', '2026-10-31', 1, 1, 1, 1, 0)"
        ),
    )
    .await;
}

fn t(app: &TestBot, msg: impl Into<Msg>) -> String {
    app.t(FR, msg.into())
}

fn first_line(app: &TestBot, msg: impl Into<Msg>) -> String {
    t(app, msg).lines().next().unwrap().to_string()
}

/// Messages (not edits) sent to a chat whose text starts with `prefix`.
fn sent_starting(app: &TestBot, chat: i64, prefix: &str) -> Vec<SentMessage> {
    app.fake
        .sent_to(chat)
        .into_iter()
        .filter(|s| s.is_send() && s.text.as_deref().is_some_and(|t| t.starts_with(prefix)))
        .collect()
}

fn one_starting(app: &TestBot, chat: i64, prefix: &str) -> SentMessage {
    let found = sent_starting(app, chat, prefix);
    assert_eq!(found.len(), 1, "chat {chat}, {prefix:?}: {:?}", app.fake.sent_to(chat));
    found.into_iter().next().unwrap()
}

/// Presses a button expected to be refused; returns the notice.
async fn refused(app: &TestBot, user: &FakeUser, message_id: i64, data: &str) -> String {
    let (answer, _) = app.press(user, message_id, data).await;
    answer.str_param("text").unwrap_or_else(|| panic!("{data} was not refused")).to_string()
}

#[tokio::test]
async fn an_alert_in_a_mopti_cercle_asks_both_present_organisations_records_one_and_reminds_the_other() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(2001, "Awa").language("fr");
    let raiser = FakeUser::new(2002, "Moussa").language("fr");
    let irc = FakeUser::new(2003, "Fatou").language("fr");
    let tdh = FakeUser::new(2004, "Ibrahim").language("fr");
    let stranger = FakeUser::new(2005, "Inconnu").language("fr");
    let gao = FakeUser::new(2006, "Aminata").language("fr");
    let ocha = FakeUser::new(2007, "Oumar").language("fr");
    app.member(&chair, "UNHCR", "CMP", Role::Chair).await;
    app.member(&raiser, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&irc, "IRC", "CR-MOPTI", Role::Focal).await;
    app.member(&tdh, "TDH", "SC-PE-MOPTI", Role::Focal).await;
    app.member(&gao, "OXFAM", "CR-GAO", Role::Focal).await;
    app.member(&ocha, "OCHA", "CMP", Role::Focal).await;
    approved_fourw(&app.ctx.db, "IRC", "PRO").await;
    approved_fourw(&app.ctx.db, "TDH", "PRO").await;
    let cmp = cluster_bot::services::membership::mechanism(&app.ctx, "CMP").await.unwrap();
    // A CMP meeting ahead: the open alert will be on its agenda.
    let draft = MeetingDraft {
        mechanism_id: cmp.id,
        starts_at: app.clock.now() + Duration::days(10),
        duration_minutes: 60,
        place: Some("OCHA, Mopti".into()),
        agenda: Some("Tour de table".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    meetings::create(&app.ctx, Actor::CommandLine, draft).await.unwrap();

    // A stranger may not raise an alert.
    let no = app.send(&stranger, "/alerte").await;
    assert_eq!(no.text.as_deref(), Some(t(&app, AlertsMsg::AlNotMember).as_str()));

    // The member raises one by buttons: region, cercle.
    let regions = app.send(&raiser, "/alert").await;
    assert_eq!(regions.text.as_deref(), Some(t(&app, AlertsMsg::AlChooseRegion).as_str()));
    let cercles = app.press_expect_edit(&raiser, regions.message_id, &button(&regions, "al:r:05")).await;
    assert!(cercles.text.as_deref().unwrap().contains("Mopti"), "{:?}", cercles.text);
    // A typed P-code that is no cercle is refused with the reason.
    let r = app.send(&raiser, "ML0599").await;
    assert_eq!(r.text.as_deref(), Some(t(&app, AlertsMsg::AlPcodeUnknown).as_str()));
    // A cercle of another region is refused (forged), the real one accepted.
    let notice = refused(&app, &raiser, cercles.message_id, "al:c:0701").await;
    assert_eq!(notice, t(&app, MainMsg::ButtonExpired));
    let date = app.press_expect_edit(&raiser, cercles.message_id, &button(&cercles, "al:c:0501")).await;
    assert!(date.text.as_deref().unwrap().contains("02/11/2026"), "{:?}", date.text);

    // The date: unreadable, then in the future, refused; "today" accepted.
    let r = app.send(&raiser, "hier").await;
    assert_eq!(r.text.as_deref(), Some(t(&app, AlertsMsg::AlDateUnreadable).as_str()));
    let r = app.send(&raiser, "03/11/2026").await;
    assert_eq!(r.text.as_deref(), Some(t(&app, AlertsMsg::AlDateFuture).as_str()));
    let households = app.press_expect_edit(&raiser, date.message_id, "al:d").await;
    assert!(
        households.text.as_deref().unwrap().starts_with(&first_line(&app, AlertsMsg::AlAskHouseholds { max: 100_000 }))
    );

    // Households: 0, huge and text refused with the reason; 120 accepted.
    let range = t(&app, AlertsMsg::AlHouseholdsRange { min: 1, max: 100_000 });
    assert_eq!(app.send(&raiser, "0").await.text.as_deref(), Some(range.as_str()));
    assert_eq!(app.send(&raiser, "99999999999").await.text.as_deref(), Some(range.as_str()));
    let nan = t(&app, AlertsMsg::AlHouseholdsNotNumber);
    assert_eq!(app.send(&raiser, "beaucoup").await.text.as_deref(), Some(nan.as_str()));
    let cause = app.send(&raiser, "120").await;
    assert_eq!(cause.text.as_deref(), Some(t(&app, AlertsMsg::AlChooseCause).as_str()));

    // Cause, not verified, source nameable; a phone number in the source is refused.
    let verified = app.press_expect_edit(&raiser, cause.message_id, "al:k:0").await;
    let nameable = app.press_expect_edit(&raiser, verified.message_id, "al:v:0").await;
    let source = app.press_expect_edit(&raiser, nameable.message_id, "al:n:1").await;
    assert!(source.text.as_deref().unwrap().starts_with(&first_line(&app, AlertsMsg::AlAskSource { max: 200 })));
    let r = app.send(&raiser, "Moussa 76 12 34 56").await;
    assert_eq!(r.text.as_deref(), Some(t(&app, MainMsg::PersonalDataRefused { kind: "phone".into() }).as_str()));
    let confirm = app.send(&raiser, "chef de village").await;
    let text = confirm.text.clone().unwrap();
    assert!(text.contains("Bandiagara") && text.contains("chef de village") && text.contains("120"), "{text}");
    // A restart keeps the dialog where it was.
    let mut app = app;
    app.restart().await;
    let sent = app.press_expect_edit(&raiser, confirm.message_id, "al:ok").await;
    let id = alerts::list(&app.ctx, true).await.unwrap()[0].id;
    assert_eq!(sent.text.as_deref(), Some(t(&app, AlertsMsg::AlRaised { id }).as_str()));
    app.settle().await;

    // The CMP chair receives the validation request; nobody else does.
    let head = first_line(&app, AlertsMsg::AlValidationRequest { id, by: "Moussa".into() });
    let request = one_starting(&app, chair.id, &head);
    assert!(sent_starting(&app, raiser.id, &head).is_empty());
    let validate = button(&request, "al:y:");
    // Forged data, and the real button pressed by someone without the right: nothing changes.
    assert_eq!(refused(&app, &raiser, request.message_id, "al:y:abc").await, t(&app, MainMsg::ButtonExpired));
    assert_eq!(refused(&app, &raiser, request.message_id, &validate).await, t(&app, MainMsg::NotAllowed));
    assert_eq!(alerts::list(&app.ctx, true).await.unwrap()[0].state, AlertState::Raised);
    // One tap validates; a second changes nothing.
    app.press_expect_edit(&chair, request.message_id, &validate).await;
    assert_eq!(refused(&app, &chair, request.message_id, &validate).await, t(&app, AlertsMsg::AlAlreadyDecided));
    app.settle().await;

    // The Mopti members receive the alert with who is present; Gao's do not.
    let present = t(&app, AlertsMsg::AlPresentLine { org: "IRC".into(), sectors: "PRO".into() });
    for (user, mech) in [(&raiser, "CR-MOPTI"), (&irc, "CR-MOPTI"), (&tdh, "SC-PE-MOPTI"), (&chair, "CMP")] {
        let head = t(&app, AlertsMsg::AlAlertHeader { id, mechanism: mech.into() });
        let alert = one_starting(&app, user.id, &head);
        let text = alert.text.unwrap();
        assert!(text.contains(&present) && text.contains("TDH — PRO"), "{text}");
        assert!(text.contains("Non vérifiée") && text.contains("chef de village"), "{text}");
    }
    assert!(app.fake.sent_to(gao.id).is_empty(), "{:?}", app.fake.sent_to(gao.id));
    // The member who raised it is told, once.
    one_starting(&app, raiser.id, &first_line(&app, AlertsMsg::AlDecidedForRaiser { id, validated: true }));

    // Both present organisations are asked; IRC commits to assess.
    let ask_irc = one_starting(&app, irc.id, &first_line(&app, AlertsMsg::AlCommitRequest { id, org: "IRC".into() }));
    let ask_tdh = one_starting(&app, tdh.id, &first_line(&app, AlertsMsg::AlCommitRequest { id, org: "TDH".into() }));
    assert!(ask_tdh.button_data().iter().any(|d| d.starts_with(&format!("al:m:{id}:"))));
    let assess = button(&ask_irc, &format!("al:m:{id}:"));
    // TDH may not answer for IRC.
    assert_eq!(refused(&app, &tdh, ask_irc.message_id, &assess).await, t(&app, MainMsg::NotAllowed));
    let done = app.press_expect_edit(&irc, ask_irc.message_id, &assess).await;
    assert!(done.text.as_deref().unwrap().starts_with("Réponse de IRC"), "{:?}", done.text);

    // 48 h later, only TDH is reminded, once.
    app.advance(Duration::hours(47));
    app.settle().await;
    let remind_tdh = first_line(&app, AlertsMsg::AlCommitReminder { id, org: "TDH".into() });
    assert!(sent_starting(&app, tdh.id, &remind_tdh).is_empty(), "not before 48 h");
    app.advance(Duration::hours(1));
    app.settle().await;
    one_starting(&app, tdh.id, &remind_tdh);
    let remind_irc = first_line(&app, AlertsMsg::AlCommitReminder { id, org: "IRC".into() });
    assert!(sent_starting(&app, irc.id, &remind_irc).is_empty(), "IRC answered");
    app.advance(Duration::hours(48));
    app.settle().await;
    one_starting(&app, tdh.id, &remind_tdh);

    // The CMP's invitation (out 7 days ahead) carries the open alert under its own header.
    let invitation = app
        .fake
        .sent_to(ocha.id)
        .into_iter()
        .find(|s| s.is_send() && s.button_data().iter().any(|d| d.starts_with("r:")))
        .unwrap_or_else(|| panic!("no invitation: {:?}", app.fake.sent_to(ocha.id)));
    let text = invitation.text.unwrap();
    assert!(text.contains(&t(&app, AlertsMsg::AlAgendaHeader)), "{text}");
    assert!(text.contains(&format!("Alerte n° {id} — Bandiagara (ML0501), 02/11/2026, 120 ménages")), "{text}");
    // And so does its calendar file (folded lines unfolded before looking).
    let ics = String::from_utf8(invitation.document_bytes.clone().expect("the calendar file")).unwrap();
    let unfolded = ics.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",");
    assert!(unfolded.contains(&format!("Alerte n° {id} — Bandiagara (ML0501)")), "{unfolded}");

    // The chair closes from /alert; the summary says who committed and who did not answer.
    let menu = app.send(&chair, "/alert").await;
    app.press_expect_edit(&chair, menu.message_id, &button(&menu, &format!("al:z:{id}"))).await;
    app.settle().await;
    let summary = one_starting(&app, chair.id, &first_line(&app, AlertsMsg::AlSummaryHeader { id }));
    let text = summary.text.unwrap();
    assert!(text.contains("IRC : 🔎 Évaluer"), "{text}");
    assert!(text.contains(&t(&app, AlertsMsg::AlSummarySilent { org: "TDH".into() })), "{text}");
    assert!(alerts::list(&app.ctx, true).await.unwrap().is_empty());
    app.stop().await;
}

/// The send-time check: a validation request or a summary needs the CMP chair (or a
/// coordinator), the alert a seat in its mechanism, a commitment request the organisation's
/// seat; a seat ended after queueing withholds the message. Answers to a closed alert change
/// nothing.
#[tokio::test]
async fn alert_messages_are_checked_at_sending_and_late_answers_change_nothing() {
    use cluster_bot::domain::alert::{AlertCause, AlertInput, AlertMsg, Households};
    use cluster_bot::domain::fourw::Pcode;
    use cluster_bot::domain::jobs::Outgoing;
    use cluster_bot::services::access::{Withheld, may_receive};
    let app = TestBot::start().await;
    let ctx = &app.ctx;
    let chair = app.member(&FakeUser::new(2101, "Awa").language("fr"), "UNHCR", "CMP", Role::Chair).await;
    let raiser_user = FakeUser::new(2102, "Moussa").language("fr");
    let raiser = app.member(&raiser_user, "NRC", "CR-MOPTI", Role::Focal).await;
    let irc_user = FakeUser::new(2103, "Fatou").language("fr");
    let irc = app.member(&irc_user, "IRC", "CR-MOPTI", Role::Focal).await;
    let gao = app.member(&FakeUser::new(2104, "Aminata").language("fr"), "OXFAM", "CR-GAO", Role::Focal).await;
    approved_fourw(&ctx.db, "IRC", "PRO").await;
    let input = AlertInput {
        pcode: Pcode::parse("ML0501").unwrap(),
        movement_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        households: Households::new(40).unwrap(),
        cause: AlertCause::Flood,
        verified: true,
        source_nameable: false,
        source: Some("chef de village".into()),
    };
    let id = alerts::raise(ctx, raiser, input).await.unwrap();
    let mopti = cluster_bot::services::membership::mechanism(ctx, "CR-MOPTI").await.unwrap().id;
    let irc_org = cluster_bot::services::membership::organisation(ctx, "IRC").await.unwrap().id;
    let m = |msg: AlertMsg| Outgoing::Alert(msg);
    let request = m(AlertMsg::ValidationRequest { alert_id: id });
    assert_eq!(may_receive(ctx, chair, &request).await.unwrap(), None);
    assert_eq!(may_receive(ctx, raiser, &request).await.unwrap(), Some(Withheld::NotChair));
    let alert = m(AlertMsg::Alert { alert_id: id, mechanism_id: mopti });
    assert_eq!(may_receive(ctx, irc, &alert).await.unwrap(), None);
    assert_eq!(may_receive(ctx, gao, &alert).await.unwrap(), Some(Withheld::NotMember));
    let ask =
        m(AlertMsg::CommitmentRequest { alert_id: id, organisation_id: irc_org, mechanism_id: mopti, reminder: false });
    assert_eq!(may_receive(ctx, irc, &ask).await.unwrap(), None);
    assert_eq!(may_receive(ctx, raiser, &ask).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));
    let summary = m(AlertMsg::Summary { alert_id: id });
    assert_eq!(may_receive(ctx, raiser, &summary).await.unwrap(), Some(Withheld::NotChair));

    // The source was not nameable: it is not kept.
    assert_eq!(alerts::list(ctx, true).await.unwrap()[0].source, None);
    alerts::validate(ctx, chair, id).await.unwrap();
    app.settle().await;
    let ask_msg =
        one_starting(&app, irc_user.id, &first_line(&app, AlertsMsg::AlCommitRequest { id, org: "IRC".into() }));
    assert!(!ask_msg.text.as_deref().unwrap().contains("chef de village"), "the source is hidden");
    // The seat ends: the request queued for it would be withheld now.
    let seat = cluster_bot::storage::memberships::active_for_person(&ctx.db, irc).await.unwrap()[0].id;
    cluster_bot::storage::memberships::end(&ctx.db, seat, "removed", None, app.clock.now()).await.unwrap();
    assert_eq!(may_receive(ctx, irc, &ask).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));

    // Closed: a late answer by the commitment buttons is refused and records nothing.
    alerts::close(ctx, chair, id).await.unwrap();
    let press = button(&ask_msg, &format!("al:m:{id}:"));
    let (answer, _) = app.press(&irc_user, ask_msg.message_id, &press).await;
    assert_eq!(answer.str_param("text"), Some(t(&app, AlertsMsg::AlAlreadyDecided).as_str()));
    let asked = cluster_bot::storage::alerts::asked(&ctx.db, id).await.unwrap();
    assert!(asked.iter().all(|a| a.commitment.is_none()), "{asked:?}");

    // A second alert, refused: the member who raised it is told it was not retained.
    let refused_id = alerts::raise(
        ctx,
        raiser,
        AlertInput {
            pcode: Pcode::parse("ML0501").unwrap(),
            movement_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            households: Households::new(5).unwrap(),
            cause: AlertCause::Flood,
            verified: false,
            source_nameable: false,
            source: None,
        },
    )
    .await
    .unwrap();
    let decided = m(AlertMsg::Decided { alert_id: refused_id });
    assert_eq!(may_receive(ctx, raiser, &decided).await.unwrap(), None);
    alerts::refuse(ctx, chair, refused_id).await.unwrap();
    app.settle().await;
    let told = one_starting(
        &app,
        raiser_user.id,
        &first_line(&app, AlertsMsg::AlDecidedForRaiser { id: refused_id, validated: false }),
    );
    assert!(told.text.unwrap().contains("ML0501"));
    let mut app = app;
    app.stop().await;
}
