//! Request bodies of the fake Bot API server: JSON, form fields and multipart uploads.

use super::*;

pub(super) fn parse_body(headers: &HeaderMap, body: &[u8]) -> (Value, Vec<UploadedFile>) {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if ct.starts_with("multipart/form-data")
        && let Some(b) = ct.split(';').find_map(|s| s.trim().strip_prefix("boundary="))
    {
        return parse_multipart(body, b.trim_matches('"'));
    }
    if ct.starts_with("application/x-www-form-urlencoded") {
        let map = url::form_urlencoded::parse(body)
            .map(|(k, v)| {
                let v = field_value(&k, &v);
                (k.into_owned(), v)
            })
            .collect();
        return (Value::Object(map), Vec::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => (v, Vec::new()),
        _ => (json!({}), Vec::new()),
    }
}

/// Multipart text fields arrive as strings; parse the JSON-looking ones (numbers,
/// booleans, objects) except for fields that are always strings.
pub(super) fn field_value(key: &str, raw: &str) -> Value {
    const STRINGS: &[&str] = &[
        "text",
        "caption",
        "parse_mode",
        "document",
        "photo",
        "callback_query_id",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
    ];
    if STRINGS.contains(&key) {
        return json!(raw);
    }
    serde_json::from_str(raw).unwrap_or_else(|_| json!(raw))
}

pub(super) fn parse_multipart(body: &[u8], boundary: &str) -> (Value, Vec<UploadedFile>) {
    let delim = format!("--{boundary}").into_bytes();
    let (mut fields, mut files) = (Map::new(), Vec::new());
    let mut pos = match find(body, &delim, 0) {
        Some(p) => p + delim.len(),
        None => return (Value::Object(fields), files),
    };
    while !body[pos..].starts_with(b"--") {
        let start = pos + if body[pos..].starts_with(b"\r\n") { 2 } else { 0 };
        let Some(next) = find(body, &delim, start) else {
            break;
        };
        let part = body[start..next].strip_suffix(b"\r\n").unwrap_or(&body[start..next]);
        pos = next + delim.len();
        let Some(hdr_end) = find(part, b"\r\n\r\n", 0) else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..hdr_end]);
        let content = &part[hdr_end + 4..];
        let Some(disp) = head.lines().find(|l| l.to_ascii_lowercase().starts_with("content-disposition")) else {
            continue;
        };
        let Some(name) = disposition_param(disp, "name") else {
            continue;
        };
        match disposition_param(disp, "filename") {
            Some(file_name) => {
                files.push(UploadedFile { field: name, file_name: Some(file_name), bytes: content.to_vec() })
            }
            None => {
                let v = field_value(&name, &String::from_utf8_lossy(content));
                fields.insert(name, v);
            }
        }
    }
    // resolve "attach://<part name>" references to the referencing field name
    for (key, v) in &fields {
        if let Some(id) = v.as_str().and_then(|s| s.strip_prefix("attach://"))
            && let Some(f) = files.iter_mut().find(|f| f.field == id)
        {
            f.field = key.clone();
        }
    }
    (Value::Object(fields), files)
}

/// `name="x"; filename="y.csv"` parameter lookup honouring quotes and backslash escapes.
pub(super) fn disposition_param(line: &str, key: &str) -> Option<String> {
    let (mut segments, mut cur, mut quoted, mut escaped) = (Vec::new(), String::new(), false, false);
    for ch in line.chars() {
        match ch {
            _ if escaped => {
                cur.push(ch);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => segments.push(std::mem::take(&mut cur)),
            _ => cur.push(ch),
        }
    }
    segments.push(cur);
    segments.iter().find_map(|s| {
        let (k, v) = s.trim().split_once('=')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().to_string())
    })
}

pub(super) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}
