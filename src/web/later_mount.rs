//! The second module's side (`src/bin/plan_and_decoder.rs`): drawing what the main app asks for into the
//! element it hands over.
//!
//! The two wasm modules share nothing but that element (and the page's URL and storage). The
//! module draws one thing at a time: each part lives on a page of its own, so a new drawing
//! means the element of the one before has already left the page with its route.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;

use super::decoder_mount;
use crate::ui::PlanScreens;

thread_local! {
    /// The current drawing; dropping it unmounts it and frees its reactive graph.
    static DRAWING: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Draws the decoder tool into `root`.
pub fn mount_decoder(root: web_sys::HtmlElement) {
    draw(root, decoder_mount::tool());
    decoder_mount::warm_up_once();
}

/// Draws the troubleshooting flow's screen after the questions for `journey` (as encoded in
/// the link): the likely causes, a fix step, or the end.
pub fn mount_plan(root: web_sys::HtmlElement, journey: &str) {
    let journey = journey.to_owned();
    draw(root, move || view! { <PlanScreens journey /> });
}

fn draw<V: IntoView + 'static>(root: web_sys::HtmlElement, view: impl FnOnce() -> V + 'static) {
    super::mount::console_panic_message();
    DRAWING.with(|drawing| drop(drawing.borrow_mut().take()));
    root.set_inner_html("");
    let handle = leptos::mount::mount_to(root, view);
    DRAWING.with(|drawing| *drawing.borrow_mut() = Some(Box::new(handle)));
}
