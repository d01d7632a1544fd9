//! A resumable upload on a simulated link: the file as a row of blocks (pending, on the wire,
//! acknowledged, lost), progress = acknowledged bytes / total, and buttons that drop the
//! connection, restart the server or corrupt a chunk. The client and server are the tus state
//! machines `looplab upload` and `looplab serve` run (looplab_upload::simulation).
use std::cell::RefCell;
use std::rc::Rc;

use looplab_upload::simulation::{Block, Fault, SimConfig, SimEvent, Simulation};
use yew::prelude::*;

use super::real_upload::RealUpload;

/// Simulated milliseconds advanced per animation tick while playing.
const STEPS_PER_TICK: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    Small,
    Huge,
}

fn config(size: Size, checksum: bool) -> SimConfig {
    match size {
        // 100 MiB in 5 MiB chunks over 10 MiB/s: twenty blocks, a few seconds of virtual time.
        Size::Small => SimConfig {
            checksum,
            ..SimConfig::default()
        },
        // The question Looplab answers: a 10 GB upload 5% done when the connection drops.
        Size::Huge => SimConfig {
            length: 10 << 30,
            chunk_size: 64 << 20,
            bytes_per_ms: 100 << 10,
            checksum: false,
            ..SimConfig::default()
        },
    }
}

pub(crate) fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 => format!("{:.2} GiB", n as f64 / (1u64 << 30) as f64),
        n if n >= 1 << 20 => format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64),
        n => format!("{} KiB", n >> 10),
    }
}

pub(crate) fn block_class(b: &Block) -> &'static str {
    let len = b.end - b.start;
    if b.acked == len {
        "acked"
    } else if b.in_flight > 0 {
        "in-flight"
    } else if b.lost {
        "lost"
    } else if b.acked > 0 {
        "partial"
    } else {
        "pending"
    }
}

fn describe(e: &SimEvent) -> String {
    match e {
        SimEvent::Request {
            method,
            body: Some((s, e)),
            ..
        } => format!("{method} bytes {s}–{e}"),
        SimEvent::Request { method, url, .. } => format!("{method} {url}"),
        SimEvent::Response {
            method,
            status,
            offset: Some(o),
        } => {
            format!("{status} to {method}, Upload-Offset: {o}")
        }
        SimEvent::Response { method, status, .. } => format!("{status} to {method}"),
        SimEvent::Failed { method, why } => format!("{method} failed: {why}"),
        SimEvent::Fault(Fault::DropConnection) => "✂ connection dropped".into(),
        SimEvent::Fault(Fault::RestartServer) => "⟳ server restarted".into(),
        SimEvent::Fault(Fault::CorruptNextChunk) => "⚡ next chunk will be corrupted".into(),
        SimEvent::Lost { start, end } => format!("{} sent but not kept", bytes(end - start)),
        SimEvent::Done { url } => format!("done: {url}"),
        SimEvent::GaveUp(why) => format!("gave up: {why}"),
    }
}

