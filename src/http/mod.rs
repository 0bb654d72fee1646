//! The bot's small HTTP server (axum): `/healthz`, `/readyz`, `/metrics`, the personal
//! calendar feeds `/cal/<secret>.ics`, and in webhook mode the webhook itself, all on one
//! listener (`CLUSTER_LISTEN`), within the bounds of [`limits`].

pub mod limits;

use crate::observability::ReadinessOptions;
use crate::services::{Ctx, calendar_feed, status};
use axum::Router;
use axum::extract::{ConnectInfo, Path, State};
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
    /// `CLUSTER_METRICS_TOKEN`: with it, `/metrics` answers a request carrying
    /// `Authorization: Bearer <token>` from anywhere; without the token, loopback only.
    pub metrics_token: Option<String>,
}

/// Whether a request for `/metrics` may be answered: from loopback, or with the token.
pub fn may_read_metrics(peer: std::net::IpAddr, authorization: Option<&[u8]>, token: Option<&str>) -> bool {
    let loopback = match peer {
        std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(v6.is_loopback(), |v4| v4.is_loopback()),
        v4 => v4.is_loopback(),
    };
    if loopback {
        return true;
    }
    match (token, authorization.and_then(|a| a.strip_prefix(b"Bearer "))) {
        (Some(token), Some(given)) => same(given, token.as_bytes()),
        _ => false,
    }
}

/// Equal contents, compared in a time that does not depend on where they differ.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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

async fn metrics(
    State(st): State<HttpState>,
    ConnectInfo(peer): ConnectInfo<limits::Peer>,
    headers: axum::http::HeaderMap,
) -> Response {
    let authorization = headers.get(header::AUTHORIZATION).map(|v| v.as_bytes());
    if !may_read_metrics(peer.0.ip(), authorization, st.metrics_token.as_deref()) {
        st.ctx.telemetry.count(crate::observability::metrics::names::HTTP_REFUSED, &[("route", "metrics")], 1);
        let (code, says) = match st.metrics_token {
            Some(_) => (StatusCode::UNAUTHORIZED, "a bearer token is needed\n"),
            None => (StatusCode::FORBIDDEN, "only from this machine (or set CLUSTER_METRICS_TOKEN)\n"),
        };
        return (code, [(header::WWW_AUTHENTICATE, "Bearer")], says).into_response();
    }
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
    /// Serves `app` on an already bound listener, in the background, within the default
    /// bounds ([`limits::MAX_CONNECTIONS`], [`limits::IDLE_TIMEOUT`]).
    pub fn spawn(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<Self> {
        Self::spawn_bounded(listener, app, limits::MAX_CONNECTIONS, limits::IDLE_TIMEOUT)
    }

    /// Serves `app` with at most `max_connections` open at once, each closed after `idle`
    /// without traffic.
    pub fn spawn_bounded(
        listener: tokio::net::TcpListener,
        app: Router,
        max_connections: usize,
        idle: Duration,
    ) -> std::io::Result<Self> {
        let addr = listener.local_addr()?;
        let (stop, mut rx) = watch::channel(false);
        let app = app.layer(axum::middleware::from_fn(limits::request_timeout));
        let listener = limits::Limited::new(listener, max_connections, idle);
        let task = tokio::spawn(async move {
            let shutdown = async move {
                let _ = rx.wait_for(|s| *s).await;
            };
            let service = app.into_make_service_with_connect_info::<limits::Peer>();
            if let Err(e) = axum::serve(listener, service).with_graceful_shutdown(shutdown).await {
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
