//! The help widget's loader (`public/embed.js`) speaks the panel's language too: its launcher,
//! the panel's name and its close button. The loader is a plain script on the host's page with
//! no catalog to read, so the pre-renderer writes the words of all twelve languages into the
//! published copy, from the same catalogs as the app (the `widget` group of
//! `locales/<tag>/messages.json`).
//!
//! The table is keyed by a language tag's first part (`de`, `nb`), which is how the loader
//! matches the host's `data-lang`, its page's `lang` or the browser's languages, by the same
//! rules as `Language::for_browser_tag`.

use fix1002_core::i18n::Language;

use super::in_language;
use crate::i18n::t;

/// The markers around the table in `public/embed.js`; the file keeps English between them,
/// so that it works unbuilt too.
const START: &str = "/*fix1002:words*/";
const END: &str = "/*/fix1002:words*/";

/// `loader` (the text of `embed.js`) with every language's words between its markers.
pub fn loader_with_words(loader: &str) -> Result<String, String> {
    let start = loader
        .find(START)
        .ok_or_else(|| format!("embed.js has no {START}"))?
        + START.len();
    let end = loader[start..]
        .find(END)
        .ok_or_else(|| format!("embed.js has no {END}"))?
        + start;
    Ok(format!(
        "{}{}{}",
        &loader[..start],
        words_table()?,
        &loader[end..]
    ))
}

/// `{"da":{"lang":"da-DK","launcher":"Hjælp til Sonos-fejl 1002",…},"de":{…},…}`.
fn words_table() -> Result<String, String> {
    let mut table = serde_json::Map::new();
    for language in Language::ALL {
        let words = in_language(language, || {
            Ok(serde_json::json!({
                "lang": language.tag(),
                "launcher": t("widget.launcher"),
                "panel": t("widget.panel"),
                "close": t("widget.close"),
            }))
        })?;
        let primary = language.tag().split('-').next().unwrap_or_default();
        table.insert(primary.to_owned(), words);
    }
    Ok(serde_json::Value::Object(table).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_words_in_the_loader_and_english_stays_as_the_tests_know_it() {
        let loader =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/embed.js"))
                .unwrap();
        let built = loader_with_words(&loader).unwrap();
        let table = &built[built.find(START).unwrap() + START.len()..built.find(END).unwrap()];
        let words: serde_json::Value = serde_json::from_str(table).unwrap();
        assert_eq!(words["en"]["launcher"], "Help with Sonos error 1002");
        assert_eq!(words["en"]["panel"], "Fix 1002 help");
        assert_eq!(words["en"]["close"], "Close help");
        assert_eq!(words["de"]["lang"], "de-DE");
        assert_eq!(words["nb"]["lang"], "nb-NO");
        for language in Language::ALL {
            let primary = language.tag().split('-').next().unwrap();
            for field in ["launcher", "panel", "close"] {
                let text = words[primary][field].as_str().unwrap();
                assert!(
                    !text.is_empty() && !text.starts_with("widget."),
                    "{primary} {field}: {text}"
                );
            }
            if language != Language::EnUs {
                assert_ne!(
                    words[primary]["launcher"], words["en"]["launcher"],
                    "{primary}"
                );
            }
        }
        // Only the table changed, and the unbuilt file already holds a table that reads.
        assert_eq!(
            built[..built.find(START).unwrap()],
            loader[..loader.find(START).unwrap()]
        );
        let unbuilt = &loader[loader.find(START).unwrap() + START.len()..loader.find(END).unwrap()];
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(unbuilt).unwrap()["en"],
            words["en"]
        );
    }
}
