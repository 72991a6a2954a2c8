//! Reading what the user gives the decoder's text area: what kind of edit an `input` event was,
//! and the text of a paste, brought into wasm a slice per task.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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

#[wasm_bindgen]
extern "C" {
    /// A `DataTransfer` whose `getData` keeps its result a JavaScript string: web-sys' binding
    /// would copy the whole text into wasm at once.
    #[wasm_bindgen(extends = js_sys::Object)]
    type PastedData;

    #[wasm_bindgen(method, js_name = getData)]
    fn get_data(this: &PastedData, format: &str) -> js_sys::JsString;
}

/// The plain text of a `paste` event, still on the JavaScript side, if it carries any. Its
/// `length()` counts UTF-16 units, which for logs is close to their size in bytes.
pub fn pasted_text(event: &web_sys::ClipboardEvent) -> Option<js_sys::JsString> {
    event
        .clipboard_data()
        .map(|data| data.unchecked_into::<PastedData>().get_data("text/plain"))
        .filter(|text| text.length() > 0)
}

/// How much text one task copies into wasm. Copying (UTF-16 to UTF-8) runs at roughly 150 MB/s
/// on a phone-class core, so a slice costs a few milliseconds there.
const SLICE_UNITS: u32 = 512 * 1024;

/// Copies `text` into a Rust string a slice per task, so that a 16 MB paste never holds the
/// page for one long task.
pub async fn into_string_in_slices(text: js_sys::JsString) -> String {
    let length = text.length();
    let mut copied = String::with_capacity(length as usize);
    let mut start = 0;
    while start < length {
        let mut end = (start + SLICE_UNITS).min(length);
        // Never split a surrogate pair between two slices.
        let last_unit = text.char_code_at(end - 1) as u32;
        if end < length && (0xD800..0xDC00).contains(&last_unit) {
            end += 1;
        }
        copied.push_str(&String::from(text.slice(start, end)));
        start = end;
        if start < length {
            next_task().await;
        }
    }
    copied
}

/// Resolves in a new task, letting the browser handle input and paint in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}
