//! The decoder tool as the second module draws it (`web::later_mount`).
//!
//! The decoder's state (the pasted text, the context, the names, the localization resource)
//! is created once and outlives each drawing, so a developer who follows a fix-step link and
//! comes back finds their input as it was. It lives in this page's memory only: never in
//! storage, never in the URL.

use std::cell::Cell;

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
    static WARMED_UP: Cell<bool> = const { Cell::new(false) };
}

/// The tool, over the state that every drawing shares. The state is reached here, before the
/// drawing's reactive owner exists: created inside it, it would be disposed with the drawing.
pub(super) fn tool() -> impl FnOnce() -> AnyView + 'static {
    let state = STATE.with(|state| *state);
    move || view! { <DecoderTool state /> }.into_any()
}

/// Starts warming the decoder up, the first time the tool is drawn.
pub(super) fn warm_up_once() {
    if !WARMED_UP.replace(true) {
        leptos::task::spawn_local(warm_up());
    }
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
