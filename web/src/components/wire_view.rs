//! The wire: each socket's bytes in order up to this step, decoded (HTTP heads and bodies, the
//! WebSocket upgrade, frames) with hex beside text; the poll-phase readiness that moved each chunk;
//! the poller's interest list and the listening handles that keep a server alive.
use std::rc::Rc;

use crate::view::replay::View;
use looplab_core::trace::Direction;
use looplab_core::uv::{HandleId, IoEvent};
use yew::prelude::*;

use crate::decode::wire::{self, Connection, Decoded, Frame, LengthForm, Part};
use crate::run::finished::RunData;
use crate::view::wire_log::{Chunk, Socket};

/// Hex rows shown per chunk; a bulk transfer's chunk says how many bytes are left out.
const MAX_HEX_ROWS: usize = 32;
/// Characters of a payload or body shown inline.
const MAX_TEXT: usize = 160;

#[derive(Properties, PartialEq)]
pub struct WireViewProps {
    pub run: Option<Rc<RunData>>,
    pub view: Rc<View>,
    pub step: usize,
    pub on_jump: Callback<usize>,
}

fn jump(on_jump: &Callback<usize>, step: usize, text: String, testid: &'static str) -> Html {
    let on_jump = on_jump.clone();
    html! {
        <button type="button" class="jump" data-testid={testid} title={format!("go to step {}", step + 1)}
            onclick={Callback::from(move |_| on_jump.emit(step))}>{ text }</button>
    }
}

fn handle_name(view: &View, h: HandleId) -> String {
    view.handles
        .get(&h)
        .map_or(format!("#{}", h.0), |v| format!("#{} {}", h.0, v.label))
}

fn clip(s: String) -> String {
    match s.char_indices().nth(MAX_TEXT) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn headers(list: &[(String, String)]) -> Html {
    html! {
        <dl class="wire-fields">
            { for list.iter().map(|(n, v)| html! { <><dt>{ n }</dt><dd>{ v }</dd></> }) }
        </dl>
    }
}

fn frame(f: &Frame) -> Html {
    let length = match f.length_form {
        LengthForm::Bits7 => format!("{} (7-bit, in the second byte)", f.length),
        LengthForm::Bits16 => format!("{} (126, then 16 bits)", f.length),
        LengthForm::Bits64 => format!("{} (127, then 64 bits)", f.length),
    };
    let payload = match f.close() {
        Some((code, reason)) => format!(
            "close code {code} ({}){}",
            wire::close_meaning(code),
            if reason.is_empty() {
                String::new()
            } else {
                format!(", reason {reason:?}")
            }
        ),
        None => clip(wire::text_or_hex(&f.payload)),
    };
    html! {
        <div class="wire-part frame">
            <p class="wire-line"><strong>{ "WebSocket frame " }</strong>{ f.opcode_name() }
                <code class="wire-hexbytes">{ wire::hex(&f.header) }</code></p>
            <dl class="wire-fields">
                <dt>{ "FIN" }</dt><dd>{ if f.fin { "1 (last fragment)" } else { "0 (more fragments follow)" } }</dd>
                <dt>{ "opcode" }</dt><dd>{ format!("0x{:x} ({})", f.opcode, f.opcode_name()) }</dd>
                if f.rsv != 0 { <dt>{ "RSV" }</dt><dd>{ format!("{:03b}", f.rsv) }</dd> }
                <dt>{ "MASK" }</dt><dd>{ if f.masked { "1 (client to server)" } else { "0" } }</dd>
                <dt>{ "length" }</dt><dd>{ length }</dd>
                if let Some(key) = f.mask_key { <dt>{ "masking key" }</dt><dd>{ wire::hex(&key) }</dd> }
                <dt>{ if f.masked { "payload (unmasked)" } else { "payload" } }</dt><dd>{ payload }</dd>
            </dl>
        </div>
    }
}

fn part(p: &Part) -> Html {
    let line = |what: &'static str, text: String| {
        html! {
            <p class="wire-line"><strong>{ what }</strong>{ " " }<code>{ text }</code></p>
        }
    };
    match p {
        Part::Request {
            method,
            target,
            version,
            headers: h,
        } => html! {
            <div class="wire-part http">{ line("HTTP request", format!("{method} {target} {version}")) }{ headers(h) }</div>
        },
        Part::Response {
            version,
            status,
            reason,
            headers: h,
        } => html! {
            <div class="wire-part http">
                { line("HTTP response", format!("{version} {status} {reason}")) }{ headers(h) }
                if *status == 101 {
                    <p class="wire-note">{ format!("Sec-WebSocket-Accept is base64(sha1(Sec-WebSocket-Key + \"{}\")): from here on both directions carry WebSocket frames.", wire::WEBSOCKET_GUID) }</p>
                }
            </div>
        },
        Part::Body {
            offset,
            bytes,
            total,
        } => {
            let end = offset + bytes.len() as u64;
            let of = total.map_or(String::new(), |t| format!(" of {t}"));
            line(
                "body",
                format!(
                    "bytes {offset}–{end}{of}: {}",
                    clip(wire::text_or_hex(bytes))
                ),
            )
        }
        Part::Chunk { size: 0, .. } => line("last chunk", "0: end of the chunked body".into()),
        Part::Chunk { size, bytes } => line(
            "chunk",
            format!(
                "size {size:x} hex ({size}): {}",
                clip(wire::text_or_hex(bytes))
            ),
        ),
        Part::Frame(f) => frame(f),
        Part::Data(bytes) => line("data", clip(wire::text_or_hex(bytes))),
        Part::Skipped(n) => {
            html! { <p class="wire-note">{ format!("{n} bytes the trace did not keep") }</p> }
        }
        Part::Malformed(why) => {
            html! { <p class="wire-note">{ format!("Not decoded: {why}; shown raw from here.") }</p> }
        }
    }
}

