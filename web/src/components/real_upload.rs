//! The upload view on the real server: a file the learner picks goes to `looplab serve` in parts
//! over the browser's fetch. "Cut the connection" aborts the PATCH on the wire (a real dropped
//! request); "Resume" lets the client ask the server where it stands (HEAD) and send only the
//! rest. Shown only when the page's own origin answers as a tus server.
use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{AbortController, File, HtmlInputElement};
use yew::prelude::*;

use super::upload_view::{block_class, bytes};
use crate::browser::fetch;
use crate::browser::transfer::{Status, Transfer};

/// Log lines shown, newest first.
const LOG_LINES: usize = 40;

#[derive(Clone, Copy, PartialEq)]
enum Server {
    Asking,
    /// `looplab serve`, with its largest upload.
    Found(u64),
    Absent,
}

/// What the async driver and the buttons share.
#[derive(Default)]
struct Shared {
    transfer: Option<Transfer>,
    /// The transfer's file: read here on every request, so a driver still running from an
    /// earlier file never sends that file's bytes for a new upload.
    file: Option<File>,
    /// Aborts the request on the wire.
    abort: Option<AbortController>,
    driving: bool,
}

fn endpoint() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}/files/")
}

/// Sends requests one at a time until the upload ends, is cut, or has nothing due.
async fn drive(shared: Rc<RefCell<Shared>>, redraw: Callback<()>) {
    loop {
        let now = fetch::now();
        let next = {
            let mut s = shared.borrow_mut();
            let Some(file) = s.file.clone() else { break };
            let Some(t) = s.transfer.as_mut() else { break };
            match t.poll(now) {
                Some(tx) => Ok((tx, file)),
                None if t.is_sending() => break,
                None => Err(t.wait_until()),
            }
        };
        let (tx, file) = match next {
            Ok(next) => next,
            Err(Some(at)) => {
                fetch::sleep(at.as_millis().saturating_sub(now.as_millis()).max(1)).await;
                continue;
            }
            Err(None) => break,
        };
        let Ok(abort) = AbortController::new() else {
            break;
        };
        let signal = abort.signal();
        shared.borrow_mut().abort = Some(abort);
        redraw.emit(());
        let result = fetch::send(&tx.request, &file, &signal).await;
        let mut s = shared.borrow_mut();
        s.abort = None;
        let Some(t) = s.transfer.as_mut() else { break };
        match result {
            Ok(r) => t.on_response(tx.token, &r, fetch::now()),
            Err(_) if signal.aborted() => {
                t.on_failure(tx.token, "aborted: the connection was cut", fetch::now())
            }
            Err(why) => t.on_failure(tx.token, &why, fetch::now()),
        }
        drop(s);
        redraw.emit(());
    }
    shared.borrow_mut().driving = false;
    redraw.emit(());
}

fn start_driving(shared: &Rc<RefCell<Shared>>, redraw: Callback<()>) {
    let mut s = shared.borrow_mut();
    if !s.driving {
        s.driving = true;
        wasm_bindgen_futures::spawn_local(drive(shared.clone(), redraw));
    }
}

