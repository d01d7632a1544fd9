//! The page's footer: the keyboard shortcuts, what Looplab follows, and how long the last run took.
use yew::prelude::*;

use crate::hooks::use_keyboard::SHORTCUTS;

#[derive(Properties, PartialEq)]
pub struct PageFooterProps {
    /// "Last run: N events in M ms.", for a run made here (a trace opened from a file has none).
    pub run_stats: Option<AttrValue>,
}

#[function_component(PageFooter)]
pub fn page_footer(props: &PageFooterProps) -> Html {
    html! {
        <footer>
            <details>
                <summary>{ "Keyboard shortcuts" }</summary>
                <dl class="shortcuts">
                    { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }
                </dl>
            </details>
            <p>
                { "Semantics follow Node 20 and libuv 1.46. " }
                if let Some(stats) = &props.run_stats {
                    <span data-testid="run-stats">{ stats.clone() }</span>
                }
            </p>
        </footer>
    }
}
