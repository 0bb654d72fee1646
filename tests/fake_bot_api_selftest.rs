//! Self-test of the fake Telegram Bot API server against a real teloxide `Bot`.

use crate::fake_bot_api;

use std::time::Duration;

use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser, Outcome};
use teloxide::dispatching::UpdateFilterExt;
use teloxide::payloads::{GetUpdatesSetters, SendDocumentSetters, SendMessageSetters};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, MessageEntityKind, MessageId, ParseMode,
    UpdateKind,
};
use teloxide::{ApiError, RequestError};

const T: Duration = Duration::from_secs(10);

async fn setup(options: FakeOptions) -> (FakeBotApi, Bot) {
    let server = FakeBotApi::start(options).await;
    let bot = Bot::new("123:TEST").set_api_url(server.url());
    (server, bot)
}

fn keyboard(data: &str) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[InlineKeyboardButton::callback("Press", data)]])
}

#[tokio::test]
async fn basic_methods_roundtrip() {
    let (server, bot) = setup(FakeOptions::default()).await;
    assert!(server.url().as_str().starts_with("http://127.0.0.1:"));

    let me = bot.get_me().await.unwrap();
    assert_eq!(me.username(), "cluster_test_bot");
    assert!(me.user.is_bot);

    let m1 = bot
        .send_message(ChatId(42), "<b>hello</b>")
        .parse_mode(ParseMode::Html)
        .protect_content(true)
        .reply_markup(keyboard("k:1"))
        .await
        .unwrap();
    let m2 = bot.send_message(ChatId(42), "second").await.unwrap();
    let other = bot.send_message(ChatId(7), "other chat").await.unwrap();
    assert_eq!((m1.id, m2.id, other.id), (MessageId(1), MessageId(2), MessageId(1)));
    assert_eq!(m1.text(), Some("<b>hello</b>"));
    assert_eq!(m1.chat.id, ChatId(42));
    assert!(m1.from.as_ref().unwrap().is_bot);
    assert_eq!(m1.reply_markup(), Some(&keyboard("k:1")));

    let sent = server.sent_to(42);
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].method, "sendMessage");
    assert_eq!(sent[0].parse_mode.as_deref(), Some("HTML"));
    assert!(sent[0].protect_content);
    assert_eq!(sent[0].button_data(), vec!["k:1".to_string()]);
    assert_eq!(sent[1].text.as_deref(), Some("second"));

    // edits
    let edited = bot.edit_message_text(ChatId(42), m1.id, "edited").await.unwrap();
    assert_eq!(edited.text(), Some("edited"));
    assert_eq!(edited.reply_markup(), None, "editMessageText without markup drops the keyboard");
    let again = bot.edit_message_text(ChatId(42), m1.id, "edited").await;
    assert!(matches!(again, Err(RequestError::Api(ApiError::MessageNotModified))), "{again:?}");
    let marked = bot.edit_message_reply_markup(ChatId(42), m1.id).reply_markup(keyboard("k:2")).await.unwrap();
    assert_eq!(marked.reply_markup(), Some(&keyboard("k:2")));
    let missing = bot.edit_message_text(ChatId(42), MessageId(99), "x").await;
    assert!(matches!(missing, Err(RequestError::Api(ApiError::MessageToEditNotFound))), "{missing:?}");

    // delete
    bot.delete_message(ChatId(42), m2.id).await.unwrap();
    let twice = bot.delete_message(ChatId(42), m2.id).await;
    assert!(matches!(twice, Err(RequestError::Api(ApiError::MessageToDeleteNotFound))), "{twice:?}");
    assert!(server.bot_message(42, 2).is_none());

    // commands, menu button, an unknown method
    assert!(bot.get_my_commands().await.unwrap().is_empty());
    bot.set_my_commands([BotCommand::new("start", "Start")]).await.unwrap();
    assert_eq!(bot.get_my_commands().await.unwrap(), vec![BotCommand::new("start", "Start")]);
    bot.delete_my_commands().await.unwrap();
    assert!(bot.get_my_commands().await.unwrap().is_empty());
    bot.set_chat_menu_button().await.unwrap();
    bot.send_chat_action(ChatId(42), teloxide::types::ChatAction::Typing).await.unwrap();

    let methods: Vec<String> = server.requests().into_iter().map(|r| r.method).collect();
    for m in [
        "getMe",
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "setMyCommands",
        "deleteMyCommands",
        "getMyCommands",
        "setChatMenuButton",
        "sendChatAction",
    ] {
        assert!(methods.iter().any(|x| x == m), "{m} not recorded in {methods:?}");
    }
    assert_eq!(server.delivered_count(), 3);
    assert_eq!(server.delivered_per_chat()[&42], 2);
    assert!(server.duplicate_deliveries().is_empty());
    bot.send_message(ChatId(7), "other chat").await.unwrap();
    assert_eq!(server.duplicate_deliveries(), vec![(7, "other chat".to_string(), 2)]);
    server.shutdown().await;
}

