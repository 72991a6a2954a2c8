//! The translations in `locales/`: English's knowledge-base catalog is what the knowledge base
//! says today, and every other language's is complete and sound against it (no missing or
//! unknown key, the same placeholders, the plural forms the language needs, no markup).
//!
//! After editing `kb/error1002.toml`, write English's catalog again with
//! `FIX1002_WRITE_LOCALES=1 cargo test -p fix1002-core --test locales`; the other languages
//! then report what to translate.

use std::fs;
use std::path::{Path, PathBuf};

use fix1002_core::i18n::{check, Catalog, Language};
use fix1002_core::kb::{owner_texts, to_catalog_json, KB};

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
            continue;
        };
        match Catalog::parse(language, &json) {
            Err(error) => report.push(format!("{}: {error}", path.display())),
            Ok(catalog) => report.extend(
                check(&english, &catalog)
                    .into_iter()
                    .map(|problem| format!("{language}/kb.json: {problem}")),
            ),
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
