//! Lets a course page drive an embed with `postMessage` and hear where it is (the protocol is in
//! `host_message`). Only an embed in a frame listens, and only to its parent window; anything
//! that is not a valid command is ignored.
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::browser;
use crate::decode::host_message::{HostCommand, Position};
use crate::state::{Action, State};

/// Bigger messages are not ours; they are not worth turning into JSON to find out.
const MAX_MESSAGE: usize = 4096;

#[hook]
pub fn use_host_messages(state: UseReducerHandle<State>) {
    let embedded = state.embed;
    // (step, last) as rendered, for relative steps; kept current by every render and by the
    // commands themselves, so two messages before a render still add up.
    let at = use_mut_ref(|| (0usize, 0usize));
    *at.borrow_mut() = (state.step, state.last());
    {
        let dispatcher = state.dispatcher();
        let at = at.clone();
        use_effect_with(embedded, move |&embedded| {
            let listener = embedded
                .then(browser::parent_window)
                .flatten()
                .zip(web_sys::window())
                .map(|(parent, own)| {
                    EventListener::new(&own, "message", move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                            return;
                        };
                        let from_parent = event
                            .source()
                            .is_some_and(|s| js_sys::Object::is(&s, &parent));
                        let Some(command) = from_parent.then(|| command(&event.data())).flatten()
                        else {
                            return;
                        };
                        let (step, last) = *at.borrow();
                        let to = command.target(step, last);
                        dispatcher.dispatch(match (command, to) {
                            (HostCommand::Step(1), _) => Action::StepForward,
                            (HostCommand::Step(-1), _) => Action::StepBack,
                            (_, Some(to)) => Action::GoTo(to),
                            (_, None) => Action::Run,
                        });
                        if let Some(to) = to {
                            at.borrow_mut().0 = to;
                        }
                    })
                });
            move || drop(listener)
        });
    }
    // Where the embed is, told to the page around it.
    let position = state.run.as_ref().map(|run| Position {
        step: state.step,
        last: state.last(),
        level: state.level,
        sentence: run.sentence_at(state.level, state.step).to_string(),
    });
    let announced = use_mut_ref(|| None::<u32>);
    use_effect_with(
        (embedded, state.run_request, position),
        move |(embedded, run_request, position)| {
            if let (true, Some(position)) = (*embedded, position) {
                if announced.replace(Some(*run_request)) != Some(*run_request) {
                    browser::post_to_parent(&position.ready());
                }
                browser::post_to_parent(&position.step_event());
            }
        },
    );
}

/// A host's message as a command, or `None` for anything else. Reads only small plain objects
/// whose `type` starts `looplab:`; a throwing getter or a cycle just makes it `None`.
fn command(data: &JsValue) -> Option<HostCommand> {
    if !data.is_object() {
        return None;
    }
    let kind = js_sys::Reflect::get(data, &"type".into())
        .ok()?
        .as_string()?;
    if !kind.starts_with("looplab:") {
        return None;
    }
    let text: String = js_sys::JSON::stringify(data).ok()?.into();
    if text.len() > MAX_MESSAGE {
        return None;
    }
    let value = serde_json::from_str(&text).ok()?;
    HostCommand::parse(&value).ok()
}
