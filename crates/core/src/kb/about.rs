//! The few facts about error 1002 that every section leans on: what it is, and why it is
//! worth a calm, step-by-step approach.

use super::source::Source;

/// One statement about error 1002, in the product's own words, with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// A stable id, for tests and for linking.
    pub id: &'static str,
    pub text: &'static str,
    pub source: Source,
    /// A phrase copied exactly from the source, which the tests look for. Empty in the wasm
    /// build, where no screen shows it (build/emit.rs).
    pub quote: &'static str,
}

/// What error 1002 is, shown on the home page and in the section introductions: `[[fact]]` of
/// `kb/error1002.toml`.
pub use super::data::ABOUT_ERROR_1002;
