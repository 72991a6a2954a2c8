//! Pieces that views of both wasm modules draw.

mod components;
mod flow;
mod step_instructions;
mod words;

pub use components::{with_code, CitedFact, LinkedText, PageHeading, PAGE_HEADING_ID};
pub use flow::{use_flow, AnswerButtons, Flow, FlowControls, StartOver};
pub use step_instructions::{
    about_minutes, minutes_label, StepActions, StepBackground, StepInstructions,
};
pub use words::{document_title, nav_label, summary_words};
