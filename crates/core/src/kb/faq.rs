//! The questions owners ask about error 1002, answered in the product's own words from the
//! guides. Each has a page of its own (`#/questions/<id>`, pre-rendered at
//! `questions/<id>/index.html`), cites its source with a phrase a test finds there, and links
//! to the fix steps that help. Writers edit them in `kb/error1002.toml` (`[[common_question]]`);
//! the build checks that every step they name exists.

use super::model::Citation;
use super::source::Source;

/// One common question and its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommonQuestion {
    /// Stable: it is the page's link.
    pub id: &'static str,
    pub question: &'static str,
    /// The answer, a paragraph per entry.
    pub answer: &'static [&'static str],
    pub source: Source,
    /// A phrase copied exactly from the source, which the tests look for. Empty in the wasm
    /// build, where no screen shows it (build/emit.rs).
    pub quote: &'static str,
    /// A second guide the answer draws on, cited on the page beside the first (the meaning
    /// of error 1002 during an update comes from the update guide, not the playback one).
    pub also: Option<Citation>,
    /// Fix-step ids that help, most relevant first.
    pub steps: &'static [&'static str],
}

/// The common questions, in the order the pages list them: `[[common_question]]` of
/// `kb/error1002.toml`.
pub use super::data::COMMON_QUESTIONS;

/// The common question with this id.
pub fn common_question(id: &str) -> Option<&'static CommonQuestion> {
    COMMON_QUESTIONS.iter().find(|q| q.id == id)
}
