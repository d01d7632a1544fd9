//! The few browser calls the page makes, in one place. They only work in a browser; native tests
//! never reach them. The real upload's fetch and tus transfer sit beside them.
pub mod fetch;
pub mod transfer;

use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The URL fragment, with its `#`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without the fragment.
pub fn base_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Replaces the fragment without adding a history entry or reloading.
pub fn replace_hash(fragment: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let url = format!("{}{fragment}", base_url());
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Copies text: true once the clipboard has taken it, false when the browser refuses (no
/// permission, no user gesture) or has no clipboard (pages on plain http have none).
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return false;
    };
    // Calling a missing `navigator.clipboard` would throw through the wasm, so look first.
    let present =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object());
    if !present {
        return false;
    }
    let written = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(written).await.is_ok()
}

/// The window this page is framed in; `None` at the top level (a top window is its own parent).
pub fn parent_window() -> Option<web_sys::Window> {
    let own = window()?;
    let parent = own.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &own)).then_some(parent)
}

/// Posts a message to the framing page, if any. Any site may embed Looplab and the messages say
/// only what the frame shows, so they go to whatever origin the parent has.
pub fn post_to_parent(message: &serde_json::Value) {
    if let Some(parent) = parent_window()
        && let Ok(value) = js_sys::JSON::parse(&message.to_string())
    {
        let _ = parent.post_message(&value, "*");
    }
}

pub fn prefers(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

pub fn stored(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn store(key: &str, value: &str) {
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
}

pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Whether keyboard focus is in a text field (where letters are typing, not shortcuts).
pub fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}

/// Milliseconds since the page started (for timing a run).
/// A named moment on the page's performance timeline, read by tests/bench/playground.mjs.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
