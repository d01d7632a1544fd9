//! Node's queues: nextTick, microtasks, timer lists with their durations, immediates, and libuv's
//! pending and closing lists.
use std::rc::Rc;

use crate::view::replay::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QueuesProps {
    pub view: Rc<View>,
}

fn queue(testid: &'static str, title: &'static str, items: Vec<String>) -> Html {
    html! {
        <div class="queue">
            <h3 id={format!("{testid}-h")}>{ title }<span class="count">{ items.len() }</span></h3>
            <ol data-testid={testid} aria-labelledby={format!("{testid}-h")} class="chips">
                { for items.into_iter().map(|item| html! { <li class="chip">{ item }</li> }) }
            </ol>
        </div>
    }
}

#[function_component(Queues)]
pub fn queues(props: &QueuesProps) -> Html {
    let v = &props.view;
    let ids = |q: &std::collections::VecDeque<u64>| q.iter().map(|id| format!("#{id}")).collect();
    let timers = v
        .timers
        .iter()
        .map(|id| match v.timeouts.get(id) {
            Some(t) if t.repeat => format!("#{id} every {} ms", t.after_ms),
            Some(t) => format!(
                "#{id} {} ms{}",
                t.after_ms,
                if t.refed { "" } else { " unref" }
            ),
            None => format!("#{id}"),
        })
        .collect();
    let closing = v
        .closing
        .iter()
        .map(|h| {
            v.handles
                .get(h)
                .map_or(format!("#{}", h.0), |h| h.label.clone())
        })
        .collect();
    html! {
        <section class="panel queues" aria-labelledby="queues-heading">
            <h2 id="queues-heading">{ "Queues" }</h2>
            <div class="queue-grid">
                { queue("queue-nexttick", "nextTick", ids(&v.next_tick)) }
                { queue("queue-microtask", "microtasks", ids(&v.microtask)) }
                { queue("queue-timers", "timer lists", timers) }
                { queue("queue-immediate", "immediates", ids(&v.immediate)) }
                { queue("queue-pending", "pending", ids(&v.pending)) }
                { queue("queue-closing", "closing", closing) }
            </div>
        </section>
    }
}
