//! The only place teloxide appears. One folder per feature (its dialog, buttons, scheduled
//! messages), the pieces they share below them (`shared`), the router that maps an update to
//! its feature, the one delivery path for scheduled messages, and the bot's start and stop.
//! See ARCHITECTURE.md.

pub mod admin;
pub mod alerts;
pub mod calendar;
pub mod charts;
pub mod decisions;
pub mod delivery;
pub mod forget;
pub mod library;
pub mod meetings;
pub mod membership;
pub mod minutes;
pub mod readable;
pub mod report;
pub mod reuse;
pub mod review;
pub mod router;
pub mod service;
pub mod shared;
pub mod situation;
pub mod tour;

use crate::http::HttpServer;
use crate::i18n::I18n;
use crate::scheduler::pacer::{Limits, Pacer};
use crate::scheduler::{Scheduler, SchedulerHandle, SchedulerOptions};
use crate::services::Ctx;
use crate::storage::settings;
pub use shared::App;
use shared::menu;
use shared::state::{DialogueStore, State};
use std::sync::Arc;
use std::time::Duration;
use teloxide::dispatching::ShutdownToken;
use teloxide::dispatching::{UpdateHandler, dialogue};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::update_listeners::Polling;
use url::Url;

/// The handler tree: messages and button presses, both inside the persisted dialogue.
pub fn schema() -> UpdateHandler<shared::HandlerError> {
    use shared::{App, BotDialogue, guard};
    use teloxide::types::Me;
    dialogue::enter::<Update, DialogueStore, State, _>()
        .branch(Update::filter_message().endpoint(
            |bot: Bot, msg: Message, me: Me, d: BotDialogue, app: App, u: Update| async move {
                let sender = guard::Sender::of_message(&msg);
                let handled = router::on_message(bot.clone(), msg, me, d, app.clone());
                service::timed(&app, u.id, "message", guard::guarded(&app, &bot, sender, handled)).await
            },
        ))
        .branch(Update::filter_callback_query().endpoint(
            |bot: Bot, q: CallbackQuery, d: BotDialogue, app: App, u: Update| async move {
                let sender = guard::Sender::of_query(&q);
                let handled = router::on_callback(bot.clone(), q, d, app.clone());
                service::timed(&app, u.id, "callback_query", guard::guarded(&app, &bot, sender, handled)).await
            },
        ))
}

pub struct BotOptions {
    pub token: String,
    pub api_url: Option<Url>,
    /// Long-polling timeout (Telegram holds getUpdates this long when idle).
    pub poll_timeout: Duration,
    pub scheduler: SchedulerOptions,
    pub limits: Limits,
    /// How long one Bot API request may take (it must exceed `poll_timeout`).
    pub request_timeout: Duration,
    /// The HTTP server (health, metrics, calendar feeds, and the webhook when set).
    pub http: Option<HttpOptions>,
    /// While Bot API calls fail, how often getMe is asked to notice the recovery.
    pub probe_every: Duration,
    /// Public base address of the HTTP server, for the calendar feed links of /calendar.
    pub public_url: Option<Url>,
}

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub listen: std::net::SocketAddr,
    /// Webhook mode: Telegram POSTs updates to this public URL (its path is served here).
    pub webhook_url: Option<Url>,
    pub readiness: crate::observability::ReadinessOptions,
    /// `CLUSTER_METRICS_TOKEN` (see `crate::http::HttpState`).
    pub metrics_token: Option<String>,
}

impl BotOptions {
    pub fn new(token: String, api_url: Option<Url>) -> Self {
        let mut scheduler = SchedulerOptions::default();
        // The monthly 4W reporting cycle.
        scheduler.cron.push(
            crate::scheduler::CronRule::fourw_cycle(crate::services::reports::DEFAULT_CYCLE_CRON)
                .expect("valid default"),
        );
        // The monthly digest to the coordinators.
        scheduler.cron.push(
            crate::scheduler::CronRule::monthly_digest(crate::scheduler::DEFAULT_DIGEST_CRON).expect("valid default"),
        );
        Self {
            token,
            api_url,
            poll_timeout: Duration::from_secs(25),
            scheduler,
            limits: Limits::default(),
            request_timeout: Duration::from_secs(45),
            http: None,
            probe_every: Duration::from_secs(15),
            public_url: None,
        }
    }
}

pub fn make_bot(token: &str, api_url: Option<&Url>, timeout: Duration) -> Bot {
    let client = teloxide::net::default_reqwest_settings().timeout(timeout).build().unwrap_or_default();
    let bot = Bot::with_client(token, client);
    match api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}

/// A running bot: stop it with `shutdown`.
pub struct RunningBot {
    token: ShutdownToken,
    task: tokio::task::JoinHandle<()>,
    scheduler: SchedulerHandle,
    http: Option<HttpServer>,
    probe: tokio::task::JoinHandle<()>,
}

impl RunningBot {
    pub fn shutdown_token(&self) -> ShutdownToken {
        self.token.clone()
    }

    /// The address the HTTP server listens on, when there is one.
    pub fn http_addr(&self) -> Option<std::net::SocketAddr> {
        self.http.as_ref().map(|h| h.addr)
    }

    /// Stops receiving updates, lets handlers in flight finish, and waits for the end.
    pub async fn shutdown(self) {
        loop {
            // Only ask: awaiting the returned future can miss the dispatcher's signal if it
            // finishes first (teloxide 0.17); the dispatcher task ending is what counts.
            match self.token.shutdown() {
                Ok(_asked) => break,
                // Not yet started: wait a moment and try again.
                Err(_) if !self.task.is_finished() => tokio::time::sleep(Duration::from_millis(20)).await,
                Err(_) => break,
            }
        }
        self.wait().await;
    }

