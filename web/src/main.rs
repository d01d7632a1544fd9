//! The Looplab playground: a Yew page that runs a scenario on the model and draws every step.
mod app;
mod browser;
mod call_stack;
mod cards;
mod components;
mod demo_host;
mod embed_code;
mod embed_panels;
mod fetch;
#[cfg(all(feature = "js", target_arch = "wasm32"))]
mod fidelity_hook;
mod files;
mod hooks;
mod host_message;
mod js_tokens;
mod layers;
mod learner;
mod level;
mod library;
mod module_graph;
mod narration;
mod now;
mod replay;
mod ring;
mod run_data;
#[cfg(all(target_arch = "wasm32", feature = "js"))]
mod run_worker;
mod runner;
mod scenario;
mod share;
mod state;
mod stop_cause;
mod timeline;
mod trace_file;
mod transfer;
mod wire;
mod wire_log;

fn main() {
    // The same module runs code in a worker (run_worker.rs), where there is no page to render.
    if web_sys::window().is_some() {
        yew::Renderer::<app::App>::new().render();
    }
}