#[function_component(RealUpload)]
pub fn real_upload() -> Html {
    let server = use_state(|| Server::Asking);
    let file = use_state(|| None::<File>);
    let checksum = use_state(|| true);
    let shared = use_mut_ref(Shared::default);
    let force = use_force_update();
    let redraw = Callback::from(move |()| force.force_update());

    {
        let server = server.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let found = fetch::detect(&endpoint()).await;
                server.set(found.map_or(Server::Absent, Server::Found));
            });
        });
    }

    let max = match *server {
        Server::Asking => return html! {},
        Server::Absent => {
            return html! {
                <p class="hint" data-testid="upload-real-absent">
                    { "Uploading a file of your own to a real server needs the page served by `cargo xtask serve`." }
                </p>
            };
        }
        Server::Found(max) => max,
    };

    let on_file = {
        let (file, shared, redraw) = (file.clone(), shared.clone(), redraw.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            file.set(input.files().and_then(|f| f.get(0)));
            let mut s = shared.borrow_mut();
            if let Some(a) = s.abort.take() {
                a.abort();
            }
            s.transfer = None;
            s.file = None;
            drop(s);
            redraw.emit(());
        })
    };
    let on_checksum = {
        let checksum = checksum.clone();
        Callback::from(move |e: Event| {
            checksum.set(e.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    let on_start = {
        let (file, checksum, shared, redraw) = (
            file.clone(),
            checksum.clone(),
            shared.clone(),
            redraw.clone(),
        );
        Callback::from(move |_| {
            let Some(f) = (*file).clone() else { return };
            let t = Transfer::new(&endpoint(), &f.name(), f.size() as u64, *checksum);
            let mut s = shared.borrow_mut();
            s.transfer = Some(t);
            s.file = Some(f);
            drop(s);
            start_driving(&shared, redraw.clone());
        })
    };
    let on_cut = {
        let (shared, redraw) = (shared.clone(), redraw.clone());
        Callback::from(move |_| {
            let mut s = shared.borrow_mut();
            let on_wire = s.transfer.as_mut().is_some_and(Transfer::cut);
            if on_wire && let Some(a) = s.abort.take() {
                // A real dropped request: the browser closes the connection mid-body.
                a.abort();
            }
            drop(s);
            redraw.emit(());
        })
    };
    let on_resume = {
        let (shared, redraw) = (shared.clone(), redraw.clone());
        Callback::from(move |_| {
            if let Some(t) = shared.borrow_mut().transfer.as_mut() {
                t.resume();
            }
            start_driving(&shared, redraw.clone());
        })
    };

    let s = shared.borrow();
    let t = s.transfer.as_ref();
    let status = t.map(Transfer::status);
    let too_big = file.as_ref().is_some_and(|f| f.size() as u64 > max);
    let running = matches!(status, Some(Status::Uploading));
    let p = t.map(Transfer::progress).unwrap_or_default();
    let percent = if p.total == 0 {
        0.0
    } else {
        p.acked as f64 * 100.0 / p.total as f64
    };
    let (before, after) = t.map(Transfer::patches).unwrap_or_default();
    let state = match status {
        None if too_big => "larger than the server accepts".to_string(),
        None => "not started".into(),
        Some(Status::Uploading) => "uploading".into(),
        Some(Status::Cut) => "connection cut".into(),
        Some(Status::Done(url)) => format!("complete: {url}"),
        Some(Status::Failed(why)) => format!("failed: {why}"),
    };
    let blocks = t.map(Transfer::blocks).unwrap_or_default();
    let part = t.map_or(0, Transfer::part);
    let log: Vec<String> = t
        .map(|t| {
            t.log()
                .iter()
                .rev()
                .take(LOG_LINES)
                .map(|e| match &e.answer {
                    Some(a) => format!("{} → {a}", e.request),
                    None => e.request.clone(),
                })
                .collect()
        })
        .unwrap_or_default();

    html! {
        <div class="real-upload" data-testid="upload-real">
            <h3>{ "Your own file, to the real server" }</h3>
            <p class="hint">
                { "The same client, over the browser's fetch to this looplab serve. Cut the connection while a part is on the wire, then resume: one HEAD asks for the offset, and only the missing parts go again. On loopback a small file is done in a blink: pick a large one, or throttle the network in the browser's developer tools." }
            </p>
            <div class="upload-options">
                <input type="file" data-testid="upload-file" aria-label="File to upload" onchange={on_file} />
                <label>
                    <input type="checkbox" checked={*checksum} disabled={running} onchange={on_checksum} />
                    { " sha1 checksum per part (a broken part is discarded whole)" }
                </label>
            </div>
            <div class="upload-controls" role="group" aria-label="Real upload controls">
                <button type="button" data-testid="upload-start" onclick={on_start}
                    disabled={file.is_none() || too_big || running}>{ "Start" }</button>
                <button type="button" data-testid="upload-cut" onclick={on_cut}
                    disabled={!running}>{ "Cut the connection" }</button>
                <button type="button" data-testid="upload-resume" onclick={on_resume}
                    disabled={!matches!(status, Some(Status::Cut))}>{ "Resume" }</button>
            </div>
            <p class="upload-progress" data-testid="upload-real-progress" aria-live="polite"
                data-acked={p.acked.to_string()} data-total={p.total.to_string()}
                data-patches-before={before.to_string()} data-patches-after={after.to_string()}>
                { format!("{percent:.1}% acknowledged ({} of {}) · {} parts of {} · PATCHes: {before} before the cut, {after} since resuming · {state}",
                    bytes(p.acked), bytes(p.total), blocks.len(), bytes(part)) }
            </p>
            <progress max={p.total.max(1).to_string()} value={p.acked.to_string()} aria-label="Acknowledged bytes of your file" />
            <ol class="blocks" data-testid="upload-real-blocks" aria-label="Your file's parts">
                { for blocks.iter().map(|b| {
                    let class = block_class(b);
                    html! { <li class={classes!("block", class)} title={format!("{}–{}: {class}", b.start, b.end)}></li> }
                }) }
            </ol>
            <ol class="upload-log" data-testid="upload-real-log" aria-label="HTTP requests and their answers, newest first">
                { for log.iter().map(|e| html! { <li>{ e }</li> }) }
            </ol>
        </div>
    }
}
