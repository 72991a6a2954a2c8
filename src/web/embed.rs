//! Embed mode: the app running inside the help widget's panel (an iframe with `?embed=1`).

use wasm_bindgen::JsCast;

use crate::route::{query_param, Sections};

/// The value of `key` in the page's query string (not the fragment's).
fn page_param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    query_param(&search, key).map(str::to_owned)
}

/// Whether the page was opened by the embed loader (`?embed=1` in the query string). Read
/// once, when a module mounts, and passed down from there.
pub fn is_embedded() -> bool {
    page_param("embed").as_deref() == Some("1")
}

/// The sections the page offers: all, unless the loader passed `?sections=…` on (see
/// [`Sections`]).
pub fn offered_sections() -> Sections {
    Sections::from_list(page_param("sections").as_deref())
}

/// The language the embedding page asked for (`data-lang`, or else its own `lang`), as the
/// loader passes it (`?lang=`).
pub fn requested_language() -> Option<String> {
    page_param("lang")
}

/// Marks the document so the styles can switch to the compact embedded layout.
pub fn mark_document() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("embedded");
    }
}

/// Inside the widget, following one of the app's own links (`href="#/…"`) replaces the
/// fragment rather than adding a history entry: the frame shares the host page's history, and
/// every answer would otherwise be one more press of Back before the host page goes back.
pub fn keep_links_out_of_host_history() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MouseEvent)>::new(
        |event: web_sys::MouseEvent| {
            // A click meant for a new tab or window keeps its usual meaning.
            if event.default_prevented()
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href^='#']").ok().flatten());
            let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            event.prevent_default();
            super::location::replace_with(&href);
        },
    );
    let _ = document.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Escape inside the panel closes it: the loader in the host page owns the panel, so the app
/// asks it to. The message carries nothing but its type.
pub fn forward_escape_to_host() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(
        |event: web_sys::KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            let Some(window) = web_sys::window() else {
                return;
            };
            if let Ok(Some(parent)) = window.parent() {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"fix1002:close".into());
                let _ = parent.post_message(&message, "*");
            }
        },
    );
    let _ = window.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    listener.forget();
}
