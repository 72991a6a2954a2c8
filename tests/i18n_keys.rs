//! Every message key the views ask for (`t("…")`, `tf("…", …)`) is in English's catalog,
//! `locales/en-US/messages.json`, and every key there is asked for: a key mistyped in the code
//! would show as itself, and a message no view asks for would be translated twelve times for
//! nothing. (crates/core/tests/locales.rs checks the other languages against English.)

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use fix1002_web::i18n::{t, tf};

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("src/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(fs::read_to_string(&path).expect("a source file"));
        }
    }
}

/// The keys in `t("…")` and `tf("…"` calls.
fn keys_asked_for() -> BTreeSet<String> {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut keys = BTreeSet::new();
    for text in files {
        for call in ["t(\"", "tf(\"", "tf(\n"] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(call) {
                let before = rest[..at].chars().last();
                rest = &rest[at + call.len()..];
                // `t(` as a whole name only, not the end of `format(` or `split(`.
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest_trimmed = rest.trim_start().trim_start_matches('"');
                if let Some(end) = rest_trimmed.find('"') {
                    let key = &rest_trimmed[..end];
                    if key.contains('.') && !key.contains(' ') {
                        keys.insert(key.to_owned());
                    }
                }
            }
        }
    }
    keys
}

fn english_keys() -> BTreeSet<String> {
    let json = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-US/messages.json"),
    )
    .expect("English's messages");
    let catalog = fix1002_core::i18n::Catalog::parse(fix1002_core::i18n::Language::EnUs, &json)
        .expect("English's messages parse");
    catalog.keys().map(str::to_owned).collect()
}

#[test]
fn every_key_asked_for_is_in_english_and_every_english_key_is_asked_for() {
    let asked = keys_asked_for();
    assert!(
        asked.len() > 100,
        "only {} keys found: {asked:?}",
        asked.len()
    );
    let english = english_keys();
    let missing: Vec<&String> = asked.difference(&english).collect();
    assert!(missing.is_empty(), "asked for, not in English: {missing:?}");
    let unused: Vec<&String> = english.difference(&asked).collect();
    assert!(
        unused.is_empty(),
        "in English, asked for by no view: {unused:?}"
    );
}

#[test]
fn a_missing_key_shows_as_itself_and_placeholders_fill() {
    assert_eq!(t("home.start"), "Start troubleshooting");
    assert_eq!(t("no.such.key"), "no.such.key");
    assert_eq!(
        tf("step.about", fix1002_web::i18n_args!(count = 1u32)),
        "About 1 minute (an estimate)."
    );
    assert_eq!(
        tf("step.about", fix1002_web::i18n_args!(count = 4u32)),
        "About 4 minutes (an estimate)."
    );
}
