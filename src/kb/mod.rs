//! The knowledge base: what Fix 1002 knows about error 1002, and where each fact comes from.
//!
//! Every statement the product makes about Sonos carries a [`Source`], so a reader (and a test)
//! can trace it back to one of the seed documents in `../shared/seeds/` or to Sonos' public
//! documentation. Where the product infers something rather than quoting a source, the screen
//! says so.

mod about;
mod source;

pub use about::{Fact, ABOUT_ERROR_1002};
pub use source::{Document, Source};
