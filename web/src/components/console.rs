//! Everything the run printed, from the first step: lines still to come are dimmed
//! (`data-future`), the one printed at this step is marked, and each line jumps to its step.
//!
//! A run may print thousands of lines and a step changes few of them, so the lines render in
//! chunks that redraw only when their own lines change, and one click handler on the list serves
//! every line.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::run::finished::RunData;

/// Lines per chunk: a step redraws at most the chunks around the lines it prints.
const CHUNK: usize = 64;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub run: Option<Rc<RunData>>,
    /// The internal step shown now.
    pub step: usize,
    /// Jumps to an internal step.
    pub on_jump: Callback<usize>,
}

#[function_component(Console)]
pub fn console(props: &ConsoleProps) -> Html {
    let lines = props.run.as_ref().map_or(&[][..], |r| &r.console[..]);
    let shown = lines.partition_point(|l| l.step <= props.step);
    // A line's button says its step; the list hears every click.
    let onclick = {
        let on_jump = props.on_jump.clone();
        Callback::from(move |e: MouseEvent| {
            let step = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("button[data-step]").ok().flatten())
                .and_then(|b| b.get_attribute("data-step"))
                .and_then(|s| s.parse().ok());
            if let Some(step) = step {
                on_jump.emit(step);
            }
        })
    };
    html! {
        <section class="panel console" aria-labelledby="console-heading">
            <h2 id="console-heading">
                { "Console" }
                if !lines.is_empty() {
                    <span class="muted">{ format!(" {shown} of {} lines printed so far", lines.len()) }</span>
                }
            </h2>
            <ol data-testid="console" aria-label="Console output; lines not printed yet are dimmed" {onclick}>
                if let Some(run) = &props.run {
                    { for (0..lines.len()).step_by(CHUNK).map(|start| {
                        let end = (start + CHUNK).min(lines.len());
                        let now = lines[start..end].iter().any(|l| l.step == props.step).then_some(props.step);
                        html! {
                            <ConsoleChunk key={start} run={run.clone()} {start} {end}
                                shown={shown.clamp(start, end)} {now} />
                        }
                    }) }
                }
            </ol>
        </section>
    }
}

#[derive(Properties)]
struct ConsoleChunkProps {
    run: Rc<RunData>,
    start: usize,
    end: usize,
    /// Lines before this index are printed.
    shown: usize,
    /// The step shown now, when it prints a line of this chunk.
    now: Option<usize>,
}

impl PartialEq for ConsoleChunkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run)
            && (self.start, self.end, self.shown, self.now)
                == (other.start, other.end, other.shown, other.now)
    }
}

#[function_component(ConsoleChunk)]
fn console_chunk(props: &ConsoleChunkProps) -> Html {
    let lines = &props.run.console[props.start..props.end];
    html! {
        { for lines.iter().enumerate().map(|(i, line)| {
            let future = props.start + i >= props.shown;
            let now = Some(line.step) == props.now;
            html! {
                <li class={classes!("line", (line.fd == 2).then_some("stderr"), now.then_some("now"), future.then_some("future"))}
                    data-future={future.then_some("true")} aria-current={now.then_some("true")}>
                    <button type="button" class="jump" title="Go to the step that prints this line"
                        data-step={line.step.to_string()}>
                        <span class="text">{ line.text.trim_end_matches('\n') }</span>
                        if future {
                            <span class="visually-hidden">{ " (not printed yet)" }</span>
                        }
                    </button>
                </li>
            }
        }) }
    }
}
