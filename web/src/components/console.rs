//! What the script printed so far; each line is a button that jumps to the step that printed it.
use std::rc::Rc;

use yew::prelude::*;

use crate::run_data::RunData;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub run: Option<Rc<RunData>>,
    pub step: usize,
    pub on_jump: Callback<usize>,
}

#[function_component(Console)]
pub fn console(props: &ConsoleProps) -> Html {
    let lines = props.run.as_ref().map_or(&[][..], |r| &r.console[..]);
    let shown = lines.partition_point(|l| l.step <= props.step);
    html! {
        <section class="panel console" aria-labelledby="console-heading">
            <h2 id="console-heading">{ "Console" }</h2>
            <ol data-testid="console" aria-label="Console output so far">
                { for lines[..shown].iter().map(|line| {
                    let on_jump = props.on_jump.clone();
                    let step = line.step;
                    html! {
                        <li class={classes!("line", (line.fd == 2).then_some("stderr"), (step == props.step).then_some("now"))}>
                            <button type="button" class="jump" title={format!("go to step {}", step + 1)}
                                aria-label={format!("step {}", step + 1)}
                                onclick={Callback::from(move |_| on_jump.emit(step))}>
                                { step + 1 }
                            </button>
                            <span class="text">{ line.text.trim_end_matches('\n') }</span>
                        </li>
                    }
                }) }
            </ol>
            if shown < lines.len() {
                <p class="more">{ format!("{} more line(s) to come", lines.len() - shown) }</p>
            }
        </section>
    }
}
