//! The second WebAssembly module: what the first screen does not need, kept out of what owners
//! download on their first visit (issue 13). It holds the "Decode a fault" tool with the SMAPI
//! fault decoder, and the screens that end the troubleshooting flow.
//!
//! The main app loads it when one of those first opens (`web::later_module`) and calls one of
//! the exports below; `index.html` has Trunk build it as a worker-type asset, which is
//! wasm-bindgen's `no-modules` output under fixed names. `main` has nothing to start.

use wasm_bindgen::prelude::*;

/// Draws the decoder tool into `root`.
#[wasm_bindgen]
pub fn mount_decoder(root: web_sys::HtmlElement) {
    fix1002::web::later_mount::mount_decoder(root);
}

/// Draws the screen that ends the troubleshooting flow for `journey` (as encoded in the link)
/// into `root`.
#[wasm_bindgen]
pub fn mount_end_of_flow(root: web_sys::HtmlElement, journey: String) {
    fix1002::web::later_mount::mount_end_of_flow(root, &journey);
}

fn main() {}
