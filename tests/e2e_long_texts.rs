//! Long texts and refused deliveries end to end, through the fake Bot API server (which
//! refuses a text over 4,096 UTF-16 units and a caption over 1,024, as Telegram does):
//! minutes and an invitation too long for one message arrive split, in order, every piece
//! within the limit; a delivery Telegram refuses for a reason other than the person makes
//! the chair receive one notice for the whole broadcast, and a blocked person does not.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Meeting, Role};
use cluster_bot::services::dispatch::NOTICE_DELAY_MINUTES;
use cluster_bot::services::meetings::{self as meetings_svc, Actor, MeetingDraft};
use cluster_bot::services::membership;
use cluster_bot::services::minutes::{self as minutes_svc, MinutesContent};
use fake_bot_api::{CAPTION_LIMIT, FakeUser, SentMessage, TEXT_LIMIT};
use harness::TestBot;

struct Cast {
    chair: FakeUser,
    nrc: FakeUser,
    irc: FakeUser,
    cicr: FakeUser,
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(100, "Chair").language("en"),
        nrc: FakeUser::new(201, "Awa").language("fr"),
        irc: FakeUser::new(301, "Issa").language("en"),
        cicr: FakeUser::new(401, "Claire").language("fr"),
    };
    app.member(&c.chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&c.nrc, "NRC", "CPN", Role::Focal).await;
    app.member(&c.irc, "IRC", "CPN", Role::Focal).await;
    app.member(&c.cicr, "CICR", "CPN", Role::Focal).await;
    c
}

async fn meeting(app: &TestBot, ahead: Duration, agenda: &str) -> Meeting {
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + ahead,
        duration_minutes: 60,
        place: Some("Bureau UNHCR, Bamako".into()),
        agenda: Some(agenda.into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    meetings_svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0)
}

fn units(s: &SentMessage) -> usize {
    s.text.as_deref().unwrap_or_default().encode_utf16().count()
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[tokio::test]
async fn emoji_heavy_minutes_and_invitations_arrive_split_every_piece_within_the_limit() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    // An agenda of 1,500 characters, all emoji: 3,000 UTF-16 units, far over a caption.
    let agenda = "📄".repeat(1500);
    let m = meeting(&app, Duration::days(3), &agenda).await;
    app.settle().await;
    for u in [&c.nrc, &c.irc] {
        let sent = app.fake.sent_to(u.id);
        let doc = sent.iter().position(|s| s.method == "sendDocument").expect("the invitation with its .ics");
        assert!(units(&sent[doc]) <= CAPTION_LIMIT, "the caption fits");
        assert!(sent[doc].reply_markup.is_some(), "the answer buttons are on it");
        let rest: Vec<&SentMessage> = sent[doc + 1..].iter().filter(|s| s.method == "sendMessage").collect();
        assert!(!rest.is_empty(), "the rest of the text follows");
        assert!(rest.iter().all(|s| units(s) <= TEXT_LIMIT));
        let whole: String =
            std::iter::once(&sent[doc]).chain(rest.iter().copied()).filter_map(|s| s.text.clone()).collect();
        assert_eq!(count(&whole, "📄"), 1500, "nothing of the agenda is lost");
    }

    // Minutes of 3,500 characters, mostly emoji: over 4,096 units with their heading.
    app.advance(Duration::days(3) + Duration::hours(2));
    app.settle().await;
    let body: String = (0..50).map(|i| format!("{i:02} {}\n", "✅📄".repeat(33))).collect();
    assert!(body.encode_utf16().count() > TEXT_LIMIT && body.chars().count() <= 3500);
    let before = app.fake.mark();
    minutes_svc::share(&app.ctx, Actor::CommandLine, m.id, &MinutesContent::Text(body.clone()), None).await.unwrap();
    app.settle().await;
    let mut to_nrc: Vec<SentMessage> = app.fake.sent_to(c.nrc.id);
    to_nrc.retain(|s| s.text.as_deref().is_some_and(|t| t.contains("📄") && t.contains("✅")));
    let minutes: Vec<&SentMessage> = to_nrc.iter().filter(|s| s.protect_content).collect();
    assert!(minutes.len() >= 2, "split in {} pieces", minutes.len());
    assert!(minutes.iter().all(|s| units(s) <= TEXT_LIMIT), "every piece within 4,096 units");
    let whole: String = minutes.iter().filter_map(|s| s.text.clone()).collect::<Vec<_>>().join("\n");
    assert_eq!(count(&whole, "📄"), 50 * 33);
    assert!(whole.find("00 ").unwrap() < whole.find("49 ").unwrap(), "in order");
    // Nothing was refused for its length along the way.
    let refused = app.fake.requests().into_iter().filter(|r| r.error_code() == Some(400)).count();
    assert_eq!(refused, 0, "since mark {before}");
    app.stop().await;
}

#[tokio::test]
async fn a_refused_delivery_is_told_to_the_chair_once_per_broadcast_and_a_block_is_not() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    app.fake.set_chat_not_found(c.irc.id);
    app.fake.set_chat_not_found(c.cicr.id);
    app.fake.block_chat(c.nrc.id);
    meeting(&app, Duration::days(3), "1. Tour de table").await;
    app.settle().await;
    // The notice waits for the rest of the broadcast.
    let notice = |s: &SentMessage| s.text.as_deref().is_some_and(|t| t.contains("could not be delivered"));
    assert!(!app.fake.sent_to(c.chair.id).iter().any(notice));
    app.advance(Duration::minutes(NOTICE_DELAY_MINUTES));
    app.settle().await;
    let notices: Vec<SentMessage> = app.fake.sent_to(c.chair.id).into_iter().filter(|s| notice(s)).collect();
    assert_eq!(notices.len(), 1, "one notice for the broadcast: {notices:?}");
    let text = notices[0].text.clone().unwrap();
    assert!(text.starts_with("⚠️ 2 messages (invitation, "), "{text}");
    assert!(text.contains("the chat does not exist") && text.contains("CICR, IRC"), "{text}");
    assert!(!text.contains("NRC"), "a block is not a refusal: {text}");
    // The blocked person is reported as before, on its own.
    assert!(app.fake.sent_to(c.chair.id).iter().any(|s| s.text.as_deref().is_some_and(|t| t.contains("blocked"))));
    // Later refusals of the same broadcast do not make another notice.
    app.advance(Duration::hours(1));
    app.settle().await;
    assert_eq!(app.fake.sent_to(c.chair.id).into_iter().filter(|s| notice(s)).count(), 1);
    app.stop().await;
}
