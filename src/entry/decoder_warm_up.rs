//! Warming the decoder up once its tool is on screen.
//!
//! A browser compiles a wasm function on its first call, with a quick compiler, and optimises
//! it only once it has run for a while; a decode is one long call, so the first real paste
//! would run start to end in unoptimised code. Measured on a fresh page: a 5 MB log took 42 ms
//! to decode after one small warm-up decode and 9 ms once the code was optimised.

use std::cell::Cell;

use crate::fault::decode;
use crate::fault::example::EXAMPLE_LOG;
use crate::fault::explain::Choices;
use crate::fault::messages::{Context, Names};
use crate::fault::report::plain_text;
use crate::web::paste::next_task;

/// How many times the example is decoded; each round is a millisecond or two.
const ROUNDS: usize = 30;

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Starts warming up, the first time the tool is drawn in this page.
pub(super) fn start_once() {
    if !STARTED.replace(true) {
        leptos::task::spawn_local(warm_up());
    }
}

/// Decodes the built-in example a few times over, a task per round, so the page stays
/// responsive while it runs.
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
    for _ in 0..ROUNDS {
        next_task().await;
        if let Ok(decoded) = decode(&log) {
            let _ = plain_text(&decoded, &choices);
        }
    }
}
