//! The page's language: chosen once, when the page starts (`entry`), then read by every view.
//!
//! English is built in, its messages (`locales/en-US/messages.json`) compiled into the wasm and
//! its knowledge base the compiled tables. Another language is installed from the two files
//! the page downloaded for it ([`install`]), which the pre-renderer writes into the site from
//! `locales/<tag>/messages.json` and `kb.json`: its messages, and its knowledge base, which
//! [`fix1002_core::kb::translate`] lays over the tables. A view asks for
//! a message by key ([`t`], [`tf`]) and for the knowledge base through [`kb`], and gets the
//! page's language, or English for anything a translation lacks, never a blank.
//!
//! The language does not change while the page lives: the switcher stores the choice and
//! reloads, so no view has to follow a change.

use std::cell::{Cell, OnceCell};

use fix1002_core::i18n::{Arg, Catalog, Language, Text, ENGLISH_MESSAGES};
use fix1002_core::kb::{translate, CommonQuestion, Fact, KnowledgeBase, Translated, KB};

/// Everything a language gives the views.
pub struct Texts {
    pub language: Language,
    messages: Catalog,
    kb: Translated,
    /// The files it was read from, for the second wasm module, which has memory of its own
    /// and is handed the same text (`entry::plan_and_decoder::set_language`).
    files: Option<(&'static str, &'static str)>,
}

thread_local! {
    static CURRENT: Cell<Option<&'static Texts>> = const { Cell::new(None) };
    static ENGLISH: OnceCell<&'static Texts> = const { OnceCell::new() };
    /// A language the owner chose that could not be downloaded (offline, never read before).
    static UNAVAILABLE: Cell<Option<Language>> = const { Cell::new(None) };
}

fn english() -> &'static Texts {
    ENGLISH.with(|english| {
        *english.get_or_init(|| {
            let messages = Catalog::parse_flat(Language::EnUs, ENGLISH_MESSAGES);
            Box::leak(Box::new(Texts {
                language: Language::EnUs,
                messages,
                kb: Translated::english(),
                files: None,
            }))
        })
    })
}

/// The page's texts.
pub fn current() -> &'static Texts {
    CURRENT.with(Cell::get).unwrap_or_else(english)
}

/// The page's language.
pub fn language() -> Language {
    current().language
}

/// Makes `language` the page's, from the two files downloaded for it, in the flat form the
/// build writes (`fix1002_core::i18n::flat`). A file that holds no message leaves the page in
/// English, and the message says which.
pub fn install(language: Language, messages: &str, kb: &str) -> Result<(), String> {
    if language == Language::EnUs {
        CURRENT.with(|c| c.set(None));
        return Ok(());
    }
    let messages_catalog = Catalog::parse_flat(language, messages);
    let kb_catalog = Catalog::parse_flat(language, kb);
    if messages_catalog.keys().next().is_none() || kb_catalog.keys().next().is_none() {
        return Err(format!(
            "{}: the language's files hold no message",
            language.tag()
        ));
    }
    let texts: &'static Texts = Box::leak(Box::new(Texts {
        language,
        messages: messages_catalog,
        kb: translate(&KB, &kb_catalog),
        files: Some((leak(messages), leak(kb))),
    }));
    CURRENT.with(|c| c.set(Some(texts)));
    Ok(())
}

/// Adds the language's later files (see `fix1002_core::language_files`) to the first ones
/// [`install`] installed. Views drawn from then on find every text in the language.
pub fn add_later(messages: &str, kb: &str) -> Result<(), String> {
    let texts = CURRENT
        .with(Cell::get)
        .ok_or_else(|| "no language's first files are installed".to_owned())?;
    let (first_messages, first_kb) = texts.files.unwrap_or_default();
    install(
        texts.language,
        &format!("{first_messages}{messages}"),
        &format!("{first_kb}{kb}"),
    )
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

/// The page's language and the text of its files as installed (messages, knowledge base),
/// when it is not English.
pub fn installed_files() -> Option<(Language, &'static str, &'static str)> {
    let texts = CURRENT.with(Cell::get)?;
    texts
        .files
        .map(|(messages, kb)| (texts.language, messages, kb))
}

/// Records that `language` was chosen but could not be downloaded: the page says so.
pub fn mark_unavailable(language: Language) {
    UNAVAILABLE.with(|u| u.set(Some(language)));
}

/// The language chosen but not available, if any.
pub fn unavailable() -> Option<Language> {
    UNAVAILABLE.with(Cell::get)
}

/// The message `key` in the page's language.
pub fn t(key: &'static str) -> &'static str {
    plain(current(), key)
        .or_else(|| plain(english(), key))
        .unwrap_or(key)
}

fn plain(texts: &'static Texts, key: &str) -> Option<&'static str> {
    match texts.messages.text(key)? {
        Text::Plain(text) => Some(text.as_str()),
        Text::Plural(forms) => forms.last().map(|(_, text)| text.as_str()),
    }
}

/// The message `key` with its placeholders filled, and its plural form chosen by `count`.
pub fn tf(key: &'static str, args: &[(&str, Arg)]) -> String {
    current()
        .messages
        .format(key, args)
        .or_else(|| english().messages.format(key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// The knowledge base in the page's language.
pub fn kb() -> &'static KnowledgeBase {
    current().kb.kb
}

/// The facts about error 1002, in the page's language.
pub fn facts() -> &'static [Fact] {
    current().kb.facts
}

/// The common questions, in the page's language.
pub fn common_questions() -> &'static [CommonQuestion] {
    current().kb.common_questions
}

/// The common question with this id, in the page's language.
pub fn common_question(id: &str) -> Option<&'static CommonQuestion> {
    common_questions().iter().find(|q| q.id == id)
}

/// `tf`'s arguments by name: `tf("fix.suggested_because", i18n_args!(because = b, cause = c))`.
/// A name given a `usize` is a count (and `count` chooses the plural form); anything else that
/// reads as text is text.
#[macro_export]
macro_rules! i18n_args {
    ($($name:ident = $value:expr),* $(,)?) => {
        &[$((stringify!($name), $crate::i18n::AsArg::as_arg(&$value))),*]
    };
}

/// What [`i18n_args!`] accepts as a value.
pub trait AsArg {
    fn as_arg(&self) -> Arg<'_>;
}

impl AsArg for usize {
    fn as_arg(&self) -> Arg<'_> {
        Arg::Count(*self as u64)
    }
}

impl AsArg for u32 {
    fn as_arg(&self) -> Arg<'_> {
        Arg::Count(u64::from(*self))
    }
}

impl AsArg for u64 {
    fn as_arg(&self) -> Arg<'_> {
        Arg::Count(*self)
    }
}

impl AsArg for str {
    fn as_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}

impl<T: AsArg + ?Sized> AsArg for &T {
    fn as_arg(&self) -> Arg<'_> {
        (**self).as_arg()
    }
}

impl AsArg for String {
    fn as_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}
