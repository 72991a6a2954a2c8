//! What kind of edit an `input` event was.

/// Whether the edit was typing (or deleting) rather than a paste or a drop: typing is decoded
/// after a pause, a paste at once. Browsers name the edit in `InputEvent.inputType`; an event
/// without one (dispatched by a script) counts as a paste.
pub fn is_typing(event: &web_sys::Event) -> bool {
    let kind = js_sys::Reflect::get(event, &"inputType".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    (kind.starts_with("insert") || kind.starts_with("delete"))
        && !matches!(kind.as_str(), "insertFromPaste" | "insertFromDrop")
}
