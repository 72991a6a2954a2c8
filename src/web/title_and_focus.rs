//! Page-level housekeeping: the document title and where keyboard focus goes.

/// Sets the text of the browser tab and of history entries.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with this id, if it exists and can take focus.
///
/// After a route change the new page's heading takes focus, so that a screen reader announces
/// where the reader has arrived and the next Tab starts from the new content, as it would after
/// a full page load.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the element with this id, as [`focus_by_id`] does, but only if
/// nothing has focus: for content drawn a moment after its page opened, whose heading was not
/// there yet when the app moved focus, and which must not take focus from a reader already
/// somewhere else.
pub fn focus_by_id_if_unfocused(id: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    let unfocused = document.is_some_and(|d| match (d.active_element(), d.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    });
    if unfocused {
        focus_by_id(id);
    }
}

/// Scrolls the page back to its top, for a message shown there that the reader must see (the
/// Undo after Start over, pressed at the foot of a long screen).
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
