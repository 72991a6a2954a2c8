//! The languages' files the page downloads (`locales/<tag>/messages.txt`, `kb.txt` and their
//! later halves in the published site: see `fix1002_core::language_files`), written from the
//! catalogs translators edit (`locales/<tag>/*.json`) in the flat form the page reads without
//! a JSON parser (`fix1002_core::i18n::flat`). English is compiled in and has none.

use fix1002_core::i18n::{Catalog, Language};
use fix1002_core::language_files::{
    kb_download, message_download, split, FIRST_FILES, LATER_FILES,
};

macro_rules! catalogs {
    ($($tag:literal),* $(,)?) => {
        [$((
            $tag,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $tag, "/messages.json")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $tag, "/kb.json")),
        )),*]
    };
}

/// Every language but English: its tag, and its two catalogs as translators wrote them.
const CATALOGS: [(&str, &str, &str); 11] = catalogs!(
    "da-DK", "de-DE", "es-ES", "fr-FR", "it-IT", "ja-JP", "nb-NO", "nl-NL", "pt-BR", "sv-SE",
    "zh-CN",
);

/// The files to publish: (path under the site, text).
pub fn language_files() -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for (tag, _, _) in CATALOGS {
        let language = Language::from_tag(tag).ok_or_else(|| format!("{tag}: not a language"))?;
        if let Some((messages, kb)) = flat_catalogs(language)? {
            let (messages_first, messages_later) = split(&messages, message_download);
            let (kb_first, kb_later) = split(&kb, kb_download);
            let texts = [messages_first, kb_first, messages_later, kb_later];
            for (file, text) in FIRST_FILES.iter().chain(&LATER_FILES).zip(texts) {
                files.push((format!("locales/{tag}/{file}"), text));
            }
        }
    }
    Ok(files)
}

/// A language's two catalogs, messages and knowledge base, in the flat form the page reads
/// (and `crate::i18n::install` takes); `None` for English, which is compiled in.
pub fn flat_catalogs(language: Language) -> Result<Option<(String, String)>, String> {
    let Some((tag, messages, kb)) = CATALOGS
        .into_iter()
        .find(|(tag, _, _)| *tag == language.tag())
    else {
        return Ok(None);
    };
    let flat = |name: &str, json: &str| {
        Catalog::parse(language, json)
            .map(|catalog| catalog.to_flat())
            .map_err(|e| format!("locales/{tag}/{name}.json: {e}"))
    };
    Ok(Some((flat("messages", messages)?, flat("kb", kb)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_but_english_is_published_and_its_files_read_back_whole() {
        let files = language_files().unwrap();
        assert_eq!(files.len(), 4 * (Language::ALL.len() - 1));
        for language in Language::ALL.into_iter().filter(|l| *l != Language::EnUs) {
            let text = |file: &str| {
                let path = format!("locales/{}/{file}", language.tag());
                files.iter().find(|(p, _)| *p == path).unwrap().1.clone()
            };
            let (messages, kb) = flat_catalogs(language).unwrap().unwrap();
            for (first, later, whole) in [
                (FIRST_FILES[0], LATER_FILES[0], messages),
                (FIRST_FILES[1], LATER_FILES[1], kb),
            ] {
                let (first, later) = (text(first), text(later));
                // Both halves hold texts, and together they are the whole catalog, but for
                // the widget loader's words, which the app never shows.
                let keys = |t: &str| {
                    let catalog = Catalog::parse_flat(language, t);
                    let keys: Vec<String> = catalog.keys().map(str::to_owned).collect();
                    keys.into_iter()
                        .filter(|k| !k.starts_with("widget."))
                        .count()
                };
                assert!(keys(&first) > 10 && keys(&later) > 10, "{language:?}");
                assert_eq!(keys(&(first + &later)), keys(&whole), "{language:?}");
                assert!(!text(FIRST_FILES[0]).contains("widget.launcher"));
            }
        }
    }
}
