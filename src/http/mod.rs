//! The bot's small HTTP server (axum): `/healthz`, `/readyz`, `/metrics`, the personal
//! calendar feeds `/cal/<secret>.ics`, and in webhook mode the webhook itself, all on one
//! listener (`CLUSTER_LISTEN`).

use crate::observability::ReadinessOptions;
use crate::services::{Ctx, calendar_feed, status};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::sync::watch;

#[derive(Clone)]
pub struct HttpState {
    pub ctx: Ctx,
    pub readiness: ReadinessOptions,
}

/// The routes of the server (the webhook route is merged in by the Telegram layer).
pub fn router(state: HttpState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/cal/{file}", get(calendar))
        .with_state(state)
}

async fn healthz() -> impl IntoResponse {
    axum::Json(json!({"status": "ok"}))
}

async fn readyz(State(st): State<HttpState>) -> Response {
    let db = match tokio::time::timeout(Duration::from_secs(3), st.ctx.db.ping()).await {
        Ok(r) => r,
        Err(_) => Err("no answer within 3 s".into()),
    };
    let r = st.ctx.telemetry.health.readiness(db, &st.readiness);
    let code = if r.ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    if !r.ready {
        tracing::warn!(failed = ?r.failed(), "not ready");
    }
    (code, axum::Json(r)).into_response()
}

async fn metrics(State(st): State<HttpState>) -> Response {
    if let Err(e) = status::refresh_metrics(&st.ctx).await {
        // The counters are still worth serving; the database gauges keep their last values.
        tracing::warn!(error = %e, "could not read the queue for the metrics");
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], st.ctx.telemetry.render()).into_response()
}

async fn calendar(State(st): State<HttpState>, Path(file): Path<String>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "no such calendar\n").into_response();
    let Some(secret) = file.strip_suffix(".ics") else { return not_found() };
    match calendar_feed::feed(&st.ctx, secret).await {
        Ok(Some(ics)) => (
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "private, max-age=300")],
            ics,
        )
            .into_response(),
        Ok(None) => not_found(),
        Err(e) => {
            tracing::error!(error = %e, "could not build a calendar feed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error\n").into_response()
        }
    }
}

/// A running server: stop it with `shutdown`.
pub struct HttpServer {
    pub addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl HttpServer {
    /// Serves `app` on an already bound listener, in the background.
    pub fn spawn(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<Self> {
        let addr = listener.local_addr()?;
        let (stop, mut rx) = watch::channel(false);
        let task = tokio::spawn(async move {
            let shutdown = async move {
                let _ = rx.wait_for(|s| *s).await;
            };
            if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(shutdown).await {
                tracing::error!(error = %e, "the HTTP server stopped");
            }
        });
        tracing::info!(%addr, "HTTP server listening");
        Ok(Self { addr, stop, task })
    }

    /// Binds `addr` and serves `app`.
    pub async fn bind(addr: SocketAddr, app: Router) -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {addr} (CLUSTER_LISTEN): {e}"))?;
        Ok(Self::spawn(listener, app)?)
    }

    /// Resolves when the server has ended (an error, a panic, or a stop), with what ended it.
    /// Not to be awaited again once it has resolved.
    pub async fn ended(&mut self) -> String {
        match (&mut self.task).await {
            Ok(()) => "the HTTP server stopped".into(),
            Err(e) if e.is_panic() => "the HTTP server panicked".into(),
            Err(_) => "the HTTP server was cancelled".into(),
        }
    }

    /// Stops gracefully when `signal` resolves.
    pub fn stop_when(&self, signal: impl Future<Output = ()> + Send + 'static) {
        let stop = self.stop.clone();
        tokio::spawn(async move {
            signal.await;
            let _ = stop.send(true);
        });
    }

    /// Stops at once.
    pub fn abort(self) {
        self.task.abort();
    }

    /// Stops accepting, lets requests in flight finish (at most 10 s).
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let abort = self.task.abort_handle();
        if tokio::time::timeout(Duration::from_secs(10), self.task).await.is_err() {
            abort.abort();
        }
    }
}
