//! Learner or Internals: how many steps a run has. Two pressed-or-not buttons in a group.
use yew::prelude::*;

use crate::view::level::Level;

#[derive(Properties, PartialEq)]
pub struct LevelSwitchProps {
    pub level: Level,
    pub on_level: Callback<Level>,
}

#[function_component(LevelSwitch)]
pub fn level_switch(props: &LevelSwitchProps) -> Html {
    html! {
        <div class="level-switch" role="group" aria-label="Level of detail" data-testid="level"
            data-level={props.level.id()}>
            { for Level::ALL.iter().map(|&level| {
                let on = props.on_level.clone();
                let title = match level {
                    Level::Learner => "Only the steps where something you can see changes",
                    Level::Internals => "Every event of the trace",
                };
                html! {
                    <button type="button" aria-pressed={(level == props.level).to_string()} title={title}
                        data-level={level.id()} onclick={Callback::from(move |_| on.emit(level))}>
                        { level.name() }
                    </button>
                }
            }) }
        </div>
    }
}