    /// Resolves when the dispatcher, the scheduler or the HTTP server has ended before being
    /// asked to stop, with which one and how: the process must then exit (non-zero) so that
    /// its supervisor starts it again. Not to be awaited again once it has resolved.
    pub async fn ended(&mut self) -> String {
        let dispatcher = async {
            match (&mut self.task).await {
                Ok(()) => "the dispatcher stopped receiving updates".to_string(),
                Err(e) if e.is_panic() => "the dispatcher panicked".to_string(),
                Err(_) => "the dispatcher was cancelled".to_string(),
            }
        };
        let http = async {
            match self.http.as_mut() {
                Some(h) => h.ended().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            why = dispatcher => why,
            why = self.scheduler.ended() => why,
            why = http => why,
        }
    }

    /// Stops at once, as a crash would: nothing in flight is finished or acknowledged.
    pub fn abort(self) {
        self.task.abort();
        self.scheduler.abort();
        self.probe.abort();
        if let Some(http) = self.http {
            http.abort();
        }
    }

    /// Waits until the dispatcher stops (after its shutdown token was used), then stops
    /// the scheduler and the HTTP server. The webhook stays registered: Telegram keeps the updates that arrive meanwhile (the
    /// stopped listener answers 503) and delivers them after the next start.
    pub async fn wait(self) {
        let _ = self.task.await;
        tracing::debug!("dispatcher stopped");
        self.scheduler.shutdown().await;
        tracing::debug!("scheduler stopped");
        self.probe.abort();
        if let Some(http) = self.http {
            http.shutdown().await;
        }
    }
}

/// Connects to the Bot API (retrying while it is unreachable), publishes the menus and
/// starts the dispatcher in the background.
pub async fn start(opts: BotOptions, ctx: Ctx, i18n: Arc<I18n>) -> anyhow::Result<RunningBot> {
    let bot = make_bot(
        &opts.token,
        opts.api_url.as_ref(),
        opts.request_timeout.max(opts.poll_timeout + Duration::from_secs(5)),
    );
    let mut delay = Duration::from_millis(500);
    let me = loop {
        match bot.get_me().await {
            Ok(me) => break me,
            Err(teloxide::RequestError::Api(e)) => {
                anyhow::bail!("the Bot API refused the token: {e}")
            }
            Err(e) => {
                tracing::warn!(error = %e, retry_in = ?delay, "Bot API unreachable; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    };
    tracing::info!(username = %me.username(), "connected to the Bot API");
    settings::set(&ctx.db, settings::BOT_USERNAME, me.username()).await?;
    if let Err(e) = menu::publish_defaults(&bot, &i18n).await {
        tracing::warn!(error = %e, "could not publish the default command menu");
    }
    let store = DialogueStore::new(ctx.db.clone(), ctx.clock.clone());
    let pacer = Arc::new(Pacer::new(opts.limits));
    let app = App { ctx, i18n, public_url: opts.public_url.clone(), pacer: pacer.clone() };
    let runner = Arc::new(delivery::TelegramRunner {
        app: app.clone(),
        bot: bot.clone(),
        spacing: Arc::new(crate::scheduler::spacing::Spacing::for_limits(&opts.limits)),
        pacer,
    });
    let scheduler = Scheduler::new(app.ctx.clone(), runner, opts.scheduler).spawn().await?;
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema())
        .dependencies(dptree::deps![app.clone(), store])
        .default_handler(|_| async {})
        .error_handler(shared::guard::quiet_errors())
        .build();
    let token = dispatcher.shutdown_token();
    let probe = service::spawn_probe(bot.clone(), app.ctx.clone(), opts.probe_every);
    let routes = |h: &HttpOptions| {
        crate::http::router(crate::http::HttpState {
            ctx: app.ctx.clone(),
            readiness: h.readiness,
            metrics_token: h.metrics_token.clone(),
        })
    };
    let (task, http) = match &opts.http {
        Some(h @ HttpOptions { webhook_url: Some(url), .. }) => {
            // The server listens before Telegram is told where to send updates.
            let hook = service::webhook(url, h.listen, &app.ctx);
            let server = HttpServer::bind(h.listen, routes(h).merge(hook.router)).await?;
            server.stop_when(hook.stopped);
            service::register(&bot, url, &hook.secret).await?;
            let listener = readable::Readable::new(hook.listener, app.ctx.clone());
            let task = tokio::spawn(async move {
                dispatcher
                    .dispatch_with_listener(listener, LoggingErrorHandler::with_custom_text("webhook failed"))
                    .await;
            });
            (task, Some(server))
        }
        other => {
            let server = match other {
                Some(h) => Some(HttpServer::bind(h.listen, routes(h)).await?),
                None => None,
            };
            // A webhook left by an earlier run in webhook mode would refuse getUpdates.
            let polling = Polling::builder(bot).timeout(opts.poll_timeout).delete_webhook().await.build();
            let listener = readable::Readable::new(polling, app.ctx.clone());
            let errors = service::polling_errors(app.ctx.clone());
            let task = tokio::spawn(async move {
                dispatcher.dispatch_with_listener(listener, errors).await;
            });
            (task, server)
        }
    };
    Ok(RunningBot { token, task, scheduler, http, probe })
}
