//! Your code → Node's JS → C++ bindings → libuv → thread pool → OS, with the current step's lit.
use yew::prelude::*;

use crate::view::layers::Layer;

#[derive(Properties, PartialEq)]
pub struct LayerStripProps {
    pub current: Option<Layer>,
}

#[function_component(LayerStrip)]
pub fn layer_strip(props: &LayerStripProps) -> Html {
    html! {
        <ol class="layer-strip" aria-label="Where this step happens">
            { for Layer::ALL.iter().map(|&layer| {
                let here = props.current == Some(layer);
                html! {
                    <li class={classes!("layer", here.then_some("lit"))} data-layer={layer.id()}
                        aria-current={here.then_some("location")}>
                        { layer.name() }
                    </li>
                }
            }) }
        </ol>
    }
}
