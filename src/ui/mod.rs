//! The Leptos user interface: views that render what the cores decided.
//!
//! The folders say which wasm module a view lands in:
//! - [`app`]: the main module, what an owner downloads first: the shell, the home page, the
//!   troubleshooting questions, the fix-step and common-question pages, and the hosts for what
//!   the second module draws;
//! - [`plan_and_decoder`]: the second module, fetched when first needed: the decoder tool and
//!   the troubleshooting flow after the questions (likely causes, fix plan, hand-over);
//! - [`shared`]: small pieces both modules draw.

pub mod app;
pub mod plan_and_decoder;
pub mod shared;

pub use app::App;
