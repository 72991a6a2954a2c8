//! The two wasm modules' entry points: what each mounts, and nothing else. `src/main.rs` calls
//! [`app::mount_app`]; the second module's binary (`src/bin/plan_and_decoder.rs`) exports the functions of
//! [`plan_and_decoder`]. This is the one floor that wires `ui` (the views) to `web` (the
//! browser), and it decides once, at mount, what depends on the page: embed mode, the
//! sections offered, the history mode.

pub mod app;
mod decoder_warm_up;
pub mod plan_and_decoder;
