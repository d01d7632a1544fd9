//! The share link or the iframe code, shown for copying (and copied already where allowed).
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub title: AttrValue,
    pub text: AttrValue,
    pub testid: AttrValue,
    pub on_close: Callback<()>,
    /// The embed panel offers a read-only editor option.
    #[prop_or_default]
    pub read_only: Option<(bool, Callback<bool>)>,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let on_close = props.on_close.clone();
    html! {
        <section class="share-panel" role="region" aria-label={props.title.clone()}>
            <h2>{ props.title.clone() }</h2>
            <p>{ "Copied to the clipboard. You can also copy it here:" }</p>
            <textarea readonly=true rows="3" aria-label={props.title.clone()}
                data-testid={props.testid.clone()} value={props.text.clone()} />
            if let Some((checked, on)) = props.read_only.clone() {
                <label class="radio">
                    <input type="checkbox" {checked}
                        onchange={Callback::from(move |_| on.emit(!checked))} />
                    { "read-only editor" }
                </label>
            }
            <button type="button" onclick={Callback::from(move |_| on_close.emit(()))}>{ "Close" }</button>
        </section>
    }
}
