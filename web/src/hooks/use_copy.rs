//! Copying text to the clipboard, with the outcome kept beside the text it was for, so a panel
//! says "Copied" only while it shows that same text and only after the browser took it.
use yew::prelude::*;

use crate::browser;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    Copied(String),
    Refused(String),
}

impl CopyOutcome {
    /// Whether the copy succeeded, for `text`; `None` when nothing was copied since it changed.
    pub fn for_text(outcome: Option<&CopyOutcome>, text: &str) -> Option<bool> {
        match outcome? {
            CopyOutcome::Copied(t) if t == text => Some(true),
            CopyOutcome::Refused(t) if t == text => Some(false),
            _ => None,
        }
    }
}

/// The last copy's outcome, and a callback that copies a text.
#[hook]
pub fn use_copy() -> (Option<CopyOutcome>, Callback<String>) {
    let outcome = use_state(|| None::<CopyOutcome>);
    let copy = {
        let outcome = outcome.clone();
        Callback::from(move |text: String| {
            let outcome = outcome.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = browser::copy(&text).await;
                outcome.set(Some(if copied {
                    CopyOutcome::Copied(text)
                } else {
                    CopyOutcome::Refused(text)
                }));
            });
        })
    };
    ((*outcome).clone(), copy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outcome_counts_only_for_its_own_text() {
        let copied = CopyOutcome::Copied("a".into());
        assert_eq!(CopyOutcome::for_text(Some(&copied), "a"), Some(true));
        assert_eq!(CopyOutcome::for_text(Some(&copied), "b"), None);
        let refused = CopyOutcome::Refused("a".into());
        assert_eq!(CopyOutcome::for_text(Some(&refused), "a"), Some(false));
        assert_eq!(CopyOutcome::for_text(None, "a"), None);
    }
}