#[tokio::test]
async fn send_document_multipart() {
    let (server, bot) = setup(FakeOptions::default()).await;
    let data = b"name,time\nalice,10:00\n".to_vec();
    let msg = bot
        .send_document(ChatId(5), InputFile::memory(data.clone()).file_name("report \"1\".csv"))
        .caption("Your report")
        .protect_content(true)
        .reply_markup(keyboard("doc"))
        .await
        .unwrap();
    let doc = msg.document().expect("document message");
    assert_eq!(doc.file_name.as_deref(), Some("report \"1\".csv"));
    assert_eq!(doc.file.size as usize, data.len());
    assert_eq!(msg.caption(), Some("Your report"));

    let rec = server.requests_for("sendDocument").pop().unwrap();
    assert!(rec.is_ok());
    assert_eq!(rec.chat_id(), Some(5));
    assert_eq!(rec.params["protect_content"], serde_json::json!(true));
    assert_eq!(rec.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "doc");
    assert_eq!(rec.files.len(), 1);
    assert_eq!(rec.files[0].field, "document");
    assert_eq!(rec.files[0].bytes, data);

    let sent = &server.sent_to(5)[0];
    assert_eq!(sent.text.as_deref(), Some("Your report"));
    assert_eq!(sent.document_name.as_deref(), Some("report \"1\".csv"));
    assert_eq!(sent.document_bytes.as_deref(), Some(&data[..]));
    assert!(sent.protect_content);

    // re-send by file_id: no upload, same file
    let again = bot.send_document(ChatId(6), InputFile::file_id(doc.file.id.clone())).await.unwrap();
    assert_eq!(again.document().unwrap().file.id, doc.file.id);
    let rec = server.requests_for("sendDocument").pop().unwrap();
    assert!(rec.files.is_empty());
    assert_eq!(rec.str_param("document"), Some(doc.file.id.0.as_str()));
    let sent = &server.sent_to(6)[0];
    assert_eq!(sent.document_file_id.as_deref(), Some(doc.file.id.0.as_str()));
    assert_eq!(sent.document_name.as_deref(), Some("report \"1\".csv"));
    assert!(sent.document_bytes.is_none());
}

