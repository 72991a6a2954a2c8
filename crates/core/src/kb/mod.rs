//! The knowledge base: what Fix 1002 knows about error 1002, and where each fact comes from.
//!
//! The troubleshooting data (models, causes, who can help, fix steps, questions), the facts
//! about error 1002 and the common questions live in `kb/error1002.toml`, a file support
//! writers edit; `build/` checks it and compiles it into the static tables of [`data`], with
//! the web addresses in its texts already found ([`Prose`]). Every statement the product makes
//! about Sonos carries a [`Source`], so a reader (and a test) can trace it back to one of the
//! seed documents in `../shared/seeds/`. Where the product infers rather than quotes, the
//! screen says so.

mod about;
mod data;
mod faq;
mod ids;
mod model;
mod prose;
mod source;
/// The tests' access to the source documents on disk. The app never calls it, so it never
/// reaches the wasm the browser downloads.
pub mod source_files;
mod texts;
mod translate;
/// The rule that finds web addresses in text; the build runs it, the app does not.
pub mod web_address;

pub use about::{Fact, ABOUT_ERROR_1002};
pub use data::{answer, cause, question, step, KnowledgeBase, KB};
pub use faq::{common_question, CommonQuestion, COMMON_QUESTIONS};
pub use ids::{AnswerId, CauseId, QuestionId, StepId};
pub use model::{
    Answer, Cause, Citation, During, EngineSettings, Fix, Helper, HelperText, Model, Question,
    Requirement, Step, Then, Weight, NOT_SURE,
};
pub use prose::{href, Piece, Prose};
pub use source::{Document, Source};
pub use texts::{owner_texts, to_catalog_json};
pub use translate::{missing_addresses, translate, Translated};
