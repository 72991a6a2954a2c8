//! Browser glue: everything that touches browser APIs lives here, so the rest of the crate
//! stays portable. It depends on the pure cores below it and on nothing above it (`ui`,
//! `entry`).
//!
//! The UI calls these small wrappers instead of `web_sys` directly; each degrades quietly (no
//! panic) when an API is missing, because a panic would take the whole wasm app down.

pub mod clipboard;
pub mod clock;
pub mod connection;
pub mod embed;
pub mod files;
pub mod language;
pub mod location;
pub mod paste;
pub mod plan_and_decoder_module;
pub mod plural;
pub mod service_worker;
pub mod storage;
pub mod title_and_focus;

/// With `panic = "abort"` a panic would otherwise vanish silently; this at least leaves the
/// message in the console for whoever investigates. Each module sets it when it mounts.
pub fn log_panics_to_console() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Fix 1002 stopped: {info}").into());
    }));
}
