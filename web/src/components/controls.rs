//! Run, step, play and jump controls, the speed, a scrubber and the step counter.
use yew::prelude::*;

use crate::state::{Action, SPEEDS};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub step: usize,
    /// The last step; 0 when nothing has run.
    pub last: usize,
    pub has_run: bool,
    /// A step to mark on the scrubber: where a race's orders part.
    #[prop_or_default]
    pub mark: Option<usize>,
    /// A run is going on: Run becomes Stop.
    pub running: bool,
    pub on_stop: Callback<()>,
    pub playing: bool,
    pub stale: bool,
    pub speed: usize,
    pub compact: bool,
    pub on_action: Callback<Action>,
}

fn button(
    on: &Callback<Action>,
    action: Action,
    label: &'static str,
    text: &'static str,
    keys: &'static str,
    testid: Option<&'static str>,
    disabled: bool,
) -> Html {
    let on = on.clone();
    html! {
        // The visible text is the accessible name; the title adds the long form and the key.
        <button type="button" data-testid={testid} title={format!("{label} ({keys})")}
            aria-keyshortcuts={keys} {disabled}
            onclick={Callback::from(move |_| on.emit(action.clone()))}>
            { text }
        </button>
    }
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let on = &props.on_action;
    let none = !props.has_run;
    let at_end = props.step >= props.last;
    let at_start = props.step == 0;
    let on_scrub = {
        let on = on.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>()
                && let Ok(step) = input.value().parse()
            {
                on.emit(Action::GoTo(step));
            }
        })
    };
    let on_speed = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                && let Ok(i) = select.value().parse()
            {
                on.emit(Action::Speed(i));
            }
        })
    };
    let run_text = if props.stale && props.has_run {
        "Run again"
    } else {
        "Run"
    };
    html! {
        <div class="controls" role="toolbar" aria-label="Run and step">
            <div class="buttons">
                if props.running {
                    <button type="button" class="primary stop" data-testid="stop" title="Stop the run"
                        onclick={let on = props.on_stop.clone(); Callback::from(move |_| on.emit(()))}>
                        { "■ Stop" }
                    </button>
                } else if !props.compact {
                    <button type="button" class="primary" data-testid="run" aria-keyshortcuts="Control+Enter"
                        title="Run the files (Ctrl+Enter)"
                        onclick={let on = on.clone(); Callback::from(move |_| on.emit(Action::Run))}>
                        { run_text }
                    </button>
                }
                { button(on, Action::Reset, "First step", "⇤ Start", "Home", Some("reset"), none || at_start) }
                { button(on, Action::StepBack, "Step back", "◀ Back", "ArrowLeft", Some("step-back"), none || at_start) }
                <button type="button" data-testid="play" aria-keyshortcuts="Space"
                    aria-label={if props.playing { "Pause" } else { "Play" }}
                    aria-pressed={props.playing.to_string()} disabled={none}
                    title={if props.playing { "Pause (Space)" } else { "Play (Space)" }}
                    onclick={let on = on.clone(); Callback::from(move |_| on.emit(Action::TogglePlay))}>
                    { if props.playing { "Pause" } else { "Play" } }
                </button>
                { button(on, Action::StepForward, "Step forward", "Step ▶", "ArrowRight", Some("step-forward"), none || at_end) }
                { button(on, Action::NextPhase, "Next phase", "Next phase", "N", Some("next-phase"), none || at_end) }
                { button(on, Action::NextIteration, "Next iteration", "Next iteration", "I", Some("next-iteration"), none || at_end) }
                { button(on, Action::End, "Last step", "End ⇥", "End", Some("end"), none || at_end) }
                <label class="speed">
                    <span>{ "speed" }</span>
                    <select onchange={on_speed} data-testid="speed">
                        { for SPEEDS.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == props.speed}>{ format!("{s}/s") }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="scrub">
                <input type="range" min="0" max={props.last.to_string()} value={props.step.to_string()}
                    aria-label="Step" disabled={none} oninput={on_scrub} data-testid="scrubber"
                    list={props.mark.map(|_| "scrub-marks")} />
                if let Some(mark) = props.mark {
                    <datalist id="scrub-marks">
                        <option value={mark.to_string()} label="the orders part here" />
                    </datalist>
                }
                <span data-testid="step-counter" aria-live="off">
                    { format!("step {} of {}", props.step + 1, props.last + 1) }
                </span>
            </div>
        </div>
    }
}
