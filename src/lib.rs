//! Fix 1002: an offline-first assistant for Sonos error 1002.
//!
//! The crate is laid out as its architecture (see `README.md`, "How the code is organised"):
//!
//! - [`kb`], [`diagnose`], [`fault`], [`route`] and [`slug`] are plain Rust. They never touch
//!   `leptos`, `web-sys` or `gloo-net`, so they are tested natively with `cargo test` in
//!   milliseconds and could serve a command-line tool unchanged.
//! - [`ui`] is the Leptos layer: the app shell and one module per section. It calls into the
//!   pure cores and holds as little logic as it can.
//! - [`web`] is the only module that talks to browser APIs (location, history, focus, mounting).
//! - `prerender` (native only) renders the [`ui`] views to HTML files at build time.

pub mod diagnose;
pub mod fault;
pub mod kb;
/// Native only: renders the fix-step pages to HTML at build time (`src/bin/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route;
/// The id rule of links, shared with the build script (`build/validate.rs`).
pub mod slug;
pub mod ui;
pub mod web;
