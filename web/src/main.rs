//! The Looplab page: mounts the Yew app on the document body.
mod app;
mod components;
mod demo;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
