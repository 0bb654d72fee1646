//! The cluster's memory end to end: the register of decisions (closed votes and decisions the
//! chair records with the minutes) in /decisions and its XLSX, the review-date reminder, and
//! the follow-up carried from one meeting's minutes to the next meetings' invitations — the
//! real dispatcher and scheduler against the fake Bot API server, real SQLite, a moved clock.

use crate::{fake_bot_api, harness};

use calamine::Reader;
use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::vote::{Choices, Secrecy};
use cluster_bot::domain::{Clock, Language, ManualClock, Meeting, Role};
use cluster_bot::i18n::{DecisionsMsg, MainMsg, MemoryMsg, MinutesMsg};
use cluster_bot::services::meetings::{self as meetings_svc, Actor, MeetingDraft};
use cluster_bot::services::{membership, people, votes};
use fake_bot_api::{FakeOptions, FakeUser, SentMessage};
use harness::TestBot;

struct Cast {
    chair: FakeUser,
    nrc: FakeUser,
    unicef: FakeUser,
    stranger: FakeUser,
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(701, "Awa").language("en"),
        nrc: FakeUser::new(702, "Jon").language("en"),
        unicef: FakeUser::new(703, "Fanta").language("fr"),
        stranger: FakeUser::new(704, "Passant").language("en"),
    };
    app.member(&c.chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&c.nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&c.unicef, "UNICEF", "CPN", Role::Focal).await;
    app.send(&c.stranger, "/start").await;
    c
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

async fn meeting_at(app: &TestBot, starts_at: DateTime<Utc>) -> Meeting {
    let mech = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: mech.id,
        starts_at,
        duration_minutes: 60,
        place: Some("UNHCR, Bamako".into()),
        agenda: Some("1. Tour de table".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    meetings_svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0)
}

/// Moves the clock to `to` and lets the scheduler catch up.
async fn until(app: &TestBot, to: DateTime<Utc>) {
    let by = to - app.clock.now();
    assert!(by >= Duration::zero(), "the clock only moves forward");
    app.advance(by);
    app.settle().await;
}

/// The chair opens /minutes for a meeting and sends a text; returns the action points' question.
async fn open_minutes(app: &TestBot, chair: &FakeUser, m: &Meeting, text: &str) -> SentMessage {
    let pick = app.send(chair, "/minutes").await;
    app.press_expect_edit(chair, pick.message_id, &format!("mn:m:{}", m.id)).await;
    let q = app.send(chair, text).await;
    assert!(q.text.as_deref().unwrap().starts_with(&app.t(Language::En, MinutesMsg::MnAskActions.into())));
    q
}

fn cells(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect())
        })
        .collect()
}

fn refused(answer: &fake_bot_api::Recorded) -> Option<String> {
    answer.str_param("text").map(str::to_string)
}

