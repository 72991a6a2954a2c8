//! The Leptos user interface: a thin layer over the pure cores.
//!
//! `app` holds the shell and the route switch; each section has a module of its own; small
//! pieces used by several sections live in `components`.

mod app;
pub(crate) mod components;
pub mod decode;
mod decode_section;
mod home;
mod later_part;
mod not_found;
pub mod questions;
mod shell;
pub mod steps;
mod troubleshoot;

pub use app::App;
pub use troubleshoot::plan::PlanScreens;
