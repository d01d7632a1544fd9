//! The orders bar: a run whose output timing decides says so ("2 possible orders"), lists each
//! order with how often it comes up, runs the one the learner picks, and jumps to the step where
//! the orders part.
use std::rc::Rc;

use yew::prelude::*;

use crate::run::race::Race;

#[derive(Properties, PartialEq)]
pub struct RaceOrdersProps {
    pub race: Rc<Race>,
    /// The order the run on show prints (None while it runs).
    pub current: Option<usize>,
    /// The internal step where the run on show parts from another order.
    pub parting: Option<usize>,
    /// The files changed or a run goes on: picking waits for a fresh run.
    pub disabled: bool,
    pub on_pick: Callback<usize>,
    pub on_jump: Callback<usize>,
}

#[function_component(RaceOrders)]
pub fn race_orders(props: &RaceOrdersProps) -> Html {
    let race = &props.race;
    let count = race.orders.len();
    let badge = if race.complete {
        format!("{count} possible orders")
    } else {
        format!("{count}+ possible orders")
    };
    let title = if race.complete {
        format!("Every branch timing can take was run ({} runs).", race.runs)
    } else {
        format!(
            "{} runs explored the likeliest branches; rarer orders may exist.",
            race.runs
        )
    };
    html! {
        <section class="race" aria-label="Orders this code can print" data-testid="race">
            <span class="race-badge" data-testid="race-badge" title={title}>{ badge }</span>
            <span class="race-says">{ "Timing decides what prints first. Pick an order to step through it:" }</span>
            <div class="race-orders" role="group" aria-label="Orders">
                { for race.orders.iter().enumerate().map(|(i, order)| {
                    let on_pick = props.on_pick.clone();
                    let pressed = props.current == Some(i);
                    html! {
                        <button type="button" aria-pressed={pressed.to_string()} disabled={props.disabled}
                            data-testid={format!("race-order-{i}")}
                            title={order.why.clone().unwrap_or_else(|| "What this model's own timing prints.".into())}
                            onclick={Callback::from(move |_| on_pick.emit(i))}>
                            <span class="race-name">{ format!("Order {}", i + 1) }</span>
                            <span class="race-share">{ order.percent() }</span>
                            <code>{ order.summary() }</code>
                        </button>
                    }
                }) }
            </div>
            if let Some(step) = props.parting {
                <button type="button" class="race-part" data-testid="race-parting"
                    title="The step where timing decided, and the orders went apart"
                    onclick={let on = props.on_jump.clone(); Callback::from(move |_| on.emit(step))}>
                    { "Where they part" }
                </button>
            }
        </section>
    }
}
