//! The decoder module's side (`src/bin/decoder.rs`): drawing the tool into the element the
//! main app hands over.
//!
//! The two wasm modules share nothing but that element. The decoder's state (the pasted text,
//! the context, the names, the localization resource) is created once and outlives each
//! drawing, so a developer who follows a fix-step link and comes back finds their input as it
//! was. It lives in this page's memory only: never in storage, never in the URL.

use std::any::Any;
use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use crate::fault::decode;
use crate::fault::example::EXAMPLE_LOG;
use crate::fault::explain::Choices;
use crate::fault::messages::{Context, Names};
use crate::fault::report::plain_text;
use crate::ui::decode::{DecoderState, DecoderTool};

thread_local! {
    /// Created outside any reactive owner, so no unmount ever disposes it.
    static STATE: DecoderState = DecoderState::new();
    /// The current drawing; dropping it unmounts it and frees its reactive graph.
    static DRAWING: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    static WARMED_UP: Cell<bool> = const { Cell::new(false) };
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
    WARMED_UP.with(|warmed| {
        if !warmed.replace(true) {
            leptos::task::spawn_local(warm_up());
        }
    });
}

/// Decodes the built-in example a few times over, a task per round, after the tool is on
/// screen. A browser compiles a wasm function on its first call, with a quick compiler, and
/// optimises it only once it has run for a while; a decode is one long call, so the first real
/// paste would run start to end in unoptimised code. Measured on a fresh page: a 5 MB log took
/// 42 ms to decode after one small warm-up decode and 9 ms once the code was optimised.
async fn warm_up() {
    // About 120 KB, and every kind of fault the example holds.
    let log = EXAMPLE_LOG.repeat(96);
    let choices = Choices {
        context: Context::Browse,
        names: Names {
            service: "",
            item: "",
        },
        strings: None,
        language: "",
    };
    for _ in 0..WARM_UP_ROUNDS {
        super::input::next_task().await;
        if let Ok(decoded) = decode(&log) {
            let _ = plain_text(&decoded, &choices);
        }
    }
}

/// How many times the example is decoded; each round is a millisecond or two.
const WARM_UP_ROUNDS: usize = 30;
