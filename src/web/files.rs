//! Reading a dropped or chosen file, entirely on this device.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge { bytes: usize },
    Unreadable,
}

/// The bytes of `file`, unless it is larger than `limit` (checked before reading, so a huge
/// file is never loaded into memory).
pub async fn read_bytes(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, FileError> {
    let size = file.size();
    if size > limit as f64 {
        return Err(FileError::TooLarge {
            bytes: size as usize,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileError::Unreadable)?;
    let buffer = buffer
        .dyn_into::<js_sys::ArrayBuffer>()
        .map_err(|_| FileError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of a drop, if any.
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<web_sys::File> {
    event.data_transfer()?.files()?.get(0)
}

/// The first file chosen in a file input, if any.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}
