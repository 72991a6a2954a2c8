//! Choosing or dropping a file: read on this device, checked, and handed over as text or as a
//! specific message. Both of the decoder's inputs (the fault and the localization resource) use
//! it, so a file that is too large or is not text is reported the same way in each.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::fault::{text_of_file, DecodeError};
use crate::web::files::{self, FileError};

/// What a box accepts, for reading a file into it.
#[derive(Clone, Copy)]
pub struct AcceptedFiles {
    /// The largest file, in bytes.
    pub limit: usize,
    /// What to do instead, said after a "too large" message.
    pub when_too_large: &'static str,
}

impl AcceptedFiles {
    /// Reads `file` and calls `done` with its text, or with the reason it cannot be used.
    pub fn read(self, file: web_sys::File, done: impl Fn(Result<String, String>) + 'static) {
        spawn_local(async move {
            done(self.text_of(files::read_bytes(&file, self.limit).await));
        });
    }

    fn text_of(self, read: Result<Vec<u8>, FileError>) -> Result<String, String> {
        let too_large = |bytes: usize| {
            format!(
                "This file is {:.1} MB; this box takes files up to {} MB. {}",
                bytes as f64 / 1e6,
                self.limit / 1_000_000,
                self.when_too_large
            )
        };
        match read {
            Ok(bytes) => match text_of_file(&bytes, self.limit) {
                Ok(text) => Ok(text.to_owned()),
                Err(DecodeError::TooLarge { bytes, .. }) => Err(too_large(bytes)),
                Err(other) => Err(other.to_string()),
            },
            Err(FileError::TooLarge { bytes }) => Err(too_large(bytes)),
            Err(FileError::Unreadable) => Err("This file could not be read.".to_owned()),
        }
    }
}

/// A "choose a file" button (a styled label around a hidden file input).
#[component]
pub fn ChooseFile(
    label: &'static str,
    /// The file input's `accept` list.
    accept: &'static str,
    accepts: AcceptedFiles,
    on_read: Callback<Result<String, String>>,
) -> impl IntoView {
    view! {
        <label class="file-button">
            {label}
            <input
                type="file"
                class="visually-hidden"
                accept=accept
                on:change=move |ev| {
                    if let Some(file) = files::chosen_file(&ev) {
                        accepts.read(file, move |result| on_read.run(result));
                    }
                }
            />
        </label>
    }
}
