//! The cores of Fix 1002, in plain Rust: what the web app, its pre-renderer and the command
//! line all stand on. Nothing here touches `leptos`, `web-sys` or `gloo-net`, so the command
//! line builds without them and every module is tested natively in milliseconds.
//!
//! - [`kb`]: the knowledge base, compiled from the repository's `kb/*.toml` by `build/`.
//! - [`diagnose`]: the troubleshooting engine over it.
//! - [`fault`]: the SMAPI fault decoder and its one explanation per fault.
//! - [`i18n`]: the owner side's languages: choosing one, plural forms, catalogs and their checks.
//! - [`language_files`]: which of a language's texts its first download holds.
//! - [`route`] and [`slug`]: the app's addresses.

#![forbid(unsafe_code)]

pub mod diagnose;
pub mod fault;
pub mod i18n;
mod json_error;
pub mod kb;
pub mod language_files;
pub mod route;
/// The id rule of links, shared with the build script (`build/validate.rs`).
pub mod slug;
pub mod widget_events;
