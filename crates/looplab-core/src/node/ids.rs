//! Ids for the JavaScript-side things the model schedules; the host keeps the values behind them.
use serde::{Deserialize, Serialize};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);
    };
}

id!(
    /// A `Timeout` object (setTimeout / setInterval).
    TimerId
);
id!(
    /// An `Immediate` object.
    ImmediateId
);
id!(
    /// A `process.nextTick` callback.
    TickId
);
id!(
    /// A promise job (or `queueMicrotask` callback).
    MicrotaskId
);
