//! The scenario library as a grouped list.
use yew::prelude::*;

use crate::scenario;

#[derive(Properties, PartialEq)]
pub struct ScenarioPickerProps {
    pub current: Option<&'static str>,
    pub on_pick: Callback<&'static str>,
}

#[function_component(ScenarioPicker)]
pub fn scenario_picker(props: &ScenarioPickerProps) -> Html {
    let onchange = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                && let Some(s) = scenario::find(&select.value())
            {
                on_pick.emit(s.id);
            }
        })
    };
    html! {
        <label class="picker">
            <span>{ "Scenario" }</span>
            <select data-testid="scenario-picker" {onchange}>
                if props.current.is_none() {
                    <option value="" selected=true>{ "(your own code)" }</option>
                }
                { for scenario::by_topic().into_iter().map(|(topic, list)| html! {
                    <optgroup label={topic}>
                        { for list.into_iter().map(|s| html! {
                            <option value={s.id} selected={props.current == Some(s.id)}>{ s.title }</option>
                        }) }
                    </optgroup>
                }) }
            </select>
        </label>
    }
}
