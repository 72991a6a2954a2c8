//! The owner side in Sonos' twelve languages: which language a visitor gets
//! ([`Language::negotiate`]), how a count is said ([`Plural`]), the messages of each language
//! ([`Catalog`]) and what makes a translation unusable ([`check()`]).
//!
//! Plural rules come from `intl_pluralrules` natively, and in the browser from its own
//! `Intl.PluralRules`, handed in by the web front end ([`use_plural_rules`]). Before choosing,
//! each candidate was built into a small wasm module beside an empty one (opt-level z, LTO,
//! wasm-opt -Oz, brotli 11), selecting "minute" or "minutes" for a count in each of the twelve
//! languages: fluent-bundle adds 50.3 KB brotli, icu_plurals with its compiled data 15.2 KB,
//! intl_pluralrules (Fluent's own plural rules) 5.9 KB, the browser's rules nothing. The
//! catalogs are plain JSON with `{name}` placeholders and one form per plural category,
//! written for the page in a flat form it reads without a JSON parser. leptos_i18n was not
//! built: it compiles every language's messages into the wasm (unless its experimental dynamic
//! loading is on) and takes its plurals from ICU, so it costs at least icu_plurals' 15 KB and
//! every language's text.

mod catalog;
pub mod check;
pub mod flat;
mod language;
mod plural;

pub use catalog::{fill, placeholders, Arg, Catalog, CatalogError, Text};
pub use check::{check, Problem};
pub use language::Language;
pub use plural::{use_plural_rules, Plural, PluralRulesFn};

/// English's messages in the flat form, written by the build from
/// `locales/en-US/messages.json`: compiled into every build, read without a JSON parser.
pub const ENGLISH_MESSAGES: &str = include_str!(concat!(env!("OUT_DIR"), "/en-US.messages.txt"));
