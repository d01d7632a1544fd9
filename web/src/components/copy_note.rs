//! What became of copying the text a panel shows: copied, refused (then how to copy by hand),
//! or nothing yet. It speaks only of the text shown now, so a changed text is never "Copied".
use yew::prelude::*;

use crate::hooks::use_copy::CopyOutcome;

#[derive(Properties, PartialEq)]
pub struct CopyNoteProps {
    /// The text the panel shows.
    pub text: AttrValue,
    pub outcome: Option<CopyOutcome>,
    pub testid: AttrValue,
}

#[function_component(CopyNote)]
pub fn copy_note(props: &CopyNoteProps) -> Html {
    let (class, words) = match CopyOutcome::for_text(props.outcome.as_ref(), &props.text) {
        Some(true) => ("copied", "Copied to the clipboard."),
        Some(false) => (
            "refused",
            "Could not copy: the browser did not allow the clipboard. Select the text above and copy it (Ctrl+C, or ⌘C on a Mac).",
        ),
        None => ("", ""),
    };
    html! {
        <p class={classes!("copy-note", class)} role="status" data-testid={props.testid.clone()}>{ words }</p>
    }
}
