//! Run settings: thread pool size, CPU cores, and how the entry file loads.
use yew::prelude::*;

use crate::files::{Entry, RunSettings};

#[derive(Properties, PartialEq)]
pub struct SettingsPanelProps {
    pub settings: RunSettings,
    pub disabled: bool,
    pub on_change: Callback<RunSettings>,
}

fn number(
    label: &'static str,
    testid: &'static str,
    value: u32,
    max: u32,
    disabled: bool,
    set: impl Fn(u32) + 'static,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>()
            && let Ok(n) = input.value().parse()
        {
            set(n);
        }
    });
    html! {
        <label>
            <span>{ label }</span>
            <input type="number" min="1" max={max.to_string()} value={value.to_string()}
                data-testid={testid} {disabled} {onchange} />
        </label>
    }
}

#[function_component(SettingsPanel)]
pub fn settings_panel(props: &SettingsPanelProps) -> Html {
    let s = props.settings;
    let pool = {
        let on = props.on_change.clone();
        move |pool| on.emit(RunSettings { pool, ..s })
    };
    let cores = {
        let on = props.on_change.clone();
        move |cores| on.emit(RunSettings { cores, ..s })
    };
    let entry = |value: Entry, text: &'static str| {
        let on = props.on_change.clone();
        html! {
            <label class="radio">
                <input type="radio" name="entry" checked={s.entry == value} disabled={props.disabled}
                    data-testid={format!("entry-{value:?}").to_lowercase()}
                    onchange={Callback::from(move |_| on.emit(RunSettings { entry: value, ..s }))} />
                { text }
            </label>
        }
    };
    html! {
        <fieldset class="settings" data-testid="settings">
            <legend>{ "Settings" }</legend>
            { number("UV_THREADPOOL_SIZE", "setting-pool", s.pool, RunSettings::MAX_POOL, props.disabled, pool) }
            { number("CPU cores", "setting-cores", s.cores, RunSettings::MAX_CORES, props.disabled, cores) }
            <div class="entry" role="radiogroup" aria-label="Entry file loads as">
                { entry(Entry::Cjs, "CommonJS") }
                { entry(Entry::Esm, "ES module") }
            </div>
        </fieldset>
    }
}
