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