#[tokio::test]
async fn a_closed_vote_and_two_recorded_decisions_are_in_the_register_its_xlsx_and_the_review_reminder() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let en = Language::En;
    let ctx = app.ctx.clone();
    let m = meeting_at(&app, app.clock.now() + Duration::days(3)).await;
    until(&app, m.ends_at() + Duration::minutes(10)).await;

    // A vote attached to the meeting, NRC votes yes, it closes.
    let cpn = membership::mechanism(&ctx, "CPN").await.unwrap();
    let draft = votes::VoteDraft {
        mechanism_id: cpn.id,
        meeting_id: Some(m.id),
        question: "Adopter la note de plaidoyer sur la documentation civile ?".into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Open,
        open_for: Duration::hours(24),
        quorum_percent: None,
    };
    let vote = votes::open(&ctx, Actor::CommandLine, draft).await.unwrap().unwrap();
    let nrc_person = cluster_bot::storage::people::by_telegram_id(&ctx.db, c.nrc.id).await.unwrap().unwrap();
    let nrc_access = people::access(&ctx, nrc_person).await.unwrap();
    let nrc_org = membership::organisation(&ctx, "NRC").await.unwrap();
    votes::cast(&ctx, &nrc_access, vote.id, nrc_org.id, 0).await.unwrap().unwrap();
    until(&app, app.clock.now() + Duration::hours(25)).await;

    // The minutes, with two decisions; every wrong line is explained and asked again.
    let actions_q = open_minutes(&app, &c.chair, &m, "PV de la réunion de coordination.").await;
    let decisions_q = app.press_expect_edit(&c.chair, actions_q.message_id, "mn:s").await;
    assert!(decisions_q.text.unwrap().starts_with(&app.t(en, MemoryMsg::MnAskDecisions.into())));
    for (line, expected) in [
        ("Valider le plan; NOPE", MemoryMsg::DlOrganisation { line: 1, acronym: "NOPE".into() }),
        ("Valider le plan; NRC; review 01/10/2026", MemoryMsg::DlPast { line: 1, date: "01/10/2026".into() }),
        ("ok\nValider le plan; review 31/02/2027", MemoryMsg::DlDate { line: 2, date: "31/02/2027".into() }),
        ("Rappeler le témoin au 76 12 34 56; NRC", MemoryMsg::DlPersonalData { line: 1, kind: "phone".into() }),
        (&*format!("{}; NRC", "x".repeat(301)), MemoryMsg::DlWhat { line: 1 }),
    ] {
        let again = app.send(&c.chair, line).await.text.unwrap();
        assert!(again.starts_with(&app.t(en, expected.clone().into())), "{line}: {again}");
        assert!(again.contains(&app.t(en, MemoryMsg::MnAskDecisions.into())), "asked again: {again}");
    }
    let summary = app
        .send(
            &c.chair,
            "Adopter le plan de contingence; UNICEF; review 15/12/2026\nCréer un groupe de travail sur la documentation",
        )
        .await;
    let text = summary.text.clone().unwrap();
    assert!(
        text.contains(&app.t(en, MemoryMsg::MnSummaryDecisions.into()))
            && text.contains("• Adopter le plan de contingence — UNICEF — 15/12/2026")
            && text.contains("• Créer un groupe de travail sur la documentation"),
        "{text}"
    );
    // Nothing is in the register before the minutes are shared.
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recorded_decisions").fetch_one(ctx.db.pool()).await.unwrap();
    assert_eq!(recorded, 0);
    app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    app.settle().await;

    // /decisions: the closed vote and both decisions, newest first, with the XLSX button.
    let list = app.send(&c.nrc, "/decisions").await;
    let text = list.text.clone().unwrap();
    assert!(text.starts_with(&app.t(en, DecisionsMsg::DcDecisionsHeader.into())), "{text}");
    assert!(text.contains(&app.t(en, MemoryMsg::RgHeader.into())), "{text}");
    assert!(
        text.contains("Adopter la note de plaidoyer sur la documentation civile ?") && text.contains("Yes (1)"),
        "{text}"
    );
    assert!(text.contains("Adopter le plan de contingence — follow-up: UNICEF — review 15/12/2026"), "{text}");
    assert!(text.contains("Créer un groupe de travail sur la documentation (meeting of"), "{text}");
    assert!(list.protect_content, "the register comes from the internal minutes");
    let (answer, after) = app.press(&c.nrc, list.message_id, "dc:rx").await;
    assert_eq!(refused(&answer), None);
    let file = after.into_iter().find(|s| s.method == "sendDocument").expect("the register as a file");
    assert!(file.protect_content);
    let sheets = cells(&file.document_bytes.expect("made for the reader"));
    assert_eq!(sheets.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["Décisions", "Decisions"]);
    for (name, rows) in &sheets {
        assert_eq!(rows.len(), 4, "a heading and three decisions in {name}: {rows:?}");
        let all = rows.iter().flatten().cloned().collect::<Vec<_>>().join(" | ");
        for what in [
            "Adopter la note de plaidoyer sur la documentation civile ?",
            "Adopter le plan de contingence",
            "Créer un groupe de travail sur la documentation",
            "15/12/2026",
            "UNICEF",
        ] {
            assert!(all.contains(what), "{what} in {name}: {all}");
        }
    }
    assert_eq!(sheets[0].1[0][4], "Décision");
    assert_eq!(sheets[1].1[0][4], "Decision");
    assert!(sheets[1].1.iter().any(|r| r.contains(&"Vote".to_string()) && r[5].contains("Yes")), "{:?}", sheets[1]);
    assert!(sheets[0].1.iter().any(|r| r[5].contains("Oui")), "{:?}", sheets[0]);

    // The month's digest names them.
    let month = cluster_bot::domain::fourw::ReportingMonth::parse("2026-11").unwrap();
    let digest = cluster_bot::services::figures::digest(&ctx, month).await.unwrap();
    let whats: Vec<&str> = digest.decisions.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(whats.len(), 3, "{whats:?}");
    assert!(
        whats.contains(&"Adopter le plan de contingence")
            && whats.contains(&"Créer un groupe de travail sur la documentation")
    );
    let pdf = cluster_bot::charts::digest::pdf(&digest, &[Language::Fr, Language::En], ctx.tz, &app.i18n);
    assert!(pdf.is_ok(), "the digest with its register still draws");

    // Someone without a seat has no register, not even with the button pressed.
    let theirs = app.send(&c.stranger, "/decisions").await.text.unwrap();
    assert!(!theirs.contains("Adopter"), "{theirs}");
    let (answer, after) = app.press(&c.stranger, list.message_id, "dc:rx").await;
    assert!(refused(&answer).is_some(), "refused with a reason");
    assert!(after.iter().all(|s| s.method != "sendDocument"), "no file to a stranger");

    // On the review date the chair (only the chair) is reminded, protected.
    let review = app.t(
        en,
        MemoryMsg::RgReviewDue {
            mechanism: cpn.name_en.clone(),
            what: "Adopter le plan de contingence".into(),
            org: "UNICEF".into(),
            meeting: m.starts_at.format("%d/%m/%Y").to_string(),
        }
        .into(),
    );
    until(&app, at("2026-12-15T08:59:00Z")).await;
    assert!(
        app.fake.sent_to(c.chair.id).iter().all(|s| s.text.as_deref() != Some(review.as_str())),
        "not before 09:00"
    );
    until(&app, at("2026-12-15T09:01:00Z")).await;
    let reminded: Vec<_> =
        app.fake.sent_to(c.chair.id).into_iter().filter(|s| s.text.as_deref() == Some(review.as_str())).collect();
    assert_eq!(reminded.len(), 1, "reminded once");
    assert!(reminded[0].protect_content);
    for other in [&c.nrc, &c.unicef] {
        assert!(app.fake.sent_to(other.id).iter().all(|s| !s.text.as_deref().unwrap_or("").starts_with("📚")));
    }
    app.stop().await;

    // The command line: the same register, as a list, CSV or XLSX.
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
            .args(args)
            .env("DATABASE_URL", &app.db_path)
            .env_remove("TELOXIDE_TOKEN")
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let out = cli(&["decisions", "list", "--mechanism", "CPN", "--format", "csv", "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(
        csv.contains("Decision") && csv.contains("Adopter le plan de contingence") && csv.contains("UNICEF"),
        "{csv}"
    );
    let file = app.db_path.with_file_name("register.xlsx");
    let out = cli(&["decisions", "list", "--format", "xlsx", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sheets = cells(&std::fs::read(&file).unwrap());
    assert_eq!(sheets.len(), 2);
    assert!(sheets.iter().all(|(_, rows)| rows.len() == 4));
    let out = cli(&["decisions", "list", "--mechanism", "CR-GAO"]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("no decisions"));
    for bad in [vec!["decisions", "list", "--mechanism", "XX"], vec!["decisions", "list", "--format", "pdf"]] {
        let out = cli(&bad);
        assert!(!out.status.success(), "{bad:?} is refused");
    }
}

#[tokio::test]
async fn a_review_reminder_goes_only_to_whoever_still_chairs_the_mechanism() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let ctx = app.ctx.clone();
    let m = meeting_at(&app, app.clock.now() + Duration::days(3)).await;
    until(&app, m.ends_at() + Duration::minutes(10)).await;
    let actions_q = open_minutes(&app, &c.chair, &m, "PV.").await;
    app.press_expect_edit(&c.chair, actions_q.message_id, "mn:s").await;
    let summary = app.send(&c.chair, "Revoir les termes de référence; review 20/11/2026").await;
    app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    app.settle().await;
    // The chair steps down before the review date: the reminder is withheld at sending.
    let chair_person = cluster_bot::storage::people::by_telegram_id(&ctx.db, c.chair.id).await.unwrap().unwrap();
    let cpn = membership::mechanism(&ctx, "CPN").await.unwrap();
    cluster_bot::services::admin::remove_chair(&ctx, Actor::CommandLine, c.chair.id, &cpn).await.unwrap();
    // Even queued by hand to the former chair, it is withheld at sending.
    let fake_deliver = cluster_bot::domain::jobs::Job::Deliver {
        person_id: chair_person.id,
        message: cluster_bot::domain::jobs::Outgoing::Memory(cluster_bot::domain::memory::MemoryMsg::ReviewDue {
            decision_id: 1,
        }),
    };
    let now = app.clock.now();
    cluster_bot::storage::jobs::enqueue(&ctx.db, "forged:review", &fake_deliver, now, now).await.unwrap();
    until(&app, at("2026-11-20T10:00:00Z")).await;
    assert!(
        app.fake.sent_to(c.chair.id).iter().all(|s| !s.text.as_deref().unwrap_or("").starts_with("📚")),
        "no longer chair: withheld"
    );
    let withheld: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'memory%not_chair%'")
        .fetch_one(ctx.db.pool())
        .await
        .unwrap();
    assert!(withheld >= 1, "recorded in the audit trail");
    app.stop().await;
}

/// Every text the chat received after `mark`: messages and captions, in order.
fn texts_since(app: &TestBot, chat: i64, from: usize) -> String {
    app.fake.sent_to(chat).into_iter().skip(from).filter_map(|s| s.text).collect::<Vec<_>>().join("\n")
}

/// The calendar file of the last invitation sent to `chat`, unfolded.
fn last_ics(app: &TestBot, chat: i64) -> String {
    let sent = app
        .fake
        .sent_to(chat)
        .into_iter()
        .rev()
        .find(|s| s.method == "sendDocument" && s.document_name.as_deref().is_some_and(|n| n.ends_with(".ics")))
        .expect("an invitation with its calendar file");
    String::from_utf8(sent.document_bytes.unwrap()).unwrap().replace("\r\n ", "")
}

#[tokio::test]
async fn a_late_action_point_of_october_is_on_novembers_invitation_and_once_carried_on_decembers() {
    let mut app = TestBot::start_with_clock(FakeOptions::default(), ManualClock::new(at("2026-10-01T09:00:00Z"))).await;
    let c = cast(&app).await;
    let en = Language::En;
    let oct = meeting_at(&app, at("2026-10-08T10:00:00Z")).await;
    let nov = meeting_at(&app, at("2026-11-12T10:00:00Z")).await;
    let dec = meeting_at(&app, at("2026-12-10T10:00:00Z")).await;

    // October's minutes: three action points, no follow-up yet (nothing earlier).
    until(&app, at("2026-10-08T11:30:00Z")).await;
    open_minutes(&app, &c.chair, &oct, "PV d'octobre.").await;
    let decisions_q = app
        .send(
            &c.chair,
            "Partager la cartographie — NRC — 20/10/2026\nMettre à jour la liste des contacts — NRC — 25/10/2026\nFormer les moniteurs — UNICEF — 30/10/2026",
        )
        .await;
    assert!(decisions_q.text.unwrap().starts_with(&app.t(en, MemoryMsg::MnAskDecisions.into())));
    // And a decision to review before November's meeting.
    let summary = app.send(&c.chair, "Revoir le plan de réponse; UNHCR; review 01/11/2026").await;
    assert!(!summary.text.unwrap().contains(&app.t(en, MemoryMsg::MnSummaryFollowUp.into())));
    app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    app.settle().await;

    // November's invitation (a week before) carries all three, late, in the text and the .ics.
    let from = app.fake.sent_to(c.nrc.id).len();
    until(&app, at("2026-11-05T10:30:00Z")).await;
    let invitation = texts_since(&app, c.nrc.id, from);
    assert!(invitation.contains(&app.t(en, MemoryMsg::FuHeader.into())), "{invitation}");
    assert!(invitation.contains("📌 Partager la cartographie — NRC — due 20/10/2026 ⏰ late"), "{invitation}");
    assert!(invitation.contains("Former les moniteurs — UNICEF"), "{invitation}");
    assert!(invitation.contains("📚 Revoir le plan de réponse — UNHCR — review 01/11/2026"), "{invitation}");
    let ics = last_ics(&app, c.nrc.id);
    let description = ics.lines().find(|l| l.starts_with("DESCRIPTION")).unwrap_or_default().to_string();
    assert!(description.contains("Partager la cartographie") && description.contains("late"), "{ics}");
    assert!(description.contains("Tour de table"), "the agenda stays first: {description}");
    // In French for a French reader.
    let fr_text = texts_since(&app, c.unicef.id, 0);
    assert!(fr_text.contains("Suivi des réunions précédentes") && fr_text.contains("⏰ en retard"), "{fr_text}");

    // The chair's summary of the answers, the day before, carries it too.
    let chair_from = app.fake.sent_to(c.chair.id).len();
    until(&app, at("2026-11-12T09:30:00Z")).await;
    let to_chair = texts_since(&app, c.chair.id, chair_from);
    let summary_text = to_chair.split("📋 Answers for").nth(1).unwrap_or_else(|| panic!("a summary: {to_chair}"));
    assert!(
        summary_text.contains("Follow-up of earlier meetings:") && summary_text.contains("Partager la cartographie"),
        "{to_chair}"
    );
    // November's minutes: the follow-up is marked point by point.
    until(&app, at("2026-11-12T11:30:00Z")).await;
    let actions_q = open_minutes(&app, &c.chair, &nov, "PV de novembre.").await;
    let decisions_q = app.press_expect_edit(&c.chair, actions_q.message_id, "mn:s").await;
    let follow = app.press_expect_edit(&c.chair, decisions_q.message_id, "mn:ds").await;
    let text = follow.text.clone().unwrap();
    assert!(text.starts_with(&app.t(en, MemoryMsg::FuAsk.into())), "{text}");
    assert!(text.contains("1. ◻️ 📌 Partager la cartographie"), "{text}");
    assert!(text.contains("2. ◻️ 📌 Mettre à jour la liste des contacts"), "{text}");
    assert!(text.contains("3. ◻️ 📌 Former les moniteurs"), "{text}");
    assert!(text.contains("4. ◻️ 📚 Revoir le plan de réponse"), "{text}");
    let expired = app.t(en, MainMsg::ButtonExpired.into());
    // A member who is not the chair presses the chair's buttons: nothing happens.
    let (answer, changed) = app.press(&c.nrc, follow.message_id, "mn:f:1:d").await;
    assert_eq!(refused(&answer), Some(expired.clone()));
    assert!(changed.is_empty());
    // Forged: a place that is not on the list, an outcome that does not exist.
    let (answer, _) = app.press(&c.chair, follow.message_id, "mn:f:9:c").await;
    assert_eq!(refused(&answer), Some(expired.clone()));
    let (answer, _) = app.press(&c.chair, follow.message_id, "mn:f:1:z").await;
    assert!(refused(&answer).is_some(), "an unknown outcome is refused");
    // Continue before everything is marked: told how many are left.
    let (answer, _) = app.press(&c.chair, follow.message_id, "mn:fc").await;
    assert_eq!(refused(&answer), Some(app.t(en, MemoryMsg::FuUnmarked { count: 4 }.into())));
    let marked = app.press_expect_edit(&c.chair, follow.message_id, "mn:f:1:c").await;
    assert!(marked.text.unwrap().contains("1. 🔁 📌 Partager la cartographie"));
    // A restart in the middle loses nothing: the marks live in the dialog's step.
    app.restart().await;
    app.press_expect_edit(&c.chair, follow.message_id, "mn:f:2:x").await;
    app.press_expect_edit(&c.chair, follow.message_id, "mn:f:3:d").await;
    let marked = app.press_expect_edit(&c.chair, follow.message_id, "mn:f:4:d").await;
    let text = marked.text.unwrap();
    assert!(
        text.contains("1. 🔁") && text.contains("2. ✖️") && text.contains("3. ✅") && text.contains("4. ✅"),
        "{text}"
    );
    let summary = app.press_expect_edit(&c.chair, follow.message_id, "mn:fc").await;
    let text = summary.text.clone().unwrap();
    assert!(text.contains(&app.t(en, MemoryMsg::MnSummaryFollowUp.into())) && text.contains("1. 🔁"), "{text}");
    // Nothing recorded before sharing.
    let marks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM follow_ups").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert_eq!(marks, 0);
    app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    app.settle().await;
    let recorded: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.what, f.outcome FROM follow_ups f JOIN action_points a ON a.id = f.action_point_id ORDER BY a.due_date",
    )
    .fetch_all(app.ctx.db.pool())
    .await
    .unwrap();
    assert_eq!(
        recorded,
        [
            ("Partager la cartographie".to_string(), "carried".to_string()),
            ("Mettre à jour la liste des contacts".to_string(), "dropped".to_string()),
            ("Former les moniteurs".to_string(), "done".to_string()),
        ]
    );
    let status: String = sqlx::query_scalar("SELECT status FROM action_points WHERE what = 'Former les moniteurs'")
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap();
    assert_eq!(status, "done");
    let decided: String = sqlx::query_scalar("SELECT outcome FROM follow_ups WHERE decision_id IS NOT NULL")
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap();
    assert_eq!(decided, "done");

    // /actions: the history of each point across meetings.
    let plan = app.send(&c.nrc, "/actions").await.text.unwrap();
    assert!(plan.contains("↳ 12/11/2026: carried again"), "{plan}");
    assert!(plan.contains("↳ 12/11/2026: dropped") && plan.contains("↳ 12/11/2026: done"), "{plan}");

    // December's invitation: the carried point (with its history), not the done nor the dropped.
    let from = app.fake.sent_to(c.nrc.id).len();
    until(&app, at("2026-12-03T10:30:00Z")).await;
    let invitation = texts_since(&app, c.nrc.id, from);
    assert!(
        invitation.contains("Partager la cartographie — NRC — due 20/10/2026 ⏰ late (12/11/2026: carried again)"),
        "{invitation}"
    );
    assert!(!invitation.contains("Former les moniteurs") && !invitation.contains("Mettre à jour"), "{invitation}");
    assert!(!invitation.contains("Revoir le plan de réponse"), "a decision reviewed is settled: {invitation}");
    let ics = last_ics(&app, c.nrc.id);
    assert!(ics.contains("Partager la cartographie") && !ics.contains("Former les moniteurs"), "{ics}");
    let _ = dec;
    app.stop().await;
}

