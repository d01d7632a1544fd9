//! The ordered list of loop phases a run went through.
use yew::prelude::*;

use crate::demo::PhaseVisit;

#[derive(Debug, Properties, PartialEq)]
pub struct PhaseListProps {
    pub visits: Vec<PhaseVisit>,
}

#[function_component(PhaseList)]
pub fn phase_list(props: &PhaseListProps) -> Html {
    html! {
        <ol class="phase-list" data-testid="phase-list">
            { for props.visits.iter().map(|visit| html! {
                <li data-testid="phase" data-phase={visit.phase}>
                    <span class="iteration">{ format!("iteration {}", visit.iteration) }</span>
                    <span class="phase">{ visit.phase }</span>
                </li>
            }) }
        </ol>
    }
}