fn where_moved(c: &Chunk, view: &View, on_jump: &Callback<usize>) -> Html {
    match (c.moved_by, c.phase) {
        (Some(r), _) => {
            let event = match r.event {
                IoEvent::Readable => "readable",
                IoEvent::Writable => "writable",
            };
            html! { <>{ " · poll phase, after epoll reported " }
            { jump(on_jump, r.step, format!("{} {event} (step {})", handle_name(view, r.handle), r.step + 1), "wire-ready") }</> }
        }
        (None, Some(phase)) => html! { { format!(" · {} phase", phase.name()) } },
        (None, None) => html! { { " · from the main script" } },
    }
}

fn chunk(c: &Chunk, d: &Decoded, props: &WireViewProps) -> Html {
    let dir = match c.direction {
        Direction::Read => "read",
        Direction::Write => "write",
    };
    let now = c.step == props.step;
    let rows = wire::hex_rows(&c.bytes)
        .take(MAX_HEX_ROWS)
        .collect::<Vec<_>>()
        .join("\n");
    let shown = (c.bytes.len()).min(MAX_HEX_ROWS * wire::HEX_ROW);
    html! {
        <li class={classes!("wire-chunk", dir, now.then_some("now"))} data-testid="wire-chunk">
            <p class="wire-meta">
                { jump(&props.on_jump, c.step, format!("{}", c.step + 1), "wire-jump") }
                <span class="wire-dir">{ dir }</span>
                { format!(" {} bytes", c.bytes.len() as u64 + c.missing) }
                if let Some(r) = c.request { { format!(" · write request #{}", r.0) } }
                { where_moved(c, &props.view, &props.on_jump) }
            </p>
            if d.carried > 0 {
                <p class="wire-note">{ format!("Continues {} bytes held from earlier chunks.", d.carried) }</p>
            }
            { for d.parts.iter().map(part) }
            if let Some(inc) = &d.incomplete {
                <p class="wire-incomplete">{ format!("incomplete: {}, {}{} bytes so far; the rest comes in a later {dir}",
                    inc.what, inc.have, inc.need.map_or(String::new(), |n| format!(" of {n}"))) }</p>
            }
            <details class="wire-hex" open={c.bytes.len() <= 4 * wire::HEX_ROW}>
                <summary>{ format!("hex and text ({} bytes{})", c.bytes.len(),
                    if shown < c.bytes.len() { format!(", first {shown} shown") } else { String::new() }) }</summary>
                <pre>{ rows }</pre>
            </details>
        </li>
    }
}

/// Each chunk's decoding, both directions fed in wire order.
fn decode(socket: Option<&Socket>) -> Vec<Decoded> {
    let mut conn = Connection::new();
    socket.map_or_else(Vec::new, |s| {
        s.chunks
            .iter()
            .map(|c| conn.feed(c.direction, &c.bytes, c.missing))
            .collect()
    })
}