#[tokio::test]
async fn observers_kept_out_of_a_mechanism_get_its_invitation_without_the_follow_up() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(711, "Mariam").language("en");
    let member = FakeUser::new(712, "Jon").language("en");
    let observer = FakeUser::new(713, "Marc").language("en");
    app.member(&chair, "UNHCR", "GCS", Role::Chair).await;
    app.member(&member, "NRC", "GCS", Role::Focal).await;
    app.member(&observer, "CICR", "GCS", Role::Focal).await;
    let gcs = membership::mechanism(&app.ctx, "GCS").await.unwrap();
    let draft = |starts_at| MeetingDraft {
        mechanism_id: gcs.id,
        starts_at,
        duration_minutes: 60,
        place: None,
        agenda: Some("1. Stratégie".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let now = app.clock.now();
    let first =
        meetings_svc::create(&app.ctx, Actor::CommandLine, draft(now + Duration::days(3))).await.unwrap().remove(0);
    meetings_svc::create(&app.ctx, Actor::CommandLine, draft(now + Duration::days(20))).await.unwrap();
    until(&app, first.ends_at() + Duration::minutes(5)).await;
    let content = cluster_bot::services::minutes::MinutesContent::Text("PV".into());
    cluster_bot::services::minutes::share(
        &app.ctx,
        Actor::CommandLine,
        first.id,
        &content,
        Some("Note d'accès — NRC — 06/11/2026"),
    )
    .await
    .unwrap();
    let (m_from, o_from) = (app.fake.sent_to(member.id).len(), app.fake.sent_to(observer.id).len());
    until(&app, now + Duration::days(14)).await;
    let to_member = texts_since(&app, member.id, m_from);
    let to_observer = texts_since(&app, observer.id, o_from);
    assert!(to_member.contains("Note d'accès — NRC — due 06/11/2026"), "{to_member}");
    assert!(to_observer.contains("Stratégie"), "the observer is invited: {to_observer}");
    assert!(!to_observer.contains("Note d'accès") && !last_ics(&app, observer.id).contains("Note d"), "{to_observer}");
    app.stop().await;
}
