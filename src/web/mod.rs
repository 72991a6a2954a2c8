//! Everything that touches browser APIs lives here, so the rest of the crate stays portable.
//!
//! The UI calls these small wrappers instead of `web_sys` directly; each degrades quietly (no
//! panic) when an API is missing, because a panic would take the whole wasm app down.

pub mod clipboard;
pub mod clock;
pub mod connection;
pub mod decoder_mount;
pub mod embed;
pub mod files;
pub mod input;
pub mod later_module;
pub mod later_mount;
pub mod location;
pub mod mount;
pub mod page;
pub mod service_worker;
pub mod storage;