#[tokio::test]
async fn get_updates_long_polling_and_offsets() {
    let (server, bot) = setup(FakeOptions::default()).await;
    let user = FakeUser::new(1001, "Alice").username("alice").language("ru");

    // timeout expires without updates
    let started = tokio::time::Instant::now();
    assert!(bot.get_updates().timeout(1).await.unwrap().is_empty());
    assert!(started.elapsed() >= Duration::from_millis(900));

    // an injected update wakes a pending long poll early
    let poll = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(8).await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = tokio::time::Instant::now();
    let id1 = server.send_text(&user, "/start CODE42");
    let updates = poll.await.unwrap().unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].id.0 as i64, id1);
    let UpdateKind::Message(msg) = &updates[0].kind else { panic!("{updates:?}") };
    assert_eq!(msg.text(), Some("/start CODE42"));
    assert_eq!(msg.chat.id, ChatId(1001));
    let from = msg.from.as_ref().unwrap();
    assert_eq!((from.username.as_deref(), from.language_code.as_deref()), (Some("alice"), Some("ru")));
    let entities = msg.entities().unwrap();
    assert_eq!(entities[0].kind, MessageEntityKind::BotCommand);
    assert_eq!((entities[0].offset, entities[0].length), (0, 6));

    // not confirmed yet: returned again; offset confirms; limit honoured
    let id2 = server.send_text(&user, "two");
    let id3 = server.send_text(&user, "three");
    assert_eq!(bot.get_updates().await.unwrap().len(), 3);
    let batch = bot.get_updates().offset((id1 + 1) as i32).limit(1).await.unwrap();
    assert_eq!(batch.len(), 1);
    assert_eq!(batch[0].id.0 as i64, id2);
    assert_eq!(server.pending_updates(), 2);
    assert!(bot.get_updates().offset((id3 + 1) as i32).await.unwrap().is_empty());
    assert_eq!(server.pending_updates(), 0);

    // a long poll returns promptly on shutdown
    let poll = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(8).await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = tokio::time::Instant::now();
    server.shutdown().await;
    let _ = poll.await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn dispatcher_echo_and_callback() {
    let (server, bot) = setup(FakeOptions::default()).await;
    let handler = dptree::entry()
        .branch(Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
            let text = msg.text().unwrap_or_default();
            let is_cmd = msg.entities().is_some_and(|e| e.iter().any(|e| e.kind == MessageEntityKind::BotCommand));
            bot.send_message(msg.chat.id, format!("echo: {text} (command: {is_cmd})"))
                .reply_markup(keyboard("btn:1"))
                .await?;
            Ok::<_, RequestError>(())
        }))
        .branch(Update::filter_callback_query().endpoint(|bot: Bot, q: CallbackQuery| async move {
            bot.answer_callback_query(q.id.clone()).text("ok").await?;
            if let Some(msg) = q.regular_message() {
                let data = q.data.clone().unwrap_or_default();
                bot.edit_message_text(msg.chat.id, msg.id, format!("pressed {data} on: {}", msg.text().unwrap_or("")))
                    .await?;
            }
            Ok(())
        }));
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let stop = dispatcher.shutdown_token();
    let task = tokio::spawn(async move { dispatcher.dispatch().await });

    let user = FakeUser::new(555, "Bob").last_name("Builder");
    server.send_text(&user, "/start CODE");
    let echo = server.wait_for_message_to(555, "echo: /start CODE (command: true)", T).await.unwrap();
    server.send_text(&user, "plain words");
    server.wait_for_message_to(555, "echo: plain words (command: false)", T).await.unwrap();

    let mark = server.mark();
    server.press_button(&user, echo.message_id, "btn:1");
    let answer = server.wait_for(|r| r.seq >= mark && r.method == "answerCallbackQuery", T).await.unwrap();
    assert!(answer.is_ok(), "{answer:?}");
    assert_eq!(answer.str_param("text"), Some("ok"));
    let edit = server.wait_for_message_to(555, "pressed btn:1 on: echo: /start CODE", T).await.unwrap();
    assert_eq!((edit.method.as_str(), edit.message_id), ("editMessageText", echo.message_id));

    stop.shutdown().expect("dispatcher running").await;
    task.await.unwrap();
    assert_eq!(server.pending_updates(), 0, "graceful stop confirms processed updates");
    assert!(server.wait_for(|r| r.method == "getMe", T).await.is_ok());
    assert!(server.wait_for(|r| r.method == "sendPhoto", Duration::from_millis(50)).await.is_err());
}

