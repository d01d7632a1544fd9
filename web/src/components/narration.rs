//! The sentence for the current step, in a live region so screen readers hear each step, and
//! below it the "why": what this part of the loop is for, open the first time it comes up.
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    pub sentence: AttrValue,
    pub time_us: u64,
    /// "virtual time", or "real time" for a trace of a `--real` run.
    pub clock: AttrValue,
    /// What the phase (or main script, or checkpoint) is for, and whether it is new here.
    #[prop_or_default]
    pub why: Option<(AttrValue, bool)>,
}

#[function_component(Narration)]
pub fn narration(props: &NarrationProps) -> Html {
    html! {
        <section class="narration" aria-labelledby="narration-heading">
            <h2 id="narration-heading" class="visually-hidden">{ "What happens" }</h2>
            <p data-testid="narration" aria-live="polite" aria-atomic="true">{ props.sentence.clone() }</p>
            if let Some((why, first)) = &props.why {
                if *first {
                    <p class="why" data-testid="why">{ why.clone() }</p>
                } else {
                    <details class="why" data-testid="why">
                        <summary>{ "why?" }</summary>
                        <p>{ why.clone() }</p>
                    </details>
                }
            }
            <p class="time">{ format!("{} {:.3} ms", props.clock, props.time_us as f64 / 1000.0) }</p>
        </section>
    }
}
