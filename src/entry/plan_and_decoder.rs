//! The second module (`src/bin/plan_and_decoder.rs`): drawing what the main app asks for into the element
//! it hands over.
//!
//! The two wasm modules share nothing but that element (and the page's URL and storage). The
//! module draws one thing at a time: each part lives on a page of its own, so a new drawing
//! means the element of the one before has already left the page with its route.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;

use super::decoder_warm_up;
use crate::route::Route;
use crate::ui::plan_and_decoder::{DecoderState, DecoderTool, PlanScreens};
use crate::ui::shared::Flow;
use crate::web::{embed, location};

thread_local! {
    /// The current drawing; dropping it unmounts it and frees its reactive graph.
    static DRAWING: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// Created outside any reactive owner, so no unmount ever disposes it: a developer who
    /// follows a fix-step link and comes back finds their input as it was.
    static DECODER_SESSION: DecoderState = DecoderState::new();
}

/// Draws the decoder tool into `root`, and starts warming the decoder up the first time.
/// Puts this module in the page's language: the main module hands over the text of the two
/// files it installed (this module's memory is its own). A file that does not read leaves the
/// module in English, as the main module would.
pub fn set_language(tag: &str, messages: &str, kb: &str) {
    if let Some(language) = fix1002_core::i18n::Language::from_tag(tag) {
        let _ = crate::i18n::install(language, messages, kb);
    }
}

pub fn mount_decoder(root: web_sys::HtmlElement) {
    // The session is reached here, before the drawing's reactive owner exists: created inside
    // it, it would be disposed with the drawing.
    let state = DECODER_SESSION.with(|session| *session);
    draw(root, move || view! { <DecoderTool state /> }.into_any());
    decoder_warm_up::start_once();
}

/// Draws the troubleshooting flow's screen after the questions, for the journey in the page's
/// URL: the likely causes, a fix step, or the end.
///
/// The module reads the URL itself rather than being handed the journey. Both modules thus
/// read the journey the same way, through [`Route::from_fragment`], and replay it through the
/// engine: a second replay of a few events costs microseconds, and is the fair price of keeping
/// the URL the flow's only state, with nothing encoded to cross between the modules.
pub fn mount_plan(root: web_sys::HtmlElement) {
    let journey = Route::from_fragment(&location::current_fragment())
        .journey()
        .cloned()
        .unwrap_or_default();
    let flow = Flow::for_page(embed::is_embedded());
    draw(root, move || {
        provide_context(flow);
        view! { <PlanScreens journey /> }.into_any()
    });
}

fn draw(root: web_sys::HtmlElement, view: impl FnOnce() -> AnyView + 'static) {
    crate::web::log_panics_to_console();
    crate::web::plural::hand_in_the_browsers_rules();
    DRAWING.with(|drawing| drop(drawing.borrow_mut().take()));
    root.set_inner_html("");
    let handle = leptos::mount::mount_to(root, view);
    DRAWING.with(|drawing| *drawing.borrow_mut() = Some(Box::new(handle)));
}
