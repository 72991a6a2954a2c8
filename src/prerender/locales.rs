//! The languages' files the page downloads (`locales/<tag>/messages.txt` and `kb.txt` in the
//! published site), written from the catalogs translators edit (`locales/<tag>/*.json`) in the
//! flat form the page reads without a JSON parser (`fix1002_core::i18n::flat`). English is
//! compiled in and has none.

use fix1002_core::i18n::{Catalog, Language};

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
            files.push((format!("locales/{tag}/messages.txt"), messages));
            files.push((format!("locales/{tag}/kb.txt"), kb));
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
    fn every_language_but_english_is_published_and_reads_back() {
        let files = language_files().unwrap();
        assert_eq!(files.len(), 2 * (Language::ALL.len() - 1));
        for (path, text) in &files {
            let tag = path.split('/').nth(1).unwrap();
            let catalog = Catalog::parse_flat(Language::from_tag(tag).unwrap(), text);
            assert!(catalog.keys().count() > 150, "{path}");
        }
    }
}
