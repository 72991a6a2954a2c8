//! The page's language, from the browser's side: the owner's stored choice, the browser's
//! languages, the `lang` of the document, and the download of a language's files.

use fix1002_core::i18n::Language;
use fix1002_core::language_files::{FIRST_FILES, LATER_FILES};
use gloo_net::http::Request;

use super::{embed, location, storage};
use crate::route::PAGE_LANGUAGE_META;

/// The language this page should be in. In the help widget: the one the embedding page asks
/// for (`data-lang`, or its own `lang`), if it is one of the twelve, else the browser's. On the
/// site: the language of the pre-rendered page's folder (`de/…`), else the one chosen on this
/// device with the switcher, or else the best match for the browser's languages. English when
/// none of the twelve fits.
pub fn preferred() -> Language {
    let browser = || Language::negotiate(browser_languages().iter().map(String::as_str));
    if embed::is_embedded() {
        return embed::requested_language()
            .and_then(|tag| Language::for_browser_tag(&tag))
            .unwrap_or_else(browser);
    }
    // A page in a language's folder (`de/steps/<id>/`) is a choice: a link or a search
    // engine's result in that language, followed. It is remembered like the switcher's.
    if let Some(language) = location::page_meta(PAGE_LANGUAGE_META)
        .as_deref()
        .and_then(Language::from_tag)
    {
        storage::save_language_choice(language.tag());
        return language;
    }
    storage::language_choice()
        .and_then(|tag| Language::from_tag(&tag))
        .unwrap_or_else(browser)
}

/// `navigator.languages`, best first; `navigator.language` where the list is missing.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Remembers `language` on this device and reloads the page in it.
pub fn choose(language: Language) {
    storage::save_language_choice(language.tag());
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Sets `<html lang>`, so that screen readers pronounce the page in its language and the
/// browser hyphenates and picks fonts for it.
pub fn mark_document(language: Language) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", language.tag());
    }
}

/// Two of the language's files, messages then knowledge base (its first ones, `FIRST_FILES`,
/// or its later ones: see `fix1002_core::language_files`), as text, in the build's flat form.
/// The service worker keeps them once downloaded, so this works offline for a language read
/// before.
pub async fn download(language: Language, files: [&str; 2]) -> Result<(String, String), String> {
    // Side by side: on a slow network, one after the other cost a round trip more.
    let (messages, kb) = futures::future::join(
        fetch_text(language, files[0]),
        fetch_text(language, files[1]),
    )
    .await;
    Ok((messages?, kb?))
}

/// The addresses of all the language's files, to keep for offline use.
pub fn file_addresses(language: Language) -> Vec<String> {
    FIRST_FILES
        .iter()
        .chain(&LATER_FILES)
        .filter_map(|file| location::site_address(&path(language, file)))
        .collect()
}

fn path(language: Language, file: &str) -> String {
    format!("locales/{}/{file}", language.tag())
}

async fn fetch_text(language: Language, file: &str) -> Result<String, String> {
    let path = path(language, file);
    let url = location::site_address(&path).ok_or_else(|| format!("{path}: no address"))?;
    // The network's own error is not formatted: its Display would link gloo-net's whole error
    // type, JSON parser messages and all, into the first download.
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|_| format!("{path}: cannot be downloaded"))?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|_| format!("{path}: cannot be read"))
}
