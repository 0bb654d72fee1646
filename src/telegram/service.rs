//! Running as a service: the webhook (registered with a random secret token; requests without
//! it are refused with 403), the time taken by every update, and the Bot API's health (polling
//! errors, and a probe that notices when it answers again).

use super::shared::App;
use crate::services::Ctx;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use teloxide::prelude::*;
use teloxide::update_listeners::UpdateListener;
use teloxide::update_listeners::webhooks;
use tracing::Instrument;
use url::Url;

/// The header Telegram sends with the secret token given to setWebhook.
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// The webhook: its update listener, its route, a fresh random secret token, and a future
/// that resolves when the listener is stopped (the server must then stop: the listener's
/// stream ends only once the route is dropped).
pub struct Webhook<L, S> {
    pub listener: L,
    pub router: axum::Router,
    pub secret: String,
    pub stopped: S,
}

pub fn webhook(
    url: &Url,
    listen: SocketAddr,
    ctx: &Ctx,
) -> Webhook<impl UpdateListener<Err = std::convert::Infallible> + use<>, impl Future<Output = ()> + use<>> {
    let mut options = webhooks::Options::new(listen, url.clone());
    let secret = options.get_or_gen_secret_token().to_owned();
    let (listener, stopped, router) = webhooks::axum_no_setup(options);
    let guard = Arc::new(Guard { secret: secret.clone(), ctx: ctx.clone() });
    let router = router.route_layer(axum::middleware::from_fn_with_state(guard, check_secret));
    Webhook { listener, router, secret, stopped }
}

/// Registers the webhook with Telegram (retrying while the Bot API is unreachable).
pub async fn register(bot: &Bot, url: &Url, secret: &str) -> anyhow::Result<()> {
    let mut delay = Duration::from_millis(500);
    loop {
        match bot.set_webhook(url.clone()).secret_token(secret.to_string()).await {
            Ok(_) => {
                tracing::info!(url = %url, "webhook registered");
                return Ok(());
            }
            Err(teloxide::RequestError::Api(e)) => anyhow::bail!("Telegram refused the webhook {url}: {e}"),
            Err(e) => {
                tracing::warn!(error = %e, retry_in = ?delay, "could not register the webhook; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
}

struct Guard {
    secret: String,
    ctx: Ctx,
}

async fn check_secret(State(g): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let given = req.headers().get(SECRET_HEADER).map(|v| v.as_bytes().to_vec());
    if !given.is_some_and(|s| crate::http::same(&s, g.secret.as_bytes())) {
        // Counted, not logged one by one: anyone on the internet can send these.
        g.ctx.telemetry.count(crate::observability::metrics::names::HTTP_REFUSED, &[("route", "webhook")], 1);
        tracing::debug!("webhook request without the right secret token refused");
        return StatusCode::FORBIDDEN.into_response();
    }
    let response = next.run(req).await;
    if response.status().is_success() {
        g.ctx.telemetry.update_received(g.ctx.clock.now().timestamp() as f64);
    }
    response
}

/// Runs a handler inside a span carrying the update id (on every log line it writes), and
/// counts it with its handling time. An update arriving is also the sign of a successful poll
/// or webhook call.
pub async fn timed<F, E>(
    app: &App,
    update_id: teloxide::types::UpdateId,
    kind: &'static str,
    handler: F,
) -> Result<(), E>
where
    F: Future<Output = Result<(), E>>,
{
    let started = Instant::now();
    app.ctx.telemetry.update_received(app.ctx.clock.now().timestamp() as f64);
    let span = tracing::info_span!("update", update_id = update_id.0, kind);
    let result = handler.instrument(span.clone()).await;
    let outcome = if result.is_ok() { "ok" } else { "error" };
    let took = started.elapsed();
    span.in_scope(|| tracing::debug!(outcome, took_ms = took.as_secs_f64() * 1000.0, "update handled"));
    app.ctx.telemetry.update_handled(kind, outcome, took);
    result
}

/// What the dispatcher does with a polling error: log it and count the Bot API as failing.
pub fn polling_errors(ctx: Ctx) -> Arc<impl teloxide::error_handlers::ErrorHandler<teloxide::RequestError>> {
    Arc::new(move |e: teloxide::RequestError| {
        let ctx = ctx.clone();
        async move {
            if ctx.telemetry.health.bot_api_failed() {
                tracing::warn!(error = %e, "polling failed: the Bot API does not answer");
            } else {
                tracing::debug!(error = %e, "polling failed again");
            }
        }
    })
}

/// While Bot API calls are failing, asks getMe every `every` so that the recovery is seen
/// even when nothing else is sent.
pub fn spawn_probe(bot: Bot, ctx: Ctx, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            if ctx.telemetry.health.bot_api().failing_for().is_none() {
                continue;
            }
            match bot.get_me().await {
                Ok(_) => {
                    tracing::info!("the Bot API answers again");
                    crate::services::status::bot_api_ok(&ctx).await;
                }
                Err(e) => tracing::debug!(error = %e, "the Bot API still does not answer"),
            }
        }
    })
}
