//! The translations in `locales/`: English's knowledge-base catalog is what the knowledge base
//! says today, and every other language's two catalogs (`kb.json`, `messages.json`) are
//! complete and sound against English's (no missing or unknown key, the same placeholders, the
//! plural forms the language needs, no markup). `tests/i18n_keys.rs` checks that every key the
//! views ask for is in English's messages.
//!
//! After editing `kb/error1002.toml`, write English's catalog again with
//! `FIX1002_WRITE_LOCALES=1 cargo test -p fix1002-core --test locales`; the other languages
//! then report what to translate.

use std::fs;
use std::path::{Path, PathBuf};

use fix1002_core::diagnose::{next, Event, Journey, Screen};
use fix1002_core::i18n::{check, Catalog, Language};
use fix1002_core::kb::{missing_addresses, owner_texts, to_catalog_json, translate, KB};

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

fn english_kb_path() -> PathBuf {
    locales().join("en-US/kb.json")
}

#[test]
fn english_knowledge_base_catalog_is_current() {
    let generated = to_catalog_json(&owner_texts(&KB));
    let path = english_kb_path();
    if std::env::var_os("FIX1002_WRITE_LOCALES").is_some() {
        fs::write(&path, &generated).expect("locales/en-US/kb.json written");
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "locales/en-US/kb.json is not what kb/error1002.toml says: run \
         FIX1002_WRITE_LOCALES=1 cargo test -p fix1002-core --test locales"
    );
}

#[test]
fn every_translation_of_the_knowledge_base_is_complete_and_sound() {
    let english = Catalog::parse(
        Language::EnUs,
        &fs::read_to_string(english_kb_path()).expect("English's catalog"),
    )
    .expect("English's catalog parses");
    let mut report = Vec::new();
    for language in Language::ALL.into_iter().skip(1) {
        let path = locales().join(language.tag()).join("kb.json");
        let Ok(json) = fs::read_to_string(&path) else {
            report.push(format!(
                "{}: missing: every language needs one",
                path.display()
            ));
            continue;
        };
        match Catalog::parse(language, &json) {
            Err(error) => report.push(format!("{}: {error}", path.display())),
            Ok(catalog) => {
                report.extend(
                    check(&english, &catalog)
                        .into_iter()
                        .map(|problem| format!("{language}/kb.json: {problem}")),
                );
                report.extend(missing_addresses(&KB, &catalog).into_iter().map(|key| {
                    format!("{language}/kb.json: {key}: a web address English links is missing")
                }));
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn every_language_has_every_message_of_the_screens() {
    let read = |language: Language| {
        let path = locales().join(language.tag()).join("messages.json");
        let json = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}: every language needs one", path.display()));
        Catalog::parse(language, &json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let english = read(Language::EnUs);
    let report: Vec<String> = Language::ALL
        .into_iter()
        .skip(1)
        .flat_map(|language| {
            check(&english, &read(language))
                .into_iter()
                .map(move |problem| format!("{language}/messages.json: {problem}"))
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The engine runs on a translated knowledge base as on English: the same questions in the
/// same order, then the same causes and plan, whatever the owner answers.
#[test]
fn a_translated_knowledge_base_gives_the_same_screens() {
    for language in Language::ALL.into_iter().skip(1) {
        let json = fs::read_to_string(locales().join(language.tag()).join("kb.json"))
            .expect("every language has its kb.json");
        let translated = translate(&KB, &Catalog::parse(language, &json).unwrap());
        for pick in [0usize, 1, usize::MAX] {
            let mut journey = Journey::new();
            loop {
                let screen = next(&KB, &journey);
                assert_same_but_words(&next(translated.kb, &journey), &screen, language);
                let Screen::Ask { question, .. } = screen else {
                    break;
                };
                let answers = KB.questions[question].answers.len();
                journey = journey.with(Event::Answered {
                    question,
                    answer: pick.min(answers - 1),
                });
            }
        }
    }
}

/// The two screens agree but for the words the knowledge base lends them (the reasons a cause
/// is likely, in the owner's language).
fn assert_same_but_words(translated: &Screen, english: &Screen, language: Language) {
    match (translated, english) {
        (
            Screen::Causes {
                causes: t_causes,
                plan: t_plan,
                minutes: t_minutes,
            },
            Screen::Causes {
                causes,
                plan,
                minutes,
            },
        ) => {
            let shape = |c: &[fix1002_core::diagnose::RankedCause]| {
                c.iter()
                    .map(|r| (r.cause, r.probability.to_bits(), r.because.len()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(shape(t_causes), shape(causes), "{language}");
            assert!(
                t_causes
                    .iter()
                    .zip(causes)
                    .all(|(t, e)| t.because != e.because || e.because.is_empty()),
                "{language}: the reasons are in the language"
            );
            assert_eq!((t_plan, t_minutes), (plan, minutes), "{language}");
        }
        (Screen::Ask { .. }, _) => assert_eq!(translated, english, "{language}"),
        _ => assert_eq!(
            std::mem::discriminant(translated),
            std::mem::discriminant(english),
            "{language}"
        ),
    }
}
