//! The event loop drawn as Node's loop diagram: an SVG ring with the phases in libuv 1.46 order,
//! the entry arrow (timers run once before the first iteration), the "alive?" check where the loop
//! goes round or exits, a marker that travels, and the microtask checkpoint in the middle.
use std::rc::Rc;

use crate::view::replay::View;
use looplab_core::trace::AliveReason;
use looplab_core::uv::{HandleKind, Phase};
use yew::prelude::*;

use crate::view::now::Now;
use crate::view::ring::{self, ORDER, RingState, Spot};

#[derive(Properties, PartialEq)]
pub struct LoopRingProps {
    pub view: Rc<View>,
    pub ring: RingState,
    pub now: Now,
    /// A callback that just held the main thread this many ms: the ring is drawn stalled.
    #[prop_or_default]
    pub held_ms: Option<u64>,
}

const CX: f64 = 160.0;
const CY: f64 = 150.0;
const R: f64 = 108.0;

fn at(deg: f64, r: f64) -> (f64, f64) {
    let rad = deg.to_radians();
    (CX + r * rad.sin(), CY - r * rad.cos())
}

/// Why the loop is alive, in a learner's words: Node's own handles by what they stand for.
fn alive_text(view: &View, now: bool) -> String {
    // Between checks the answer shown is the last one, and says so.
    let asked = if now { "alive?" } else { "last alive? check:" };
    match &view.alive {
        None => "alive? not checked yet".into(),
        Some(a) if !a.alive => format!("{asked} no, nothing keeps the loop running"),
        Some(a) => {
            let mut reasons: Vec<String> = Vec::new();
            for r in &a.reasons {
                let why = match r {
                    AliveReason::Handle(h) => match view.handles.get(h) {
                        Some(h) if h.internal => match h.kind {
                            Some(HandleKind::Timer) => "a timer".to_string(),
                            Some(HandleKind::Idle | HandleKind::Check) => "an immediate".into(),
                            _ => "Node's own work".into(),
                        },
                        Some(h) => h.label.clone(),
                        None => "a handle".into(),
                    },
                    AliveReason::Request(r) => view
                        .requests
                        .get(r)
                        .map_or("a request".into(), |r| format!("{} in flight", r.label)),
                    AliveReason::PendingCallbacks => "deferred callbacks".into(),
                    AliveReason::ClosingHandles => "closing handles".into(),
                };
                if !reasons.contains(&why) {
                    reasons.push(why);
                }
            }
            format!("{asked} yes, {}", reasons.join(", "))
        }
    }
}

fn phase_node(phase: Phase, ring: &RingState) -> Html {
    let (x, y) = at(ring::angle(phase), R);
    let here =
        ring.spot == Spot::Phase(phase) || (phase == Phase::Timers && ring.spot == Spot::Entry);
    let poll = phase == Phase::Poll;
    let (w, h) = (if poll { 84.0 } else { 74.0 }, 28.0);
    html! {
        <g class={classes!("ring-phase", here.then_some("lit"))} data-testid={format!("phase-{}", phase.name())}
            aria-current={here.then_some("step")}>
            <rect x={(x - w / 2.0).to_string()} y={(y - h / 2.0).to_string()} width={w.to_string()} height={h.to_string()} rx="14" />
            <text x={x.to_string()} y={(y + 5.0).to_string()} text-anchor="middle">{ phase.name() }</text>
        </g>
    }
}

