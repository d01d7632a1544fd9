//! The Looplab playground: a Yew page that runs a scenario on the model and draws every step.
mod app;
mod browser;
mod components;
mod decode;
mod files;
mod hooks;
mod run;
mod scenario;
mod scenarios;
mod state;
mod view;

fn main() {
    // The same module runs code in a worker (run/worker.rs), where there is no page to render.
    if web_sys::window().is_some() {
        yew::Renderer::<app::App>::new().render();
    }
}
