//! The scenario's files: a tab per file, line numbers, and a plain textarea (accessible and small).
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::files::SourceFile;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub files: Vec<SourceFile>,
    pub active: usize,
    pub read_only: bool,
    pub on_edit: Callback<(usize, String)>,
    pub on_select: Callback<usize>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let active = props.active.min(props.files.len().saturating_sub(1));
    let Some(file) = props.files.get(active) else {
        return html! {};
    };
    let lines = file.text.lines().count().max(1);
    let gutter = use_node_ref();
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_edit.emit((active, area.value()));
            }
        })
    };
    // Keeps the line numbers beside their lines when the text scrolls.
    let onscroll = {
        let gutter = gutter.clone();
        Callback::from(move |e: Event| {
            let top = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map_or(0, |el| el.scroll_top());
            if let Some(g) = gutter.cast::<web_sys::Element>() {
                g.set_scroll_top(top);
            }
        })
    };
    html! {
        <section class="editor" aria-label="Scenario files">
            if props.files.len() > 1 {
                <div class="tabs" role="tablist" aria-label="Files">
                    { for props.files.iter().enumerate().map(|(i, f)| {
                        let on_select = props.on_select.clone();
                        html! {
                            <button role="tab" aria-selected={(i == active).to_string()}
                                onclick={Callback::from(move |_| on_select.emit(i))}>
                                { &f.name }
                            </button>
                        }
                    }) }
                </div>
            } else {
                <div class="tabs single">{ &file.name }</div>
            }
            <div class="code">
                <pre class="gutter" aria-hidden="true" ref={gutter}>
                    { (1..=lines).map(|n| format!("{n}\n")).collect::<String>() }
                </pre>
                <textarea data-testid="editor" spellcheck="false" autocomplete="off"
                    aria-label={format!("Source of {}", file.name)}
                    readonly={props.read_only}
                    rows={lines.clamp(6, 24).to_string()}
                    value={file.text.clone()} {oninput} {onscroll} />
            </div>
        </section>
    }
}
