//! The second module's views (`src/bin/plan_and_decoder.rs`), fetched the first time one of them is
//! needed: the decoder tool for music-service developers, and the troubleshooting flow's
//! screens after the questions.

pub mod decoder;
mod plan;

pub use decoder::{DecoderState, DecoderTool};
pub use plan::PlanScreens;
