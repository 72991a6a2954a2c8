//! Copying text and sharing it through the phone's share sheet.

use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard. Fails when the browser refuses (no permission, no secure
/// context), so the caller can say so and leave the text on screen for copying by hand.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// Whether this browser has a share sheet (most phones do, most desktops do not).
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the share sheet with a title and text. Fails if the owner cancels or sharing is
/// unavailable.
pub async fn share_text(title: &str, text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    let promise = window.navigator().share_with_data(&data);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// Opens the share sheet with a page's title and address, which the receiving app can show as
/// a link. Fails if the owner cancels or sharing is unavailable.
pub async fn share_link(title: &str, url: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = window.navigator().share_with_data(&data);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}
