//! The decoder's own WebAssembly module: the "Decode a fault" section's tool and the SMAPI
//! fault decoder, kept out of what owners download on their first visit.
//!
//! The main app loads it when that section first opens (`web::decoder_module`) and calls
//! [`mount_decoder`]; `index.html` has Trunk build it as a worker-type asset, which is
//! wasm-bindgen's `no-modules` output under fixed names. `main` has nothing to start.

use wasm_bindgen::prelude::*;

/// Draws the decoder tool into `root`.
#[wasm_bindgen]
pub fn mount_decoder(root: web_sys::HtmlElement) {
    fix1002::web::decoder_mount::mount(root);
}

fn main() {}