#[tokio::test]
async fn rate_limits_answer_429() {
    let options = FakeOptions { enforce_limits: true, global_per_sec: 3, ..FakeOptions::default() };
    let (server, bot) = setup(options).await;
    bot.send_message(ChatId(1), "a").await.unwrap();
    let second = bot.send_message(ChatId(1), "b").await;
    assert!(matches!(second, Err(RequestError::RetryAfter(s)) if s.seconds() == 1), "{second:?}");
    // edits don't count
    bot.edit_message_text(ChatId(1), MessageId(1), "a2").await.unwrap();
    bot.send_message(ChatId(2), "c").await.unwrap();
    bot.send_message(ChatId(3), "d").await.unwrap();
    let global = bot.send_message(ChatId(4), "e").await;
    assert!(matches!(global, Err(RequestError::RetryAfter(_))), "{global:?}");
    assert_eq!(server.too_many_requests_count(), 2);
    assert_eq!(server.delivered_count(), 3);
    let rec = server.requests_for("sendMessage").into_iter().find(|r| !r.is_ok()).unwrap();
    assert!(matches!(rec.outcome, Outcome::Error { http_status: 429, retry_after: Some(1), .. }));

    tokio::time::sleep(Duration::from_millis(1050)).await;
    bot.send_message(ChatId(1), "b").await.unwrap();
    assert_eq!(server.delivered_count_to(1), 2);
}

#[tokio::test]
async fn faults_502_every_nth_and_blocked_chat() {
    let options = FakeOptions { fail_every_nth_send: Some(2), blocked_chats: vec![66], ..FakeOptions::default() };
    let (server, bot) = setup(options).await;

    bot.send_message(ChatId(1), "first").await.unwrap();
    let started = tokio::time::Instant::now();
    let failed = bot.send_message(ChatId(1), "second").await;
    assert!(matches!(&failed, Err(RequestError::Api(ApiError::Unknown(d))) if d == "Bad Gateway"), "{failed:?}");
    // teloxide sleeps 10 s after any 5xx: the status really was 502
    assert!(started.elapsed() >= Duration::from_secs(9));
    let rec = server.requests_for("sendMessage").pop().unwrap();
    assert!(matches!(rec.outcome, Outcome::Error { http_status: 502, error_code: 502, .. }));
    bot.send_message(ChatId(1), "third").await.unwrap();
    assert_eq!(server.delivered_count(), 2);

    // blocked and missing chats; runtime switch-off of the 502 injection
    server.set_fail_every_nth_send(None);
    let blocked = bot.send_message(ChatId(66), "hi").await;
    assert!(matches!(blocked, Err(RequestError::Api(ApiError::BotBlocked))), "{blocked:?}");
    server.set_chat_not_found(77);
    let missing = bot.send_message(ChatId(77), "hi").await;
    assert!(matches!(missing, Err(RequestError::Api(ApiError::ChatNotFound))), "{missing:?}");
    server.unblock_chat(66);
    bot.send_message(ChatId(66), "hi").await.unwrap();
    assert_eq!(server.requests_for("sendMessage").iter().filter(|r| r.error_code() == Some(403)).count(), 1);
}

#[tokio::test]
async fn delay_and_unreachable() {
    let (server, bot) = setup(FakeOptions::default()).await;
    let client = teloxide::net::default_reqwest_settings().timeout(Duration::from_millis(500)).build().unwrap();
    let impatient = Bot::with_client("123:TEST", client).set_api_url(server.url());

    server.set_response_delay(Duration::from_secs(2));
    let timed_out = impatient.send_message(ChatId(9), "slow").await;
    assert!(matches!(timed_out, Err(RequestError::Network(_))), "{timed_out:?}");
    assert_eq!(server.delivered_count_to(9), 1, "processed even though the answer was late");
    server.set_response_delay(Duration::ZERO);

    server.set_unreachable(true);
    let fresh = Bot::new("123:TEST").set_api_url(server.url());
    let down = fresh.send_message(ChatId(9), "down").await;
    assert!(matches!(down, Err(RequestError::Network(_))), "{down:?}");
    server.set_unreachable(false);
    fresh.send_message(ChatId(9), "up").await.unwrap();
    assert_eq!(server.delivered_count_to(9), 2);
    drop(bot);
}

