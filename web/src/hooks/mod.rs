//! Hooks: browser effects the components share.
pub mod use_copy;
pub mod use_host_messages;
pub mod use_keyboard;
pub mod use_player;
pub mod use_run;
pub mod use_theme;
