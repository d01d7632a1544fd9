//! The threads over virtual time as bars, with the current step's time marked; a click moves to
//! the first step at that time.
use std::rc::Rc;

use yew::prelude::*;

use crate::run::finished::RunData;

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub run: Rc<RunData>,
    pub step: usize,
    /// The step where a race's orders part, marked on the time axis.
    #[prop_or_default]
    pub parting: Option<usize>,
    pub on_jump: Callback<usize>,
}

const WIDTH: f64 = 1000.0;
const LANE: f64 = 14.0;

#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let t = &props.run.timeline;
    let end = t.end_us.max(1) as f64;
    let x = |us: u64| us as f64 / end * WIDTH;
    let height = f64::from(t.lanes) * LANE;
    let now = x(props.run.time_us(props.step));
    let onclick = {
        let run = props.run.clone();
        let on_jump = props.on_jump.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(svg) = e.current_target().and_then(|t| {
                use wasm_bindgen::JsCast;
                t.dyn_into::<web_sys::Element>().ok()
            }) else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            let frac =
                ((f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
            on_jump.emit(run.step_at_time((frac * end) as u64));
        })
    };
    html! {
        <section class="panel timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ "Timeline" }
                <span class="muted">{ format!(" 0 – {:.1} ms {}; click to jump", end / 1000.0, props.run.clock()) }</span>
            </h2>
            <div class="timeline-body">
                <ul class="timeline-lanes" aria-hidden="true">
                    { for (0..t.lanes).map(|l| html! {
                        <li>{ if l == 0 { "main".to_string() } else { format!("pool {}", l - 1) } }</li>
                    }) }
                </ul>
                <svg viewBox={format!("0 0 {WIDTH} {height}")} preserveAspectRatio="none" role="img"
                    aria-label={format!("Main thread and pool threads busy over {}", props.run.clock())}
                    height={height.to_string()} {onclick} data-testid="timeline">
                    <Bars run={props.run.clone()} />
                    if let Some(at) = props.parting.map(|s| x(props.run.time_us(s))) {
                        <line class="parting" x1={at.to_string()} x2={at.to_string()} y1="0" y2={height.to_string()}
                            data-testid="timeline-parting">
                            <title>{ "Timing decided here: the orders part" }</title>
                        </line>
                    }
                    <line class="now" x1={now.to_string()} x2={now.to_string()} y1="0" y2={height.to_string()} />
                </svg>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BarsProps {
    run: Rc<RunData>,
}

/// The bars change only with the run, so stepping never re-renders them.
#[function_component(Bars)]
fn bars(props: &BarsProps) -> Html {
    let t = &props.run.timeline;
    let end = t.end_us.max(1) as f64;
    let x = |us: u64| us as f64 / end * WIDTH;
    html! {
        <g>
            { for t.spans.iter().map(|s| html! {
                <rect class={if s.lane == 0 { "span main" } else { "span pool" }}
                    x={x(s.start_us).to_string()} y={(f64::from(s.lane) * LANE + 2.0).to_string()}
                    width={(x(s.end_us) - x(s.start_us)).max(1.5).to_string()} height={(LANE - 4.0).to_string()} />
            }) }
        </g>
    }
}