#[function_component(LoopRing)]
pub fn loop_ring(props: &LoopRingProps) -> Html {
    let view = &props.view;
    let ring = &props.ring;
    let status = match props.held_ms {
        Some(ms) => format!("held: your code ran {ms} ms and the loop stood still"),
        None => props.now.status(view.iteration),
    };
    let alive_lit = matches!(ring.spot, Spot::Alive(_));
    let leaving = matches!(ring.spot, Spot::Alive(false) | Spot::Exited);
    let entry_lit = ring.spot == Spot::Entry;
    let cp = ring.checkpoint;
    let (ax, ay) = at(0.0, R);
    let (tx, ty) = at(ring::angle(Phase::Timers), R);
    let (px, py) = at(ring::angle(Phase::Poll), R);
    let label = format!(
        "The event loop: {status}. Phases in order: pending, idle, prepare, poll, check, close, timers; then the alive check."
    );
    html! {
        <section class="panel loop" aria-labelledby="loop-heading">
            <h2 id="loop-heading">{ "Event loop" }</h2>
            <p class="loop-status" data-testid="loop-status">
                <span>{ status.clone() }</span>
                <span>{ format!("loop time {} ms", ring.loop_ms) }</span>
            </p>
            <svg class={classes!("ring", props.held_ms.is_some().then_some("held"))} viewBox="0 0 320 304"
                data-testid="loop-ring" role="img" aria-label={label}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                    </marker>
                </defs>
                <circle class="track" cx={CX.to_string()} cy={CY.to_string()} r={R.to_string()} />
                // Clockwise arrows between the stops, so the direction reads at a glance.
                { for (0..8).map(|i| {
                    let from = i as f64 * 45.0 + 12.0;
                    let to = from + 21.0;
                    let (x1, y1) = at(from, R);
                    let (x2, y2) = at(to, R);
                    html! { <path class="flow" d={format!("M {x1:.1} {y1:.1} A {R} {R} 0 0 1 {x2:.1} {y2:.1}")} marker-end="url(#arrow)" /> }
                }) }
                <g class={classes!("marker", (ring.spot == Spot::Outside && view.alive.is_none()).then_some("waiting"))} data-testid="loop-marker" data-deg={ring.marker_deg.to_string()}
                    style={format!("transform: rotate({}deg)", ring.marker_deg)}>
                    // An arc of the track, lit where the loop is: visible between the stops.
                    <path d={{
                        let (x1, y1) = at(-21.0, R);
                        let (x2, y2) = at(21.0, R);
                        format!("M {x1:.1} {y1:.1} A {R} {R} 0 0 1 {x2:.1} {y2:.1}")
                    }} />
                </g>
                <g class={classes!("entry", entry_lit.then_some("lit"))} data-testid="loop-entry">
                    <path d={format!("M 6 22 L {:.1} {:.1}", tx - 30.0, ty - 14.0)} marker-end="url(#arrow)" />
                    <text x="6" y="14">{ "start: timers once" }</text>
                </g>
                <g class={classes!("alive-check", alive_lit.then_some("lit"), leaving.then_some("leaving"))} data-testid="loop-alive">
                    <path d={format!("M {ax} {} L {} {ay} L {ax} {} L {} {ay} Z", ay - 17.0, ax + 26.0, ay + 17.0, ax - 26.0)} />
                    <text x={ax.to_string()} y={(ay + 4.0).to_string()} text-anchor="middle">{ "alive?" }</text>
                    <path class="exit" d={format!("M {} {ay} L 300 {ay}", ax + 28.0)} marker-end="url(#arrow)" />
                    <text class="exit-label" x="270" y={(ay - 6.0).to_string()} text-anchor="middle">{ "no: exit" }</text>
                </g>
                { for ORDER.iter().map(|&p| phase_node(p, ring)) }
                if let Some(wait) = &ring.poll {
                    <text class="poll-note" x={px.to_string()} y={(py + 30.0).to_string()} text-anchor="middle">{ wait.clone() }</text>
                }
                if let Some(ms) = props.held_ms {
                    <text class="held-note" data-testid="loop-held" x={CX.to_string()} y={(CY + 46.0).to_string()} text-anchor="middle">
                        { format!("loop held {ms} ms") }
                    </text>
                }
                <g class={classes!("checkpoint", cp.lit().then_some("lit"))} data-testid="microtask-checkpoint">
                    <rect x={(CX - 62.0).to_string()} y={(CY - 40.0).to_string()} width="124" height="66" rx="8" />
                    <text class="cp-title" x={CX.to_string()} y={(CY - 24.0).to_string()} text-anchor="middle">{ "after each callback" }</text>
                    <text class={classes!("cp-row", cp.ticking.then_some("now"))} x={CX.to_string()} y={(CY - 4.0).to_string()} text-anchor="middle">
                        { format!("1. nextTick queue ({})", cp.ticks + usize::from(cp.ticking)) }
                    </text>
                    <text class={classes!("cp-row", cp.resolving.then_some("now"))} x={CX.to_string()} y={(CY + 16.0).to_string()} text-anchor="middle">
                        { format!("2. promise jobs ({})", cp.promises + usize::from(cp.resolving)) }
                    </text>
                </g>
            </svg>
            <p class="poll-wait" data-testid="poll-wait">
                { ring.poll.as_ref().map_or_else(|| "poll: not waiting now".to_string(), |w| format!("poll {w}")) }
            </p>
            <p class="alive" data-testid="alive">{ alive_text(view, alive_lit) }</p>
        </section>
    }
}