fn status(s: &Socket, view: &View, step: usize) -> String {
    let (read, written) = view
        .socket_bytes
        .get(&s.handle)
        .copied()
        .unwrap_or_default();
    let state = view.handles.get(&s.handle).map_or("", |h| {
        if h.closed {
            " · closed"
        } else if h.closing {
            " · closing"
        } else {
            ""
        }
    });
    let end = match &s.end {
        Some((at, None)) if *at <= step => " · peer sent FIN".to_string(),
        Some((at, Some(code))) if *at <= step => format!(" · read failed: {code}"),
        _ => String::new(),
    };
    match s.ports {
        Some((local, remote)) => format!(
            "local port {local} ↔ remote port {remote} · {read} bytes read, {written} written{end}{state}"
        ),
        None => match &s.connect_error {
            Some((at, code)) if *at <= step => format!("connect failed: {code}{state}"),
            _ if state.is_empty() => "not connected yet".into(),
            _ => format!("never connected or listened (the console says why){state}"),
        },
    }
}

#[function_component(WireView)]
pub fn wire_view(props: &WireViewProps) -> Html {
    let picked = use_state(|| None::<HandleId>);
    let step = props.step;
    let sockets: Vec<&Socket> = props.run.as_ref().map_or_else(Vec::new, |r| {
        r.wire
            .sockets
            .iter()
            .filter(|s| s.created_step <= step)
            .collect()
    });
    let streams: Vec<&Socket> = sockets.iter().copied().filter(|s| !s.listening).collect();
    // Follow the socket that moved bytes last, unless the learner picked one.
    let latest = streams
        .iter()
        .filter_map(|s| {
            s.chunks
                .iter()
                .rev()
                .find(|c| c.step <= step)
                .map(|c| (c.step, s.handle))
        })
        .max()
        .map(|(_, h)| h);
    let shown = (*picked)
        .filter(|h| streams.iter().any(|s| s.handle == *h))
        .or(latest)
        .or(streams.last().map(|s| s.handle));
    let decoded = use_memo((props.run.clone(), shown), |(run, shown)| {
        let socket = run
            .as_ref()
            .and_then(|r| r.wire.sockets.iter().find(|s| Some(s.handle) == *shown));
        decode(socket)
    });
    if props.run.as_ref().is_none_or(|r| r.wire.is_empty()) {
        return html! {};
    }
    let view = &props.view;
    let socket = streams.iter().find(|s| Some(s.handle) == shown);
    let listeners = sockets.iter().filter(|s| s.listening).map(|s| {
        let alive = view.handles.get(&s.handle).is_some_and(|h| h.keeps_alive());
        let port = s.ports.map_or(String::new(), |(p, _)| format!(" · port {p}"));
        html! { <li class={classes!("chip", alive.then_some("alive"))}>
            { format!("{}{port} · {}", handle_name(view, s.handle), if alive { "keeps the process alive" } else { "no longer keeps it alive" }) }</li> }
    });
    let interest = view.interest.iter().map(|(h, i)| {
        let what = match (i.readable, i.writable) {
            (true, true) => "readable + writable",
            (true, false) => "readable",
            _ => "writable",
        };
        html! { <li class="chip">{ format!("{} · {what}", handle_name(view, *h)) }</li> }
    });
    html! {
        <section class="panel wire" aria-labelledby="wire-heading" data-testid="wire">
            <h2 id="wire-heading">{ "Sockets on the wire" }</h2>
            <h3 id="wire-listening-h">{ "Listening handles" }</h3>
            <ul class="chips" data-testid="wire-listening" aria-labelledby="wire-listening-h">{ for listeners }</ul>
            <h3 id="wire-interest-h">{ "The poller's interest list (what epoll waits for)" }</h3>
            <ul class="chips" data-testid="wire-interest" aria-labelledby="wire-interest-h">{ for interest }</ul>
            if !streams.is_empty() {
                <div class="tabs wire-sockets" role="group" aria-label="Socket">
                    { for streams.iter().map(|s| {
                        let picked = picked.clone();
                        let h = s.handle;
                        html! {
                            <button type="button" aria-pressed={(Some(h) == shown).to_string()} data-testid="wire-socket"
                                onclick={Callback::from(move |_| picked.set(Some(h)))}>{ format!("#{}", h.0) }</button>
                        }
                    }) }
                </div>
            }
            if let Some(s) = socket {
                <p class="wire-status">{ format!("{}: {}", handle_name(view, s.handle), status(s, view, step)) }</p>
                <ol class="wire-chunks" data-testid="wire-chunks">
                    { for s.chunks.iter().zip(decoded.iter()).take_while(|(c, _)| c.step <= step).map(|(c, d)| chunk(c, d, props)) }
                </ol>
            }
        </section>
    }
}
