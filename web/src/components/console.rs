//! Everything the run printed, from the first step: lines still to come are dimmed
//! (`data-future`), the one printed at this step is marked, and each line jumps to its step.
use std::rc::Rc;

use yew::prelude::*;

use crate::run::finished::RunData;

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
    html! {
        <section class="panel console" aria-labelledby="console-heading">
            <h2 id="console-heading">
                { "Console" }
                if !lines.is_empty() {
                    <span class="muted">{ format!(" {shown} of {} lines printed so far", lines.len()) }</span>
                }
            </h2>
            <ol data-testid="console" aria-label="Console output; lines not printed yet are dimmed">
                { for lines.iter().enumerate().map(|(i, line)| {
                    let on_jump = props.on_jump.clone();
                    let step = line.step;
                    let future = i >= shown;
                    let now = step == props.step;
                    html! {
                        <li class={classes!("line", (line.fd == 2).then_some("stderr"), now.then_some("now"), future.then_some("future"))}
                            data-future={future.then_some("true")} aria-current={now.then_some("true")}>
                            <button type="button" class="jump" title="Go to the step that prints this line"
                                onclick={Callback::from(move |_| on_jump.emit(step))}>
                                <span class="text">{ line.text.trim_end_matches('\n') }</span>
                                if future {
                                    <span class="visually-hidden">{ " (not printed yet)" }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
