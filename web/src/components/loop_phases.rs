//! The loop: its phases in libuv's order with the current one lit, the iteration, loop time, why
//! poll waits, and whether the loop is alive and why.
use std::rc::Rc;

use looplab_core::replay::View;
use looplab_core::trace::{AliveReason, PollReason};
use looplab_core::uv::Phase;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoopPhasesProps {
    pub view: Rc<View>,
}

fn poll_text(reason: PollReason) -> &'static str {
    match reason {
        PollReason::NoWaitMode => "the loop runs in NOWAIT mode",
        PollReason::Stopped => "uv_stop() was called",
        PollReason::NothingActive => "nothing ref'd is active",
        PollReason::PendingCallbacks => "pending callbacks wait",
        PollReason::IdleHandles => "setImmediate callbacks wait (idle handle)",
        PollReason::ClosingHandles => "handles are closing",
        PollReason::NextTimer => "until the earliest timer is due",
        PollReason::TimerDue => "a timer is already due",
        PollReason::NoTimers => "no timers: only I/O can wake it",
    }
}

fn wait_text(view: &View) -> String {
    match view.poll {
        Some((Some(0), reason)) => format!("poll does not block: {}", poll_text(reason)),
        Some((Some(ms), reason)) => format!("poll blocks up to {ms} ms: {}", poll_text(reason)),
        Some((None, reason)) => format!("poll blocks until I/O: {}", poll_text(reason)),
        None => "poll: not waiting now".into(),
    }
}

fn alive_text(view: &View) -> String {
    match &view.alive {
        None => "alive: not checked yet".into(),
        Some(a) if !a.alive => "not alive: nothing keeps the loop running".into(),
        Some(a) => {
            let reasons: Vec<String> = a
                .reasons
                .iter()
                .map(|r| match r {
                    AliveReason::Handle(h) => view
                        .handles
                        .get(h)
                        .map_or(format!("handle #{}", h.0), |h| h.label.clone()),
                    AliveReason::Request(r) => view
                        .requests
                        .get(r)
                        .map_or(format!("request #{}", r.0), |r| r.label.clone()),
                    AliveReason::PendingCallbacks => "pending callbacks".into(),
                    AliveReason::ClosingHandles => "closing handles".into(),
                })
                .collect();
            format!("alive because of: {}", reasons.join(", "))
        }
    }
}

#[function_component(LoopPhases)]
pub fn loop_phases(props: &LoopPhasesProps) -> Html {
    let view = &props.view;
    let status = if let Some(code) = view.exit {
        format!("exited with code {code}")
    } else if view.phase.is_none() && view.index > 0 {
        "running JavaScript outside the loop".into()
    } else if view.index == 0 {
        "not started".into()
    } else {
        format!("iteration {}", view.iteration)
    };
    html! {
        <section class="panel loop" aria-labelledby="loop-heading">
            <h2 id="loop-heading">{ "Event loop" }</h2>
            <p class="loop-status" data-testid="loop-status">
                <span>{ status }</span>
                <span>{ format!("loop time {} ms", view.loop_ms) }</span>
            </p>
            <ol class="phases">
                { for Phase::ALL.iter().map(|&phase| {
                    let here = view.phase == Some(phase);
                    html! {
                        <li class={classes!("phase", here.then_some("lit"))}
                            data-testid={format!("phase-{}", phase.name())}
                            aria-current={here.then_some("step")}>
                            { phase.name() }
                        </li>
                    }
                }) }
            </ol>
            <p class="poll-wait" data-testid="poll-wait">{ wait_text(view) }</p>
            <p class="alive" data-testid="alive">{ alive_text(view) }</p>
        </section>
    }
}
