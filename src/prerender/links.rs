//! The app's links are fragments (`#/steps/<id>`), which only the app can follow. On a
//! pre-rendered page, the ones that have a page of their own become paths (`steps/<id>/`,
//! resolved against the page's `<base>`, the site root), so they work with no JavaScript.
//! The same goes for the common questions (`#/questions/<id>`) and the first question of the
//! flow (`#/troubleshoot`). The others (`#/decode`) lead to the app at the site root.
//!
//! A page in another language than English links to its language's pages (`de/steps/<id>/`),
//! and its brand link to its language's start page (`de/`).
//!
//! An answer to the first question (`#/troubleshoot?s=when:playback`) links to the flow's own
//! page with the answer in its fragment (`troubleshoot/#/troubleshoot?s=when:playback`): from
//! that page, the same document, so a tap before the wasm has arrived changes the address and
//! nothing else, and the app continues from the answer when it mounts.

use fix1002_core::i18n::Language;

use crate::route::Route;

/// `html` with every `href="#/…"` that names a pre-rendered page turned into its path, in
/// `language`'s folder.
pub fn path_links(html: &str, language: Language) -> String {
    let folder = language.folder();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    const OPEN: &str = "href=\"#/";
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let Some(end) = after.find('"') else {
            out.push_str(&rest[at..]);
            return out;
        };
        match page_path(&after[..end], &folder) {
            Some(path) => out.push_str(&format!("href=\"{path}\"")),
            None => out.push_str(&rest[at..at + OPEN.len() + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The path for a fragment route (`steps/<id>`, without its `#/`), if it has one. The route
/// is read as the app reads it.
fn page_path(fragment: &str, folder: &str) -> Option<String> {
    let route = Route::from_fragment(fragment);
    if let Some(path) = route.prerendered_path() {
        return Some(format!("{folder}{path}"));
    }
    match &route {
        Route::Troubleshoot { .. } => Route::TROUBLESHOOT
            .prerendered_path()
            .map(|page| format!("{folder}{page}{}", route.href())),
        Route::Home if !folder.is_empty() => Some(folder.to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_links_become_paths_and_app_links_stay() {
        let html = r##"<a href="#/steps/restart-speaker">a</a><a href="#/steps">b</a><a href="#/troubleshoot">c</a><a href="#/steps/no-such">d</a><a href="#/decode">e</a><a href="#/">f</a>"##;
        assert_eq!(
            path_links(html, Language::EnUs),
            r##"<a href="steps/restart-speaker/">a</a><a href="steps/">b</a><a href="troubleshoot/">c</a><a href="#/steps/no-such">d</a><a href="#/decode">e</a><a href="#/">f</a>"##
        );
    }

    #[test]
    fn a_language_links_to_its_own_pages() {
        let html = r##"<a href="#/steps/restart-speaker">a</a><a href="#/">b</a><a href="#/decode">c</a>"##;
        assert_eq!(
            path_links(html, Language::DeDe),
            r##"<a href="de/steps/restart-speaker/">a</a><a href="de/">b</a><a href="#/decode">c</a>"##
        );
    }

    #[test]
    fn an_answer_stays_on_the_flows_page_with_the_answer_in_its_fragment() {
        let html = r##"<a class="answer" href="#/troubleshoot?s=when:update">x</a>"##;
        assert_eq!(
            path_links(html, Language::EnUs),
            r##"<a class="answer" href="troubleshoot/#/troubleshoot?s=when:update">x</a>"##
        );
        assert_eq!(
            path_links(html, Language::JaJp),
            r##"<a class="answer" href="ja/troubleshoot/#/troubleshoot?s=when:update">x</a>"##
        );
    }
}
