//! "Open trace…": a file input that reads a trace written by `looplab run --trace` and hands the
//! page its run, or a message saying why the file cannot be replayed.
use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::decode::trace_file;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct OpenTraceProps {
    pub on_action: Callback<Action>,
}

/// Reads the file and answers with `OpenTrace` or a `Message`; the current run stays on a failure.
async fn open(file: web_sys::File, on_action: Callback<Action>) {
    let name = file.name();
    let failed = |why: String| Action::Message(Some(format!("Could not open {name}: {why}")));
    // The size is known before reading, so a huge file is refused without loading it.
    if let Err(e) = trace_file::check_size(file.size() as u64) {
        on_action.emit(failed(e.to_string()));
        return;
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => {
            on_action.emit(failed("the browser could not read it.".into()));
            return;
        }
    };
    on_action.emit(match trace_file::parse(&bytes) {
        Ok(file) => Action::OpenTrace {
            run: Rc::new(file.into_run()),
            name,
        },
        Err(e) => failed(e.to_string()),
    });
}

#[function_component(OpenTrace)]
pub fn open_trace(props: &OpenTraceProps) -> Html {
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|list| list.get(0)) {
                yew::platform::spawn_local(open(file, on_action.clone()));
            }
            // Cleared, so opening the same file again (after recording it anew) fires again.
            input.set_value("");
        })
    };
    html! {
        <label class="open-trace" title="Replay a trace written by looplab run --trace FILE (simulated or --real)">
            <span>{ "Open trace…" }</span>
            <input type="file" accept=".json,application/json" data-testid="open-trace" {onchange} />
        </label>
    }
}
