//! The share link, shown for copying; the page copies it when the panel opens, and the note
//! says whether that worked.
use yew::prelude::*;

use crate::components::copy_note::CopyNote;
use crate::hooks::use_copy::CopyOutcome;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The link, exactly as copied.
    pub text: AttrValue,
    pub outcome: Option<CopyOutcome>,
    pub on_copy: Callback<String>,
    pub on_close: Callback<()>,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let on_close = props.on_close.clone();
    let on_copy = {
        let (on_copy, text) = (props.on_copy.clone(), props.text.clone());
        Callback::from(move |_| on_copy.emit(text.to_string()))
    };
    html! {
        <section class="share-panel" role="region" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Share link" }</h2>
            <p>{ "This link opens the code, the settings and this step:" }</p>
            <textarea readonly=true rows="3" aria-label="Share link"
                data-testid="share-link" value={props.text.clone()} />
            <div class="dialog-actions">
                <button type="button" class="primary" data-testid="share-copy" onclick={on_copy}>{ "Copy" }</button>
                <button type="button" onclick={Callback::from(move |_| on_close.emit(()))}>{ "Close" }</button>
            </div>
            <CopyNote text={props.text.clone()} outcome={props.outcome.clone()} testid="share-copy-status" />
        </section>
    }
}
