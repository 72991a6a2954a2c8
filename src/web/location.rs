//! The URL fragment, which holds the current route (see [`crate::route`]).

use leptos::prelude::*;

use crate::route::{site_root, Route, PRERENDERED_ROUTE_META};

/// The current URL fragment, `#` included, or an empty string when there is none.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `on_change` with the new fragment whenever it changes: a followed link, Back and
/// Forward, or a URL edited by hand. The listener is removed with the calling component.
pub fn watch_fragment(on_change: impl Fn(String) + 'static) {
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        on_change(current_fragment())
    });
    on_cleanup(move || listener.remove());
}

/// How moving to a new fragment treats the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum History {
    /// A new history entry, so the browser's Back returns to where the reader was.
    #[default]
    Add,
    /// The current entry is replaced: inside the help widget the host page owns the history,
    /// and every answer would otherwise be one more press of Back before the host page goes
    /// back (the app keeps its own Back button).
    Replace,
}

/// Goes to `fragment` (such as `#/troubleshoot?s=…`), adding a history entry or not.
pub fn go_to(fragment: &str, history: History) {
    match history {
        History::Replace => replace_with(fragment),
        History::Add => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_hash(fragment);
            }
        }
    }
}

/// Replaces the current fragment without adding a history entry (used to restore saved state,
/// which is not a step the owner took).
///
/// The new address is the current one with only its fragment changed, built from `href`: a
/// path rebuilt from its parts would let a path such as `//other.example/` read as another
/// origin, and a relative `#…` would resolve against a `<base>` element instead of this page.
pub fn replace_with(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let Ok(href) = location.href() else {
            return;
        };
        let _ = location.replace(&with_fragment(&href, fragment));
    }
}

/// `href` with its fragment replaced by `fragment` (which starts with `#`).
fn with_fragment(href: &str, fragment: &str) -> String {
    let document = href.split_once('#').map_or(href, |(document, _)| document);
    format!("{document}{fragment}")
}

/// The real address of `route`'s pre-rendered page (`…/steps/<id>/`, or `…/de/steps/<id>/`
/// in German), under whatever path the site is published: the site root comes from the
/// document's base URI, which on the start page is its own address and on a pre-rendered page
/// its `<base>`. After the app has moved a pre-rendered page's address to the fragment
/// (`#/steps/<id>`), this is still the page's own.
pub fn prerendered_address(route: &Route) -> Option<String> {
    let path = route.prerendered_path()?;
    site_address(&format!("{}{path}", crate::i18n::language().folder()))
}

/// The address of `path` (relative to the site root: `locales/de-DE/kb.txt`) under whatever
/// path the site is published.
pub fn site_address(path: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    Some(format!("{}{path}", site_root(&base)))
}

/// On a pre-rendered page (`steps/<id>/`), moves the address to the site root with that page's
/// fragment route (`#/steps/<id>`) before the app reads it, without a reload or a new history
/// entry. The app then shows the same page over the same words, its links resolve as on any
/// other page, and the service worker registers at the root. The page's `<base>` names the
/// root, and it is same-origin: the policy's `base-uri 'self'` allows no other.
///
/// A fragment the page already has wins over the page's own route: it is an answer tapped on
/// the pre-rendered first question before the app arrived (`troubleshoot/#/troubleshoot?s=…`),
/// and the app continues from it.
pub fn adopt_prerendered_route() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(page_route) = page_meta(PRERENDERED_ROUTE_META).filter(|r| r.starts_with("#/")) else {
        return;
    };
    let fragment = current_fragment();
    let route = if fragment.starts_with("#/") {
        fragment
    } else {
        page_route
    };
    let Ok(Some(root)) = document.base_uri() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&with_fragment(&root, &route)),
        );
    }
}

/// The `content` of the page's `<meta name="{name}">`, if it has one: what the pre-renderer
/// wrote about the page.
pub fn page_meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

#[cfg(test)]
mod tests {
    use super::with_fragment;

    #[test]
    fn only_the_fragment_changes() {
        assert_eq!(
            with_fragment(
                "https://a.example//b.example/x?y=1#/old",
                "#/troubleshoot?s=when:update"
            ),
            "https://a.example//b.example/x?y=1#/troubleshoot?s=when:update"
        );
        assert_eq!(
            with_fragment("https://a.example/", "#/decode"),
            "https://a.example/#/decode"
        );
    }
}
