//! Fix 1002: an offline-first assistant for Sonos error 1002.
//!
//! The crate is laid out as its architecture (see `README.md`, "How the code is organised"):
//!
//! - [`kb`], [`diagnose`], [`fault`], [`route`] and [`slug`] are plain Rust. They never touch
//!   `leptos`, `web-sys` or `gloo-net`, so they are tested natively with `cargo test` in
//!   milliseconds and could serve a command-line tool unchanged.
//! - [`ui`] is the Leptos layer: views that render what the cores decided, in folders named for
//!   the wasm module they land in.
//! - [`web`] is the only module that talks to browser APIs (location, history, focus, storage,
//!   the second module's loading). It imports nothing from `ui` or `entry`.
//! - [`entry`] holds the two wasm modules' entry points, which mount `ui` views and wire them
//!   to `web`.
//! - `prerender` (native only) renders the [`ui`] views to HTML files at build time.

#![forbid(unsafe_code)]

pub mod diagnose;
pub mod entry;
pub mod fault;
#[cfg(not(target_arch = "wasm32"))]
pub mod html_text;
pub mod kb;
/// Native only: renders the fix-step pages to HTML at build time (`src/bin/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route;
/// The id rule of links, shared with the build script (`build/validate.rs`).
pub mod slug;
pub mod ui;
pub mod web;
