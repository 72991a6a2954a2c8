//! The paste area (with file drop and choice) and the controls that shape the user message.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file_choice::{AcceptedFiles, ChooseFile};
use super::text_field::TextField;
use super::{size_in_words, DecoderState, HELD_ABOVE_BYTES};
use crate::fault::example::EXAMPLE_LOG;
use crate::fault::messages::Context;
use crate::fault::MAX_INPUT_BYTES;
use crate::web::{files, paste};

/// A fault file may be as large as anything the decoder takes.
const FAULT_FILE: AcceptedFiles = AcceptedFiles {
    limit: MAX_INPUT_BYTES,
    when_too_large: "Choose or paste the part of the log around the fault.",
};

#[component]
pub fn FaultInput(state: DecoderState) -> impl IntoView {
    let dragging = RwSignal::new(false);
    // Numbers large pastes, which are copied over several tasks, so that only the latest lands.
    let pastes = StoredValue::new(0u64);
    let on_read = Callback::new(move |result: Result<String, String>| match result {
        Ok(text) => {
            state.file_error.set(None);
            state.replace(text);
        }
        Err(message) => state.file_error.set(Some(message)),
    });

    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(file) = files::dropped_file(&ev) {
                    FAULT_FILE.read(file, move |result| on_read.run(result));
                }
            }
        >
            <label for="soap-response" class="field-label">"SOAP response"</label>
            <textarea
                id="soap-response"
                class="code-input"
                rows="10"
                spellcheck="false"
                autocomplete="off"
                placeholder="HTTP/1.1 500 Internal Server Error\nContent-Type: text/xml\n\n<soap:Envelope …>"
                aria-describedby="held-input"
                prop:value=move || {
                    state.replaced.track();
                    state.shown_text()
                }
                prop:readOnly=move || state.held.get()
                on:input=move |ev| {
                    state.file_error.set(None);
                    let text = event_target_value(&ev);
                    let typing = paste::is_typing(&ev);
                    // A large text the browser inserted itself (a drop of text, a paste it did
                    // not offer to the page) is held like a large paste: every later layout of
                    // megabytes in the box would stall the page again.
                    if !typing && text.len() > HELD_ABOVE_BYTES {
                        state.replace(text);
                    } else {
                        state.edit(text, typing);
                    }
                }
                on:paste=move |ev| {
                    // A large paste is taken over before the browser lays it out; so is any
                    // paste over a held text, which the text area cannot edit.
                    let Some(text) = paste::pasted_text(&ev) else { return };
                    if text.length() as usize > HELD_ABOVE_BYTES || state.held.get_untracked() {
                        ev.prevent_default();
                        state.file_error.set(None);
                        let paste = pastes.get_value() + 1;
                        pastes.set_value(paste);
                        spawn_local(async move {
                            let text = paste::into_string_in_slices(text).await;
                            // A later paste wins over one still being copied.
                            if pastes.try_get_value() == Some(paste) {
                                state.replace(text);
                            }
                        });
                    }
                }
            ></textarea>
            <HeldNote state />
            <p class="file-choice">
                "Or drop a file here, or "
                <ChooseFile
                    label="choose a file"
                    accept=".xml,.txt,.log,.http,.har,.json,text/*,application/json"
                    accepts=FAULT_FILE
                    on_read
                />
                "."
            </p>
            // For a first visit: something to decode before there is a fault of one's own.
            <Show when=move || state.input.with(String::is_empty)>
                <p class="example-offer">
                    <button
                        type="button"
                        class="button quiet"
                        data-testid="try-example"
                        on:click=move |_| {
                            state.file_error.set(None);
                            state.replace(EXAMPLE_LOG.to_owned());
                        }
                    >
                        "Try an example"
                    </button>
                    " A made-up controller log with two faults."
                </p>
            </Show>
        </div>
    }
}

/// Said while the text is held rather than shown: how large it is, and a way to start over.
#[component]
fn HeldNote(state: DecoderState) -> impl IntoView {
    view! {
        <div id="held-input" class="held-note" data-testid="held-input" hidden=move || !state.held.get()>
            <p>
                {move || {
                    let size = state.input.with(|text| size_in_words(text.len()));
                    format!(
                        "{size} of text: too long to edit here, so the box shows its start. The decoder reads all of it."
                    )
                }}
            </p>
            <button type="button" class="button" on:click=move |_| state.replace(String::new())>
                "Clear"
            </button>
        </div>
    }
}

/// Context, service name and item name: what the user-message text depends on.
#[component]
pub fn MessageOptions(state: DecoderState) -> impl IntoView {
    let options = Context::ALL
        .into_iter()
        .map(|c| view! { <option value=c.id() selected=move || state.context.get() == c>{c.label()}</option> })
        .collect_view();
    view! {
        <fieldset class="message-options">
            <legend>"What the user was doing"</legend>
            <div class="field">
                <label for="context" class="field-label">"Context"</label>
                <select
                    id="context"
                    aria-describedby="context-inferred"
                    prop:value=move || state.context.get().id()
                    on:change=move |ev| {
                        if let Some(context) = Context::from_id(&event_target_value(&ev)) {
                            state.context.set(context);
                        }
                    }
                >
                    {options}
                </select>
                <p id="context-inferred" class="note" data-testid="context-inferred">
                    {move || state.inferred.get().map(|found| {
                        let changed = state.context.get() != found.context;
                        format!(
                            "{} {} (read from {}); Fix 1002 infers the Context from it.{}",
                            if changed { "The capture called" } else { "Set from the capture: it called" },
                            found.operation,
                            found.source,
                            if changed {
                                format!(" You chose {} instead of the inferred {}.", state.context.get().label(), found.context.label())
                            } else {
                                " Change it if the user was doing something else.".to_owned()
                            },
                        )
                    })}
                </p>
            </div>
            <TextField id="service-name" label="Service name" placeholder="Acme Music" value=state.service />
            <TextField id="item-name" label="Item name" placeholder="Blue in Green" value=state.item />
        </fieldset>
    }
}
