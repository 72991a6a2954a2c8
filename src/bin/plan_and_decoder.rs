//! The second WebAssembly module: what the first screen does not need, kept out of what owners
//! download on their first visit (issue 13). It holds the "Decode a fault" tool with the SMAPI
//! fault decoder, and the troubleshooting flow's screens after the questions: the likely
//! causes, the fix plan's steps and the end.
//!
//! The main app loads it when one of those first opens (`web::plan_and_decoder_module`) and
//! calls one of the exports below; `index.html` has Trunk build it as a worker-type asset, which is
//! wasm-bindgen's `no-modules` output, and `scripts/postbuild.mjs` then gives its two files
//! names that carry a hash of their bytes. `main` has nothing to start.

use wasm_bindgen::prelude::*;

/// Draws the decoder tool into `root`.
#[wasm_bindgen]
pub fn mount_decoder(root: web_sys::HtmlElement) {
    fix1002_web::entry::plan_and_decoder::mount_decoder(root);
}

/// Draws the troubleshooting flow's screen after the questions, for the journey in the page's
/// URL, into `root`.
#[wasm_bindgen]
pub fn set_language(tag: &str, messages: &str, kb: &str) {
    fix1002_web::entry::plan_and_decoder::set_language(tag, messages, kb);
}

#[wasm_bindgen]
pub fn mount_plan(root: web_sys::HtmlElement) {
    fix1002_web::entry::plan_and_decoder::mount_plan(root);
}

fn main() {}
