//! The Looplab playground: a Yew page that runs a scenario on the model and draws every step.
mod app;
mod browser;
mod call_stack;
mod cards;
mod components;
mod demo_host;
mod fetch;
#[cfg(all(feature = "js", target_arch = "wasm32"))]
mod fidelity_hook;
mod files;
mod hooks;
mod js_tokens;
mod layers;
mod learner;
mod level;
mod library;
mod module_graph;
mod now;
mod ring;
mod run_data;
mod runner;
mod scenario;
mod share;
mod state;
mod timeline;
mod trace_file;
mod transfer;
mod wire;
mod wire_log;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
