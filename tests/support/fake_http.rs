//! The fake Bot API server's HTTP layer: routing a method call, its answer, file downloads.

use super::*;

pub(super) struct Reply {
    status: u16,
    body: Value,
    close: bool,
}

impl Reply {
    pub(super) fn ok(result: Value) -> Self {
        Reply { status: 200, body: json!({"ok": true, "result": result}), close: false }
    }
    pub(super) fn err(code: u16, description: &str) -> Self {
        Reply { status: code, body: json!({"ok": false, "error_code": code, "description": description}), close: false }
    }
    pub(super) fn too_many(retry_after: u64) -> Self {
        let mut r = Reply::err(429, &format!("Too Many Requests: retry after {retry_after}"));
        r.body["parameters"] = json!({"retry_after": retry_after});
        r
    }
    pub(super) fn server_error(http_status: u16) -> Self {
        let mut r = Reply::err(502, "Bad Gateway");
        r.status = http_status;
        r
    }
    pub(super) fn outcome(&self) -> Outcome {
        if self.body["ok"] == json!(true) {
            return Outcome::Ok;
        }
        Outcome::Error {
            http_status: self.status,
            error_code: self.body["error_code"].as_u64().unwrap_or(0) as u16,
            description: self.body["description"].as_str().unwrap_or("").into(),
            retry_after: self.body["parameters"]["retry_after"].as_u64(),
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (status, axum::Json(self.body)).into_response();
        if self.close {
            resp.headers_mut().insert(header::CONNECTION, header::HeaderValue::from_static("close"));
        }
        resp
    }
}

pub(super) async fn handle(
    State(shared): State<Arc<Shared>>,
    Path((token, method)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let received_at = Instant::now();
    // teloxide sends PascalCase names ("SendMessage"); Telegram is case-insensitive.
    let mut chars = method.chars();
    let method: String = chars.next().map(|c| c.to_ascii_lowercase()).into_iter().chain(chars).collect();
    if !token.starts_with("bot") {
        return Reply::err(404, "Not Found");
    }
    let (params, files) = parse_body(&headers, &body);
    let stall = shared.lock().opts.stall;
    if method != "getUpdates" && !stall.is_zero() {
        // If the client times out meanwhile, this future is dropped: nothing is processed.
        tokio::time::sleep(stall).await;
    }
    let (unreachable, err_status, delay) = {
        let st = shared.lock();
        (st.opts.unreachable, st.opts.server_error_http_status, st.opts.response_delay)
    };
    let reply = if unreachable {
        Reply { close: true, ..Reply::server_error(err_status) }
    } else if method == "getUpdates" && shared.lock().webhook.is_some() {
        Reply::err(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        )
    } else if method == "getUpdates" {
        get_updates(&shared, &params).await
    } else {
        shared.lock().process(&method, &params, &files, received_at)
    };
    {
        let mut st = shared.lock();
        let seq = st.next_seq;
        st.next_seq += 1;
        let outcome = reply.outcome();
        st.recorded.push(Recorded { seq, method: method.clone(), params, files, received_at, outcome });
    }
    shared.recorded_changed.notify_waiters();
    if method != "getUpdates" && !delay.is_zero() {
        let mut stop = shared.shutdown.subscribe();
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = stop.wait_for(|s| *s) => {}
        }
    }
    reply
}

/// A file download, as `api.telegram.org/file/bot<token>/<file_path>` serves it.
pub(super) async fn download(
    State(shared): State<Arc<Shared>>,
    Path((token, path)): Path<(String, String)>,
) -> Response {
    if !token.starts_with("bot") {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    }
    let mut st = shared.lock();
    st.downloads.push(path.clone());
    let id = path.strip_prefix("documents/").unwrap_or(&path);
    match st.file_bytes.get(id) {
        Some(bytes) => (StatusCode::OK, bytes.clone()).into_response(),
        None => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

pub(super) async fn get_updates(shared: &Shared, p: &Value) -> Reply {
    let offset = p["offset"].as_i64();
    let limit = p["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
    let deadline = Instant::now() + Duration::from_secs(p["timeout"].as_u64().unwrap_or(0));
    let mut stop = shared.shutdown.subscribe();
    loop {
        let notified = shared.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        {
            let mut st = shared.lock();
            if let Some(off) = offset {
                st.confirm(off);
            }
            let batch: Vec<Value> = st.updates.iter().take(limit).cloned().collect();
            if !batch.is_empty() || *stop.borrow() || Instant::now() >= deadline {
                return Reply::ok(Value::Array(batch));
            }
        }
        tokio::select! {
            _ = &mut notified => {}
            _ = tokio::time::sleep_until(deadline) => {}
            _ = stop.wait_for(|s| *s) => {}
        }
    }
}