#[tokio::test]
async fn telegram_length_limits_are_enforced() {
    let (server, bot) = setup(FakeOptions::default()).await;
    // 4,096 UTF-16 units pass; one more is refused. "é" is one unit, "😀" two.
    bot.send_message(ChatId(9), "é".repeat(4096)).await.unwrap();
    let too_long = bot.send_message(ChatId(9), "é".repeat(4097)).await.unwrap_err();
    assert!(matches!(too_long, RequestError::Api(ApiError::MessageIsTooLong)), "{too_long:?}");
    let emoji = bot.send_message(ChatId(9), "😀".repeat(2049)).await.unwrap_err();
    assert!(matches!(emoji, RequestError::Api(ApiError::MessageIsTooLong)), "{emoji:?}");
    let empty = bot.send_message(ChatId(9), "  ").await.unwrap_err();
    assert!(matches!(empty, RequestError::Api(ApiError::MessageTextIsEmpty)), "{empty:?}");

    // Captions: 1,024 units.
    let doc = bot
        .send_document(ChatId(9), InputFile::memory(b"x".to_vec()).file_name("a.txt"))
        .caption("c".repeat(1024))
        .await
        .unwrap();
    let long_caption = bot
        .send_document(ChatId(9), InputFile::memory(b"x".to_vec()).file_name("a.txt"))
        .caption("c".repeat(1025))
        .await
        .unwrap_err();
    assert!(format!("{long_caption:?}").contains("caption is too long"), "{long_caption:?}");

    // Edits obey the same limits.
    let msg = bot.send_message(ChatId(9), "short").await.unwrap();
    let edit = bot.edit_message_text(ChatId(9), msg.id, "é".repeat(4097)).await.unwrap_err();
    assert!(matches!(edit, RequestError::Api(ApiError::MessageIsTooLong)), "{edit:?}");
    let cap = bot.edit_message_caption(ChatId(9), doc.id).caption("c".repeat(1025)).await.unwrap_err();
    assert!(format!("{cap:?}").contains("caption is too long"), "{cap:?}");
    // Nothing refused was recorded as sent.
    assert_eq!(server.sent_to(9).iter().filter(|s| s.method.starts_with("send")).count(), 3);
}

#[tokio::test]
async fn a_document_sent_by_a_user_is_fetched_with_get_file_and_downloaded() {
    use teloxide::net::Download;
    let (server, bot) = setup(FakeOptions::default()).await;
    let user = FakeUser::new(77, "Awa");
    let bytes = b"PK\x03\x04 a workbook".to_vec();
    let file_id = server.send_document(&user, "4W.xlsx", "application/vnd.ms-excel", bytes.clone());
    let updates = bot.get_updates().timeout(1).await.unwrap();
    let UpdateKind::Message(msg) = &updates[0].kind else { panic!("a message") };
    let doc = msg.document().expect("a document");
    assert_eq!((doc.file.id.0.as_str(), doc.file_name.as_deref()), (file_id.as_str(), Some("4W.xlsx")));
    assert_eq!(doc.file.size as usize, bytes.len());
    let file = bot.get_file(doc.file.id.clone()).await.unwrap();
    let mut got = Vec::new();
    bot.download_file(&file.path, &mut got).await.unwrap();
    assert_eq!(got, bytes);
    assert_eq!(server.downloads(), vec![file.path]);
    let unknown = bot.get_file(teloxide::types::FileId("nope".into())).await;
    assert!(matches!(unknown, Err(RequestError::Api(_))), "{unknown:?}");
}
