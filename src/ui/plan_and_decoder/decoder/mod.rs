//! The SMAPI fault decoder's tool, for developers of music services on Sonos.
//!
//! It lives in the second wasm module (`src/bin/plan_and_decoder.rs`), not in what owners download first:
//! the main app draws the section's heading and loads this tool into it when the section opens
//! (`ui::app::decode_page`, `web::plan_and_decoder_module`).
//!
//! Everything here is derived from a few signals (the pasted text, the context, the names,
//! the localization resource and its language): decoding follows typing at once, and nothing
//! is stored or sent anywhere. The signals outlive the tool's view, so leaving the section and
//! coming back finds the input as it was (`entry::plan_and_decoder`).

mod compose_panel;
mod fault_card;
mod file_choice;
mod input;
mod strings_panel;
mod text_field;

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::fault::explain::Choices;
use crate::fault::messages::{Context, Names};
use crate::fault::report::plain_text;
use crate::fault::strings::{self, StringTable};
use crate::fault::{decode, DecodeError, Decoded};
use crate::web::clipboard;

/// Fault cards are drawn a page at a time: drawing a thousand at once would block the page for
/// about half a second, and a page of them is more than a screen shows anyway.
const FAULTS_PER_PAGE: usize = 20;

/// Above this size, a paste or a file is not put into the text area: laying out megabytes of
/// text takes a browser most of a second, during which the page cannot respond. The text is
/// held in memory and decoded in full; the text area shows its start (see [`preview`]).
pub const HELD_ABOVE_BYTES: usize = 256 * 1024;

/// How much of a held text the text area shows.
const PREVIEW_BYTES: usize = 4 * 1024;

/// How long typing must pause before the text is decoded again. A paste, a drop or a chosen
/// file decodes at once.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// The state the decoder's screen is a function of.
#[derive(Clone, Copy)]
pub struct DecoderState {
    pub input: RwSignal<String>,
    /// Bumped when `input` should be decoded: at once for a paste or a file, after a pause
    /// in typing otherwise, so a large text is not decoded again on every keystroke.
    pub settled: RwSignal<u64>,
    /// The number of the latest edit, so a pause timer started by an older one does nothing.
    pub edits: StoredValue<u64>,
    /// Bumped when the app itself replaces the text (a large paste, a file, Clear): the only
    /// times the text area's content is set from here. Typing is never written back, which
    /// would make the browser lay out the whole text again.
    pub replaced: RwSignal<u64>,
    /// Whether `input` is held rather than shown for editing (see [`HELD_ABOVE_BYTES`]).
    pub held: RwSignal<bool>,
    /// A file that could not be read as text, in place of decoding the text area.
    pub file_error: RwSignal<Option<String>>,
    pub context: RwSignal<Context>,
    pub service: RwSignal<String>,
    pub item: RwSignal<String>,
    pub strings_text: RwSignal<String>,
    /// `strings_text` read as a localization resource, when there is one.
    pub table: Memo<Option<Result<Arc<StringTable>, String>>>,
    pub language: RwSignal<String>,
    /// The Context read from the capture's operation, when one was: shown as an inference.
    pub inferred: RwSignal<Option<InferredContext>>,
}

