//! Plays a run: one step per tick at the chosen speed while `playing`.
use gloo_timers::callback::Interval;
use yew::prelude::*;

use crate::state::{Action, SPEEDS, State};

#[hook]
pub fn use_player(state: UseReducerHandle<State>) {
    let playing = state.playing;
    let speed = SPEEDS[state.speed.min(SPEEDS.len() - 1)];
    let dispatcher = state.dispatcher();
    use_effect_with((playing, speed), move |&(playing, speed)| {
        let interval = playing
            .then(|| Interval::new(1000 / speed, move || dispatcher.dispatch(Action::PlayTick)));
        move || drop(interval)
    });
}
