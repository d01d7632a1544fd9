//! Keyboard shortcuts for every control. Letters are ignored while typing in a field;
//! Ctrl+Enter runs from anywhere, the editor included.
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, State};

/// (keys, what they do), as the shortcut list shows them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+Enter", "run"),
    ("→ or L", "step forward"),
    ("← or H", "step back"),
    ("Space or K", "play / pause"),
    ("N", "next phase"),
    ("I", "next iteration"),
    ("End", "last step"),
    ("Home", "first step"),
];

fn action_for(event: &web_sys::KeyboardEvent) -> Option<Action> {
    if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
        return Some(Action::Run);
    }
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    if browser::typing_in(event.target()) {
        return None;
    }
    Some(match event.key().as_str() {
        "ArrowRight" | "l" => Action::StepForward,
        "ArrowLeft" | "h" => Action::StepBack,
        " " | "k" => Action::TogglePlay,
        "n" => Action::NextPhase,
        "i" => Action::NextIteration,
        "End" => Action::End,
        "Home" => Action::Reset,
        _ => return None,
    })
}

#[hook]
pub fn use_keyboard(state: UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            // Not passive: shortcuts call preventDefault so Space does not scroll the page.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                // A focused button or slider handles Space and arrows itself.
                let on_control = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        el.tag_name() == "BUTTON" && event.key() == " "
                            || el.get_attribute("type").as_deref() == Some("range")
                    });
                if on_control {
                    return;
                }
                if let Some(action) = action_for(event) {
                    event.prevent_default();
                    dispatcher.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}