impl DecoderState {
    /// An empty decoder: nothing pasted, Browse context, no names, no resource.
    pub fn new() -> DecoderState {
        let strings_text = RwSignal::new(String::new());
        let table = Memo::new(move |_| {
            let text = strings_text.read();
            (!text.trim().is_empty()).then(|| {
                strings::parse(&text)
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
        });
        DecoderState {
            input: RwSignal::new(String::new()),
            settled: RwSignal::new(0),
            edits: StoredValue::new(0),
            replaced: RwSignal::new(0),
            held: RwSignal::new(false),
            file_error: RwSignal::new(None),
            context: RwSignal::new(Context::Browse),
            service: RwSignal::new(String::new()),
            item: RwSignal::new(String::new()),
            strings_text,
            table,
            language: RwSignal::new(String::new()),
            inferred: RwSignal::new(None),
        }
    }

    /// The user's choices (context, names, localization resource and language), handed to
    /// `f`: the one place the card and the report read them from. Tracked, so a memo that calls
    /// it follows every choice.
    pub fn choices<R>(&self, f: impl FnOnce(&Choices) -> R) -> R {
        let table = self.table.get().and_then(Result::ok);
        let (service, item, language) = (self.service.get(), self.item.get(), self.language.get());
        f(&Choices {
            context: self.context.get(),
            names: Names {
                service: &service,
                item: &item,
            },
            strings: table.as_deref(),
            language: &language,
        })
    }

    /// The text area's own edit. `typing` waits for a pause before decoding; anything else (a
    /// paste the browser inserted) decodes at once.
    pub fn edit(&self, text: String, typing: bool) {
        self.input.set(text);
        self.held.set(false);
        self.decode_after(if typing { TYPING_PAUSE } else { Duration::ZERO });
    }

    /// Replaces the text with `text` from elsewhere (a large paste the app took over, a file,
    /// Clear), holding it if it is too large to show, and decodes it at once.
    pub fn replace(&self, text: String) {
        self.held.set(text.len() > HELD_ABOVE_BYTES);
        self.input.set(text);
        self.replaced.update(|n| *n += 1);
        self.decode_after(Duration::ZERO);
    }

    /// What the text area shows: the text, or the start of a held one.
    pub fn shown_text(&self) -> String {
        self.input.with_untracked(|text| {
            if self.held.get_untracked() {
                preview(text)
            } else {
                text.clone()
            }
        })
    }

    /// Decodes after `pause`, unless another edit comes first. Even with no pause the decode
    /// waits for a task of its own, so that the paste or the keystroke that caused it ends
    /// first and no single task has to read, decode and draw a large text.
    fn decode_after(&self, pause: Duration) {
        let edit = self.edits.get_value() + 1;
        self.edits.set_value(edit);
        let (settled, edits) = (self.settled, self.edits);
        set_timeout(
            move || {
                if edits.try_get_value() == Some(edit) {
                    settled.update(|n| *n += 1);
                }
            },
            pause,
        );
    }
}

/// The start of a held text, cut at a line end near [`PREVIEW_BYTES`], and what follows.
fn preview(text: &str) -> String {
    let mut cut = PREVIEW_BYTES.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let start = &text[..cut];
    let start = start.rfind('\n').map_or(start, |end| &start[..end]);
    format!(
        "{start}\n\n[… and {} more, not shown here. The decoder reads the whole text.]",
        size_in_words(text.len() - start.len())
    )
}

/// A byte count as people say it: "830 KB", "5.2 MB".
pub fn size_in_words(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{}.{} MB", bytes / 1_000_000, bytes % 1_000_000 / 100_000)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// A Context preselected from the operation a captured request called.
#[derive(Clone, PartialEq, Eq)]
pub struct InferredContext {
    pub context: Context,
    pub operation: String,
    pub source: &'static str,
}

impl Default for DecoderState {
    fn default() -> Self {
        Self::new()
    }
}

/// The decoder's inputs and results, drawn from `state`.
#[component]
pub fn DecoderTool(state: DecoderState) -> impl IntoView {
    // Shared, not cloned: a 16 MB decode is handed to the view and the report by reference.
    let decoded: Memo<Result<Arc<Decoded>, DecodeError>> = Memo::new(move |_| {
        state.settled.track();
        state
            .input
            .with_untracked(|text| decode(text).map(Arc::new))
    });
    let table = state.table;
    // What the results show. It follows `decoded` a task later, so that decoding a large text
    // and drawing its results are two tasks, each well below what makes a page feel stuck.
    let shown: RwSignal<Option<Result<Arc<Decoded>, DecodeError>>> = RwSignal::new(None);
    // Numbers each result handed to the results, so that only the latest is drawn.
    let handed = StoredValue::new(0u64);
    Effect::new(move |_| {
        let latest = decoded.get();
        let number = handed.get_value() + 1;
        handed.set_value(number);
        set_timeout(
            move || {
                // A newer result has been handed over meanwhile: it will draw itself.
                if handed.try_get_value() == Some(number) {
                    shown.set(Some(latest));
                }
            },
            Duration::ZERO,
        );
    });
    // A capture whose request names its operation preselects the Context, once per new
    // operation, so the user's own choice afterwards stands.
    Effect::new(move |_| {
        let suggestion = match &*decoded.read() {
            Ok(decoded) => {
                decoded
                    .suggested_context()
                    .map(|(context, operation)| InferredContext {
                        context,
                        operation: operation.name.clone(),
                        source: operation.source.describe(),
                    })
            }
            Err(_) => None,
        };
        if suggestion != state.inferred.get_untracked() {
            if let Some(found) = &suggestion {
                state.context.set(found.context);
            }
            state.inferred.set(suggestion);
        }
    });
    // A newly loaded resource starts on its default language.
    Effect::new(move |_| {
        if let Some(Ok(table)) = table.get() {
            let current = state.language.get_untracked();
            if table.language(&current).is_none() {
                state
                    .language
                    .set(table.default_language().unwrap_or_default().to_owned());
            }
        }
    });

    view! {
            <input::FaultInput state />
            <input::MessageOptions state />
            <strings_panel::StringsPanel state table />
            <div class="results" aria-live="polite">
                {move || {
                    if let Some(message) = state.file_error.get() {
                        return view! { <DecodeErrorBox message /> }.into_any();
                    }
                    match shown.get() {
                        None | Some(Err(DecodeError::Empty)) => {
                            view! { <p class="hint">"Results appear here as you paste or type."</p> }
                                .into_any()
                        }
                        Some(Err(error)) => {
                            view! { <DecodeErrorBox message=error.to_string() /> }.into_any()
                        }
                        Some(Ok(decoded)) => view! { <Results decoded state /> }.into_any(),
                    }
                }}
            </div>
            <compose_panel::ComposePanel />
    }
}

#[component]
fn DecodeErrorBox(message: String) -> impl IntoView {
    view! {
        <div class="decode-error" data-testid="decode-error" role="alert">
            <p>{message}</p>
        </div>
    }
}

#[component]
fn Results(decoded: Arc<Decoded>, state: DecoderState) -> impl IntoView {
    let count = decoded.faults.len();
    let mut summary = format!(
        "Read as {} with {count} fault{}.",
        decoded.kind.describe(),
        if count == 1 { "" } else { "s" }
    );
    if let Some(http) = decoded.http() {
        summary.push_str(&format!(" HTTP status {}.", http.status_text()));
    }
    if decoded.passed_over > 0 {
        summary.push_str(&format!(
            " {} other response{} held no SOAP fault and {} not shown.",
            decoded.passed_over,
            if decoded.passed_over == 1 { "" } else { "s" },
            if decoded.passed_over == 1 {
                "is"
            } else {
                "are"
            },
        ));
    }
    if decoded.log_prefixes {
        summary.push_str(" Log-line prefixes (timestamps, levels) were set aside to read the XML.");
    }
    // Pages of cards drawn so far; "Show more" draws one more page, leaving the others be.
    let pages = RwSignal::new(1usize);
    let shown = move || (pages.get() * FAULTS_PER_PAGE).min(count);
    let more = move || {
        let shown = shown();
        (shown < count).then(|| {
            let next = (count - shown).min(FAULTS_PER_PAGE);
            view! {
                <div class="more-faults">
                    <p class="note" data-testid="faults-shown">
                        {format!("Showing {shown} of {count} faults. Copy report covers them all.")}
                    </p>
                    <button
                        type="button"
                        class="button"
                        data-testid="show-more-faults"
                        on:click=move |_| pages.update(|n| *n += 1)
                    >
                        {format!("Show {next} more")}
                    </button>
                </div>
            }
        })
    };
    let copy_status = RwSignal::new(String::new());
    let report_source = decoded.clone();
    let copy = move |_| {
        let report = untrack(|| state.choices(|choices| plain_text(&report_source, choices)));
        spawn_local(async move {
            copy_status.set(match clipboard::copy_text(&report.text).await {
                Ok(()) => report.copied_message(),
                Err(()) => "This browser did not allow copying.".to_owned(),
            });
        });
    };
    let several = decoded.http().is_none();
    let page_of_cards = move |page: usize| {
        let start = page * FAULTS_PER_PAGE;
        decoded.faults[start..(start + FAULTS_PER_PAGE).min(count)]
            .iter()
            .enumerate()
            .map(|(offset, fault)| {
                let index = start + offset;
                let origin = decoded.exchange_of(fault).cloned();
                let fault = fault.clone();
                view! { <fault_card::FaultCard index fault origin several state /> }
            })
            .collect_view()
    };

    view! {
        <div class="results-head">
            <p class="summary-line">{summary}</p>
            <button type="button" class="button" on:click=copy>"Copy report"</button>
        </div>
        <p role="status" class="note">{move || copy_status.get()}</p>
        <ol class="fault-list" role="list">
            <For each=move || 0..pages.get() key=|page| *page let:page>
                {page_of_cards(page)}
            </For>
        </ol>
        {more}
    }
}
