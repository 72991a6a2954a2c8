//! The decoder module's side (`src/bin/decoder.rs`): drawing the tool into the element the
//! main app hands over.
//!
//! The two wasm modules share nothing but that element. The decoder's state (the pasted text,
//! the context, the names, the localization resource) is created once and outlives each
//! drawing, so a developer who follows a fix-step link and comes back finds their input as it
//! was. It lives in this page's memory only: never in storage, never in the URL.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;

use crate::ui::decode::{DecoderState, DecoderTool};

thread_local! {
    /// Created outside any reactive owner, so no unmount ever disposes it.
    static STATE: DecoderState = DecoderState::new();
    /// The current drawing; dropping it unmounts it and frees its reactive graph.
    static DRAWING: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Draws the decoder tool into `root`, first taking down the drawing of an earlier visit (its
/// element has already left the page with that visit).
pub fn mount(root: web_sys::HtmlElement) {
    super::mount::console_panic_message();
    DRAWING.with(|drawing| drop(drawing.borrow_mut().take()));
    let state = STATE.with(|state| *state);
    root.set_inner_html("");
    let handle = leptos::mount::mount_to(root, move || view! { <DecoderTool state /> });
    DRAWING.with(|drawing| *drawing.borrow_mut() = Some(Box::new(handle)));
}
