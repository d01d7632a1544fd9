//! The browser's fetch for the real upload: a request from the tus client state machine goes out
//! with its part of the file as the body (a `Blob` slice, read only when it needs a checksum),
//! and comes back as the state machine's `Response`. Only works in a browser.
use js_sys::{Promise, Uint8Array};
use looplab_upload::{Checksum, ClientRequest, Headers, Response, TUS_VERSION, parse_u64};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Blob, RequestInit};

/// Answer headers the client reads (`looplab serve` exposes them to scripts through CORS).
const READ: [&str; 8] = [
    "Location",
    "Upload-Offset",
    "Upload-Length",
    "Tus-Resumable",
    "Tus-Version",
    "Tus-Extension",
    "Tus-Max-Size",
    "Tus-Checksum-Algorithm",
];

/// Sends one request; `Err` when no answer came (aborted, refused, reset).
pub async fn send(
    req: &ClientRequest,
    file: &Blob,
    signal: &AbortSignal,
) -> Result<Response, String> {
    let headers = web_sys::Headers::new().map_err(message)?;
    for (name, value) in req.headers.iter() {
        // The browser sets Content-Length itself and refuses a script's.
        if !name.eq_ignore_ascii_case("Content-Length") {
            headers.set(name, value).map_err(message)?;
        }
    }
    let init = RequestInit::new();
    init.set_method(req.method.as_str());
    init.set_signal(Some(signal));
    if let Some(range) = req.body {
        let part = file
            .slice_with_f64_and_f64(range.start as f64, range.end as f64)
            .map_err(message)?;
        match range.checksum {
            Some(alg) => {
                let buffer = JsFuture::from(part.array_buffer()).await.map_err(message)?;
                let bytes = Uint8Array::new(&buffer);
                let digest = Checksum::of(alg, &bytes.to_vec());
                headers
                    .set("Upload-Checksum", &digest.header_value())
                    .map_err(message)?;
                init.set_body(&bytes);
            }
            None => init.set_body(&part),
        }
    }
    init.set_headers(&headers);
    let window = web_sys::window().ok_or("no window")?;
    let answer = JsFuture::from(window.fetch_with_str_and_init(&req.url, &init))
        .await
        .map_err(message)?;
    let r: web_sys::Response = answer.dyn_into().map_err(message)?;
    let mut out = Response::new(r.status());
    out.headers = Headers::new();
    for name in READ {
        if let Ok(Some(v)) = r.headers().get(name) {
            out.headers.set(name, v);
        }
    }
    // A refusal says why in a short text body; the client shows it.
    if r.status() >= 400
        && let Ok(text) = r.text()
        && let Ok(text) = JsFuture::from(text).await
    {
        out.body = text.as_string().unwrap_or_default().into_bytes();
    }
    Ok(out)
}

/// Asks `endpoint` whether it speaks tus 1.0.0 (as `looplab serve` does); returns its
/// `Tus-Max-Size` (`u64::MAX` if unstated), or `None` on a plain static server.
pub async fn detect(endpoint: &str) -> Option<u64> {
    let init = RequestInit::new();
    init.set_method("OPTIONS");
    let window = web_sys::window()?;
    let answer = JsFuture::from(window.fetch_with_str_and_init(endpoint, &init))
        .await
        .ok()?;
    let r: web_sys::Response = answer.dyn_into().ok()?;
    let headers = r.headers();
    let tus = headers.get("Tus-Resumable").ok().flatten();
    (r.ok() && tus.as_deref() == Some(TUS_VERSION)).then(|| {
        headers
            .get("Tus-Max-Size")
            .ok()
            .flatten()
            .and_then(|s| parse_u64(&s))
            .unwrap_or(u64::MAX)
    })
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u64) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let ms = ms.min(i32::MAX as u64) as i32;
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the epoch, the client state machine's clock.
pub fn now() -> looplab_upload::Instant {
    looplab_upload::Instant::from_millis(js_sys::Date::now() as u64)
}

fn message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the request failed".into())
}
