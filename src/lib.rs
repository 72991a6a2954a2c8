//! Fix 1002's web app: an offline-first assistant for Sonos error 1002 in the browser.
//!
//! The crate is laid out as its architecture (see `README.md`, "How the code is organised"):
//!
//! - [`kb`], [`diagnose`], [`fault`], [`route`] and [`slug`] are the cores, in their own crate
//!   (`crates/core`, plain Rust, shared with the command line), re-exported here so the web
//!   layers name them as before.
//! - [`i18n`] holds the page's language, chosen once at start: its messages and its knowledge
//!   base, which every view reads.
//! - [`ui`] is the Leptos layer: views that render what the cores decided, in folders named for
//!   the wasm module they land in.
//! - [`web`] is the only module that talks to browser APIs (location, history, focus, storage,
//!   the second module's loading). It imports nothing from `ui` or `entry`.
//! - [`entry`] holds the two wasm modules' entry points, which mount `ui` views and wire them
//!   to `web`.
//! - `prerender` (native only) renders the [`ui`] views to HTML files at build time.

#![forbid(unsafe_code)]

pub use fix1002_core::{diagnose, fault, kb, route, slug, widget_events};

pub mod entry;
#[cfg(not(target_arch = "wasm32"))]
pub mod html_text;
pub mod i18n;
/// Native only: renders the fix-step pages to HTML at build time (`src/bin/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod ui;
pub mod web;
