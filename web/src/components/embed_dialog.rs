//! The Embed dialog: a course author sets read-only, the level, the opening step and the panels,
//! sees the iframe code those make, and copies exactly that code.
use std::rc::Rc;

use yew::prelude::*;

use crate::components::copy_note::CopyNote;
use crate::decode::embed_panels::EmbedPanel;
use crate::decode::share::Shared;
use crate::hooks::use_copy::use_copy;
use crate::run::finished::RunData;
use crate::view::embed_code::{self, EmbedOptions, HEIGHT, WIDTH};
use crate::view::level::Level;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// The page's files and settings (its step and level are where the options start).
    pub shared: Shared,
    /// The run, to count steps and keep the moment when the level changes.
    pub run: Option<Rc<RunData>>,
    /// The scenario's title, for the iframe's title.
    pub title: AttrValue,
    /// The page's address without a fragment.
    pub base: AttrValue,
    pub on_close: Callback<()>,
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let options = {
        let (level, step) = (props.shared.level, props.shared.step);
        use_state(move || EmbedOptions::from_page(level, step))
    };
    let (outcome, copy) = use_copy();
    let step_input = use_node_ref();
    // Made once per change of the options; shown, and copied, as this one string.
    let code = {
        let deps = (
            *options,
            props.shared.clone(),
            props.base.clone(),
            props.title.clone(),
        );
        use_memo(deps, |(options, shared, base, title)| {
            AttrValue::from(embed_code::iframe(base, title, shared, *options))
        })
    };
    let code: AttrValue = (*code).clone();
    let run = props.run.clone();
    let last = run.as_ref().map(|r| r.last_at(options.level));
    let set = |change: fn(EmbedOptions, bool) -> EmbedOptions| {
        let options = options.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                options.set(change(*options, input.checked()));
            }
        })
    };
    let on_level = |level: Level| {
        let (options, run) = (options.clone(), run.clone());
        Callback::from(move |_: Event| options.set(options.at_level(level, run.as_deref())))
    };
    // Typing changes the step once the number is in range; leaving the field (change) puts an
    // out-of-range number back inside and shows the number used.
    let on_step = |commit: bool| {
        let (options, step_input) = (options.clone(), step_input.clone());
        move || {
            let Some(input) = step_input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            // Without a run there is no last step yet; the embed clamps when it opens.
            let max = last.map_or(u64::from(u32::MAX), |l| l as u64);
            let typed = input.value().trim().parse::<u64>().ok();
            let step = match typed {
                Some(n) if (1..=max + 1).contains(&n) => (n - 1) as usize,
                Some(n) if commit => (n.max(1) - 1).min(max) as usize,
                _ if commit => options.step,
                _ => return,
            };
            if commit {
                input.set_value(&(step + 1).to_string());
            }
            options.set(EmbedOptions { step, ..*options });
        }
    };
    let preview = run
        .as_ref()
        .map(|r| r.sentence_at(options.level, options.step).to_string());
    let on_copy = {
        let (copy, code) = (copy.clone(), code.clone());
        Callback::from(move |_| copy.emit(code.to_string()))
    };
    let on_close = props.on_close.clone();
    html! {
        <section class="share-panel embed-dialog" role="dialog" aria-labelledby="embed-heading" data-testid="embed-dialog">
            <h2 id="embed-heading">{ "Embed in a course page" }</h2>
            <div class="embed-options">
                <fieldset>
                    <legend>{ "Editor" }</legend>
                    <label>
                        <input type="checkbox" data-testid="embed-read-only" checked={options.read_only}
                            onchange={set(|o, on| EmbedOptions { read_only: on, ..o })} />
                        { "read-only" }
                    </label>
                    <p class="hint">{ if options.read_only { "Learners step through; they cannot edit or run." } else { "Learners can edit the code and run it again." } }</p>
                </fieldset>
                <fieldset>
                    <legend>{ "Level" }</legend>
                    { for Level::ALL.iter().map(|&level| html! {
                        <label>
                            <input type="radio" name="embed-level" data-testid={format!("embed-level-{}", level.id())}
                                checked={options.level == level} onchange={on_level(level)} />
                            { level.name() }
                        </label>
                    }) }
                </fieldset>
                <fieldset>
                    <legend>{ "Opens at" }</legend>
                    <label>
                        { "step " }
                        <input type="number" min="1" max={last.map(|l| (l + 1).to_string())} ref={step_input.clone()}
                            data-testid="embed-step" value={(options.step + 1).to_string()}
                            oninput={{ let f = on_step(false); Callback::from(move |_: InputEvent| f()) }}
                            onchange={{ let f = on_step(true); Callback::from(move |_: Event| f()) }} />
                        if let Some(last) = last {
                            { format!(" of {}", last + 1) }
                        }
                    </label>
                    if let Some(sentence) = preview {
                        <p class="hint" data-testid="embed-step-sentence">{ sentence }</p>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ "Panels" }</legend>
                    { for EmbedPanel::ALL.iter().map(|&panel| {
                        let options = options.clone();
                        // The last panel shown stays: an embed of nothing would be no use.
                        let only = options.panels.only(panel);
                        html! {
                            <label>
                                <input type="checkbox" data-testid={format!("embed-panel-{}", panel.id())}
                                    checked={options.panels.shows(panel)} disabled={only}
                                    onchange={Callback::from(move |e: Event| {
                                        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                                            options.set(EmbedOptions { panels: options.panels.with(panel, input.checked()), ..*options });
                                        }
                                    })} />
                                { panel.name() }
                            </label>
                        }
                    }) }
                    <p class="hint">{ format!("{WIDTH}×{HEIGHT} fits the code, the loop and the console; more panels scroll inside the frame.") }</p>
                </fieldset>
            </div>
            <label for="embed-code-text">{ "Paste this into your page:" }</label>
            <textarea id="embed-code-text" readonly=true rows="4" data-testid="embed-code" value={code.clone()} />
            <div class="dialog-actions">
                <button type="button" class="primary" data-testid="embed-copy" onclick={on_copy}>{ "Copy" }</button>
                <button type="button" data-testid="embed-close" onclick={Callback::from(move |_| on_close.emit(()))}>{ "Close" }</button>
            </div>
            <CopyNote text={code} outcome={outcome} testid="embed-copy-status" />
        </section>
    }
}
