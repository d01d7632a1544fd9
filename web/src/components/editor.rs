//! The scenario's files: a tab per file, line numbers, JavaScript colours and the running line.
//!
//! A light editor: the textarea stays the input (undo, selection, IME, screen readers) with its
//! text transparent over a coloured `<pre>` of the same metrics; scrolling is mirrored to the
//! `<pre>` and the gutter. Tab indents; Escape then Tab leaves, so keyboards are never trapped.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::decode::js_tokens::line_ranges;
use crate::files::SourceFile;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub files: Vec<SourceFile>,
    pub active: usize,
    pub read_only: bool,
    /// The line (1-based) the current step runs, when it is in the file shown.
    #[prop_or_default]
    pub running_line: Option<u32>,
    pub on_edit: Callback<(usize, String)>,
    pub on_select: Callback<usize>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let gutter = use_node_ref();
    let layer = use_node_ref();
    let area = use_node_ref();
    let escaped = use_mut_ref(|| false);
    let active = props.active.min(props.files.len().saturating_sub(1));
    // Colours change with the text only, not with every step.
    let text = props.files.get(active).map(|f| f.text.clone());
    let text_lines = use_memo(text.unwrap_or_default(), |text| line_ranges(text));
    // A short editor (an embed's) may not show the running line: bring it into view.
    {
        let (area, layer) = (area.clone(), layer.clone());
        use_effect_with((props.running_line, active), move |_| {
            let line = layer
                .cast::<web_sys::Element>()
                .and_then(|l| l.query_selector(".ln.running").ok().flatten())
                .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok());
            if let (Some(area), Some(line)) = (area.cast::<web_sys::HtmlElement>(), line) {
                let (top, bottom) = (line.offset_top(), line.offset_top() + line.offset_height());
                let (from, height) = (area.scroll_top(), area.client_height());
                if top < from || bottom > from + height {
                    area.set_scroll_top(top - height / 3);
                }
            }
        });
    }
    let Some(file) = props.files.get(active) else {
        return html! {};
    };
    let line_count = file.text.split('\n').count();
    let running = props.running_line.map(|l| l as usize);
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_edit.emit((active, area.value()));
            }
        })
    };
    // Keeps the line numbers and the colours under the text when it scrolls.
    let onscroll = {
        let (gutter, layer) = (gutter.clone(), layer.clone());
        Callback::from(move |e: Event| {
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            if let Some(g) = gutter.cast::<web_sys::Element>() {
                g.set_scroll_top(area.scroll_top());
            }
            if let Some(l) = layer.cast::<web_sys::Element>() {
                l.set_scroll_top(area.scroll_top());
                l.set_scroll_left(area.scroll_left());
            }
        })
    };
    let onkeydown = {
        let escaped = Rc::clone(&escaped);
        let read_only = props.read_only;
        Callback::from(move |e: KeyboardEvent| {
            let was_escaped = escaped.replace(e.key() == "Escape");
            let plain_tab = e.key() == "Tab" && !e.shift_key() && !e.ctrl_key() && !e.alt_key();
            if read_only || !plain_tab || was_escaped {
                return;
            }
            e.prevent_default();
            insert_spaces();
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
                    { for (1..=line_count).map(|n| html! {
                        <span class={classes!("num", (Some(n) == running).then_some("running"))}>{ n }</span>
                    }) }
                </pre>
                <div class="layers">
                    <pre class="colours" aria-hidden="true" ref={layer}><code>
                        { for text_lines.iter().enumerate().map(|(i, pieces)| {
                            let is_running = Some(i + 1) == running;
                            html! {
                                <span class={classes!("ln", is_running.then_some("running"))}
                                    data-testid={is_running.then_some("running-line")}
                                    data-line={is_running.then(|| (i + 1).to_string())}>
                                    { for pieces.iter().map(|(kind, range)| {
                                        let text = &file.text[range.clone()];
                                        match kind.class() {
                                            Some(class) => html! { <span class={class}>{ text }</span> },
                                            None => html! { { text } },
                                        }
                                    }) }
                                    // An empty line still takes its height.
                                    if pieces.is_empty() { { " " } }
                                </span>
                            }
                        }) }
                    </code></pre>
                    <textarea data-testid="editor" ref={area.clone()} spellcheck="false" autocomplete="off"
                        autocapitalize="off" wrap="off"
                        aria-label={format!("Source of {}", file.name)}
                        aria-describedby={(!props.read_only).then_some("editor-keys")}
                        readonly={props.read_only}
                        rows={line_count.clamp(6, 24).to_string()}
                        value={file.text.clone()} {oninput} {onscroll} {onkeydown} />
                </div>
            </div>
            if !props.read_only {
                <p id="editor-keys" class="editor-keys">{ "Tab indents; press Escape, then Tab, to leave the editor." }</p>
            }
        </section>
    }
}

/// Two spaces at the cursor, through the browser's editing so Undo takes them back.
fn insert_spaces() {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if let Some(doc) = doc {
        let _ = doc.exec_command_with_show_ui_and_value("insertText", false, "  ");
    }
}
