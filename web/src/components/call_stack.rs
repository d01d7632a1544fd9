//! The call stack: the learner's frames at this step, most recent on top, and at the bottom the
//! task the loop called. Between callbacks it is empty, which is the point: the loop runs, not
//! JavaScript.
use looplab_core::trace::Frame;
use yew::prelude::*;

use crate::view::call_stack::{function_name, short_file};

#[derive(Properties, PartialEq)]
pub struct CallStackProps {
    /// Most recent first.
    pub frames: Vec<Frame>,
    /// The running task in words; None between callbacks.
    pub task: Option<String>,
    /// Anything has run yet.
    #[prop_or(true)]
    pub started: bool,
}

#[function_component(CallStack)]
pub fn call_stack(props: &CallStackProps) -> Html {
    html! {
        <section class="panel call-stack" aria-labelledby="call-stack-heading" data-testid="call-stack">
            <h2 id="call-stack-heading">{ "Call stack" }</h2>
            if let Some(task) = &props.task {
                <ol class="frames" aria-label="Frames, most recent first">
                    { for props.frames.iter().map(|f| html! {
                        <li class="frame">
                            <code class="fn">{ function_name(f) }</code>
                            <span class="where">{ format!("{}:{}", short_file(&f.file), f.line) }</span>
                        </li>
                    }) }
                    <li class="frame task" data-testid="call-stack-task">{ task }</li>
                </ol>
            } else if !props.started {
                <p class="empty" data-testid="call-stack-empty">{ "Nothing has run yet." }</p>
            } else {
                <p class="empty" data-testid="call-stack-empty">
                    { "The stack is empty: no JavaScript is running between callbacks. The event loop \
                       is in charge and picks the next callback." }
                </p>
            }
        </section>
    }
}