#[function_component(UploadView)]
pub fn upload_view() -> Html {
    let size = use_state(|| Size::Small);
    let checksum = use_state(|| true);
    let sim = use_mut_ref(|| Simulation::new(config(Size::Small, true)));
    let playing = use_state(|| false);
    let redraw = use_force_update();

    // While playing, advance the simulation on a timer; each tick re-renders.
    {
        let sim = sim.clone();
        let redraw = redraw.clone();
        let playing_state = playing.clone();
        use_effect_with(*playing, move |on| {
            let interval = on.then(|| {
                gloo_timers::callback::Interval::new(60, move || {
                    let mut s = sim.borrow_mut();
                    let mut more = true;
                    for _ in 0..STEPS_PER_TICK {
                        more = s.step();
                        if !more {
                            break;
                        }
                    }
                    drop(s);
                    redraw.force_update();
                    if !more {
                        playing_state.set(false);
                    }
                })
            });
            move || drop(interval)
        });
    }

    let rerender = {
        let redraw = redraw.clone();
        move || redraw.force_update()
    };
    let reset = |sim: Rc<RefCell<Simulation>>, size: Size, checksum: bool| {
        *sim.borrow_mut() = Simulation::new(config(size, checksum));
    };
    let on_play = {
        let playing = playing.clone();
        Callback::from(move |_| playing.set(!*playing))
    };
    let on_step = {
        let sim = sim.clone();
        let rerender = rerender.clone();
        Callback::from(move |_| {
            sim.borrow_mut().step();
            rerender();
        })
    };
    let fault = |f: Fault| {
        let sim = sim.clone();
        let rerender = rerender.clone();
        Callback::from(move |_| {
            sim.borrow_mut().inject(f);
            rerender();
        })
    };
    let on_reset = {
        let (sim, size, checksum, playing) =
            (sim.clone(), size.clone(), checksum.clone(), playing.clone());
        let rerender = rerender.clone();
        Callback::from(move |_| {
            playing.set(false);
            reset(sim.clone(), *size, *checksum);
            rerender();
        })
    };
    let on_size = {
        let (sim, size, checksum, playing) =
            (sim.clone(), size.clone(), checksum.clone(), playing.clone());
        Callback::from(move |e: Event| {
            let huge = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                == "huge";
            let s = if huge { Size::Huge } else { Size::Small };
            playing.set(false);
            size.set(s);
            reset(sim.clone(), s, *checksum && !huge);
        })
    };
    let on_checksum = {
        let (sim, size, checksum, playing) =
            (sim.clone(), size.clone(), checksum.clone(), playing.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            playing.set(false);
            checksum.set(on);
            reset(sim.clone(), *size, on && *size == Size::Small);
        })
    };

    let s = sim.borrow();
    let p = s.progress();
    let percent = if p.total == 0 {
        0.0
    } else {
        p.acked as f64 * 100.0 / p.total as f64
    };
    let status = match s.finished() {
        Some(Ok(_)) => "complete".to_string(),
        Some(Err(why)) => format!("failed: {why}"),
        None if *playing => "uploading".into(),
        None => "paused".into(),
    };
    let events: Vec<String> = s
        .events()
        .iter()
        .rev()
        .take(10)
        .map(|(t, e)| format!("{t} ms · {}", describe(e)))
        .collect();
    let blocks = s.blocks();
    let checksums_on = s.config().checksum;

    html! {
        <section class="panel upload" aria-labelledby="upload-heading" data-testid="upload-view">
            <h2 id="upload-heading">{ "Resumable upload (tus 1.0)" }</h2>
            <p class="hint">
                { "A file goes up in chunks. The server acknowledges each one with its offset; when the connection drops the client asks where it stands (HEAD) and sends only what is missing. Progress counts acknowledged bytes, so it never moves backwards." }
            </p>
            <div class="upload-options">
                <label>{ "File " }
                    <select onchange={on_size} aria-label="File size">
                        <option value="small" selected={*size == Size::Small}>{ "100 MiB in 5 MiB chunks" }</option>
                        <option value="huge" selected={*size == Size::Huge}>{ "10 GiB in 64 MiB chunks" }</option>
                    </select>
                </label>
                <label>
                    <input type="checkbox" checked={checksums_on} disabled={*size == Size::Huge} onchange={on_checksum} />
                    { " sha1 checksum per chunk" }
                </label>
            </div>
            <div class="upload-controls" role="group" aria-label="Upload controls">
                <button type="button" data-testid="upload-play" onclick={on_play}>{ if *playing { "Pause" } else { "Upload" } }</button>
                <button type="button" data-testid="upload-step" onclick={on_step}>{ "Step" }</button>
                <button type="button" data-testid="upload-drop" onclick={fault(Fault::DropConnection)}>{ "Drop connection" }</button>
                <button type="button" data-testid="upload-restart" onclick={fault(Fault::RestartServer)}>{ "Restart server" }</button>
                <button type="button" data-testid="upload-corrupt" onclick={fault(Fault::CorruptNextChunk)} disabled={!checksums_on}>{ "Corrupt next chunk" }</button>
                <button type="button" data-testid="upload-reset" onclick={on_reset}>{ "Reset" }</button>
            </div>
            <p class="upload-progress" data-testid="upload-progress" aria-live="polite">
                { format!("{percent:.1}% acknowledged ({} of {}), {} on the wire · {} ms · {status}", bytes(p.acked), bytes(p.total), bytes(p.sent.saturating_sub(p.acked)), s.now()) }
            </p>
            <progress max={p.total.to_string()} value={p.acked.to_string()} aria-label="Acknowledged bytes" />
            <ol class="blocks" data-testid="upload-blocks" aria-label="The file's chunks">
                { for blocks.iter().map(|b| {
                    let class = block_class(b);
                    html! { <li class={classes!("block", class)} title={format!("{}–{}: {class}", b.start, b.end)}></li> }
                }) }
            </ol>
            <p class="legend">
                <span class="block acked"></span>{ " acknowledged " }
                <span class="block in-flight"></span>{ " on the wire " }
                <span class="block partial"></span>{ " partly kept " }
                <span class="block lost"></span>{ " lost, to resend " }
                <span class="block pending"></span>{ " pending" }
            </p>
            <ol class="upload-log" data-testid="upload-log" aria-label="Requests and responses, newest first">
                { for events.iter().map(|e| html! { <li>{ e }</li> }) }
            </ol>
            <RealUpload />
        </section>
    }
}
