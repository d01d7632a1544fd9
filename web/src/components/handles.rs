//! Handles (long-lived: timers, sockets, Node's own check and idle handles) and requests
//! (short-lived: a file read, a lookup), each with its state and whether it keeps the process alive.
use std::rc::Rc;

use crate::view::replay::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandlesProps {
    pub view: Rc<View>,
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

#[function_component(Handles)]
pub fn handles(props: &HandlesProps) -> Html {
    let v = &props.view;
    html! {
        <section class="panel handles" aria-labelledby="handles-heading" data-testid="handles">
            <h2 id="handles-heading">{ "Handles and requests" }</h2>
            <table>
                <caption>{ "Handles" }</caption>
                <thead><tr>
                    <th scope="col">{ "handle" }</th><th scope="col">{ "kind" }</th>
                    <th scope="col">{ "active" }</th><th scope="col">{ "ref'd" }</th>
                    <th scope="col">{ "keeps alive" }</th>
                </tr></thead>
                <tbody>
                    { for v.handles.iter().map(|(id, h)| {
                        let state = if h.closed { " (closed)" } else if h.closing { " (closing)" } else { "" };
                        html! {
                            <tr class={classes!(h.closed.then_some("gone"), h.keeps_alive().then_some("alive"))}>
                                <td>{ format!("#{} {}{}{}", id.0, h.label, if h.internal { " · internal" } else { "" }, state) }</td>
                                <td>{ h.kind.map_or("?", crate::view::narration::handle_kind_name) }</td>
                                <td>{ yes(h.active) }</td>
                                <td>{ yes(h.refed) }</td>
                                <td>{ yes(h.keeps_alive()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <table>
                <caption>{ "Requests" }</caption>
                <thead><tr>
                    <th scope="col">{ "request" }</th><th scope="col">{ "kind" }</th>
                    <th scope="col">{ "in flight" }</th><th scope="col">{ "keeps alive" }</th>
                </tr></thead>
                <tbody>
                    { for v.requests.iter().map(|(id, r)| html! {
                        <tr class={classes!(r.done.then_some("gone"), (!r.done).then_some("alive"))}>
                            <td>{ format!("#{} {}", id.0, r.label) }</td>
                            <td>{ crate::view::narration::request_kind_name(r.kind) }</td>
                            <td>{ yes(!r.done) }</td>
                            <td>{ yes(!r.done) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
