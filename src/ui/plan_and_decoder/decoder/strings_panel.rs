//! The optional localization resource, for faults that carry a custom message (SonosError).

use std::sync::Arc;

use leptos::prelude::*;

use super::file_choice::{AcceptedFiles, ChooseFile};
use super::DecoderState;
use crate::fault::findings::{Basis, SONOS_LOCALIZATION, SONOS_STRINGS};
use crate::fault::strings::{StringTable, SONOS_LANGUAGES};

/// Localization resources are small; anything bigger than this is not one.
const RESOURCE_FILE: AcceptedFiles = AcceptedFiles {
    limit: 4 * 1024 * 1024,
    when_too_large: "A localization resource is far smaller: is this the right file?",
};

#[component]
pub fn StringsPanel(
    state: DecoderState,
    table: Memo<Option<Result<Arc<StringTable>, String>>>,
) -> impl IntoView {
    // A chosen file that could not be used; typing in the box clears it.
    let file_error = RwSignal::new(None::<String>);
    let on_read = Callback::new(move |result: Result<String, String>| match result {
        Ok(text) => {
            file_error.set(None);
            state.strings_text.set(text);
        }
        Err(message) => file_error.set(Some(message)),
    });
    let languages = move || match table.get() {
        Some(Ok(table)) => table
            .languages
            .iter()
            .map(|l| {
                let tag = l.tag.clone();
                let selected = {
                    let tag = tag.clone();
                    move || state.language.get() == tag
                };
                view! { <option value=tag.clone() selected=selected>{tag.clone()}</option> }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };
    let status = move || match (file_error.get(), table.get()) {
        (Some(message), _) => Some(
            view! {
                <p class="decode-error" data-testid="strings-error" role="alert">{message}</p>
            }
            .into_any(),
        ),
        (None, None) => None,
        (None, Some(Ok(table))) => Some(
            view! {
                <p class="note">
                    {format!(
                        "Read {} language{} from the {}.",
                        table.languages.len(),
                        if table.languages.len() == 1 { "" } else { "s" },
                        match table.format {
                            crate::fault::strings::TableFormat::LegacyXml => "XML string table",
                            crate::fault::strings::TableFormat::Json => "JSON resource",
                        }
                    )}
                </p>
            }
            .into_any(),
        ),
        (None, Some(Err(message))) => Some(
            view! {
                <p class="decode-error" data-testid="strings-error" role="alert">{message}</p>
            }
            .into_any(),
        ),
    };

    view! {
        <details class="strings-panel">
            <summary>"Custom messages: add your localization resource"</summary>
            <p class="help">
                "When a fault’s detail carries SonosError N, Sonos shows Error{N}Message from your "
                "localization resource instead of the default (Sonos SMAPI reference: error "
                "handling). Paste or choose either format Sonos documents: the XML string table ("
                <SourceLink basis=SONOS_STRINGS />
                ") or the i18next JSON file ("
                <SourceLink basis=SONOS_LOCALIZATION />
                ")."
            </p>
            <p class="help">
                "Sonos asks for strings in twelve languages: "
                {SONOS_LANGUAGES.join(", ")}
                " ("
                <SourceLink basis=SONOS_STRINGS />
                "). Fix 1002 checks each custom message against that list."
            </p>
            <label for="strings-resource" class="field-label">"Localization resource"</label>
            <textarea
                id="strings-resource"
                class="code-input"
                rows="5"
                spellcheck="false"
                prop:value=move || state.strings_text.get()
                on:input=move |ev| {
                    file_error.set(None);
                    state.strings_text.set(event_target_value(&ev));
                }
            ></textarea>
            <p class="file-choice">
                <ChooseFile
                    label="Choose a file"
                    accept=".json,.xml,.txt"
                    accepts=RESOURCE_FILE
                    on_read
                />
            </p>
            {status}
            <div class="field">
                <label for="language" class="field-label">"Language"</label>
                <select
                    id="language"
                    disabled=move || !matches!(table.get(), Some(Ok(_)))
                    on:change=move |ev| state.language.set(event_target_value(&ev))
                >
                    {languages}
                </select>
            </div>
        </details>
    }
}

/// A link to the page of Sonos' documentation a statement comes from, named by its title.
#[component]
fn SourceLink(basis: Basis) -> impl IntoView {
    let Basis::SonosDocs { title, url } = basis else {
        return ().into_any();
    };
    view! {
        <a href=url rel="noopener noreferrer" target="_blank">
            {format!("Sonos documentation: {title}")}
            <span class="visually-hidden">" (opens a new tab)"</span>
        </a>
    }
    .into_any()
}
