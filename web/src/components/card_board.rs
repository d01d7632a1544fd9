//! The learner's callbacks as cards on a board: each sits in the zone where it waits (timer list,
//! thread pool, poll, immediates, microtasks), moves to the call stack when it runs, then to done.
//! Cards are absolutely placed by zone and slot, so a move is a CSS transition of one element.
use std::rc::Rc;

use yew::prelude::*;

use crate::run::finished::RunData;
use crate::view::cards::{Card, Place, Zone};

#[derive(Properties, PartialEq)]
pub struct CardBoardProps {
    pub run: Option<Rc<RunData>>,
    /// Events applied at this step.
    pub applied: usize,
    /// The files, for the line's code on hover and focus.
    pub code: Rc<Vec<(String, String)>>,
}

/// A card with its index and where it is now.
type Placed<'a> = (usize, &'a Card, Place);

/// Cards shown per zone; the rest are counted.
const SHOWN: usize = 3;

/// (column, row) of a zone: three waiting rows, then the done row across the board.
fn grid(zone: Zone) -> (usize, usize) {
    match zone {
        Zone::Timers => (0, 0),
        Zone::Pool => (1, 0),
        Zone::Poll => (2, 0),
        Zone::Check => (0, 1),
        Zone::Microtasks => (1, 1),
        Zone::Stack => (2, 1),
        Zone::Done => (0, 2),
    }
}

/// Where a card goes: down its zone, except in the done row, where cards sit side by side.
fn spot(zone: Zone, slot: usize) -> (usize, usize, usize) {
    let (col, row) = grid(zone);
    if zone == Zone::Done {
        (slot, row, 0)
    } else {
        (col, row, slot)
    }
}

fn code_line(code: &[(String, String)], card: &Card) -> String {
    code.iter()
        .find(|(name, _)| *name == card.file)
        .and_then(|(_, text)| text.lines().nth(card.line.saturating_sub(1) as usize))
        .map_or_else(String::new, |l| l.trim().to_string())
}

#[function_component(CardBoard)]
pub fn card_board(props: &CardBoardProps) -> Html {
    let Some(run) = props.run.as_ref() else {
        return html! {};
    };
    let entry = run.cards.entry();
    let applied = props.applied;
    // Per zone, the cards in it: timers by due time, others in the order they were made; done
    // shows the latest.
    let mut zones: Vec<(Zone, Vec<Placed>)> = Zone::ALL.iter().map(|&z| (z, Vec::new())).collect();
    for (i, card, place) in run.cards.at(applied) {
        zones[place.zone() as usize].1.push((i, card, place));
    }
    for (zone, list) in &mut zones {
        match zone {
            Zone::Timers => list.sort_by_key(|(i, _, p)| match p {
                Place::Timers { due_ms } => (*due_ms, *i),
                _ => (0, *i),
            }),
            Zone::Done => {
                let keep = list.len().saturating_sub(SHOWN);
                list.drain(..keep);
            }
            _ => {}
        }
    }
    let total = run.cards.cards.len();
    html! {
        <section class="panel cards-panel" aria-labelledby="cards-heading">
            <h2 id="cards-heading">{ "Your callbacks" }</h2>
            if total == 0 {
                <p class="muted">{ "Nothing scheduled: no timers, immediates, promises or I/O callbacks from your code." }</p>
            } else {
                <div class="board">
                    { for zones.iter().map(|(zone, list)| {
                        let (col, row) = grid(*zone);
                        let more = list.len().saturating_sub(SHOWN);
                        html! {
                            <div class={classes!("zone", format!("zone-{}", zone.id()))} aria-hidden="true"
                                style={format!("--col:{col};--row:{row}")}>
                                <span class="zone-title">{ zone.title() }</span>
                                if more > 0 && *zone != Zone::Done {
                                    <span class="zone-more">{ format!("+{more} more") }</span>
                                }
                            </div>
                        }
                    }) }
                    <ul class="card-list" aria-label="Your callbacks and where each one is">
                        { for zones.iter().flat_map(|(zone, list)| {
                            list.iter().take(SHOWN).enumerate().map(move |(slot, (i, card, place))| {
                                let (col, row, slot) = spot(*zone, slot);
                                (*i, *card, *place, col, row, slot)
                            })
                        }).map(|(i, card, place, col, row, slot)| {
                            let label = card.label(entry);
                            let code = code_line(&props.code, card);
                            let subs = card.subs_at(applied);
                            let fresh = card.moves.first().is_some_and(|(at, _)| *at == applied);
                            html! {
                                <li key={i} class={classes!("card", format!("at-{}", place.zone().id()), fresh.then_some("fresh"))}
                                    data-testid="card" data-place={place.zone().id()} tabindex="0"
                                    style={format!("--col:{col};--row:{row};--slot:{slot}")}>
                                    <span class="card-label">{ label }</span>
                                    <span class="card-place">
                                        { place.words() }
                                        if card.expected_subs() > 1 && subs > 0 && place.zone() != Zone::Done {
                                            { format!(" · {} {subs}/{}", card.subs[subs - 1].name, card.expected_subs()) }
                                        }
                                    </span>
                                    if card.subs.len() > 1 {
                                        <span class="card-subs" aria-label="Node's own steps">
                                            { for card.subs.iter().enumerate().map(|(k, s)| html! {
                                                <span class={classes!("sub", (k < subs).then_some("done"))}>{ s.name.clone() }</span>
                                            }) }
                                        </span>
                                    }
                                    if !code.is_empty() {
                                        <code class="card-code" role="tooltip">{ code }</code>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}
