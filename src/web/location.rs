//! The URL fragment, which holds the current route (see [`crate::route`]).

use leptos::prelude::*;

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

/// Goes to `fragment` (such as `#/troubleshoot?s=…`) as a new history entry, so the browser's
/// Back returns to where the owner was.
pub fn go_to(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(fragment);
    }
}

/// Replaces the current fragment without adding a history entry (used to restore saved state,
/// which is not a step the owner took).
pub fn replace_with(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        let _ = location.replace(&format!("{path}{search}{fragment}"));
    }
}
