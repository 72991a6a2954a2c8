//! Everything Fix 1002 keeps on the device, and the rule for each key. No other module reads
//! or writes local storage.
//!
//! | key | what is kept | written | cleared |
//! |---|---|---|---|
//! | `fix1002.journey` | the troubleshooting journey, as its link holds it (`route::journey_text`) | at every point of the flow | by Start over, by "Start a new check", or when it no longer reads back exactly |
//! | `fix1002.journey-saved-at` | when the journey was saved, in whole milliseconds | with the journey | with the journey |
//! | `fix1002.model-name`, `fix1002.service-name` | the speaker model and music service the owner typed for the support summary | as they type | by Start over |
//! | `fix1002.notes` | the owner's own notes for the support summary ("Anything else support should know") | as they type | by Start over |
//!
//! Start over sets the flow's keys aside rather than losing them at once: they move to the same
//! names under `fix1002.set-aside.` in the tab's *session* storage, so that Undo can put them
//! back. They go with the tab, or as soon as the owner answers again.
//!
//! Nothing pasted into the decoder is ever stored: the decoder's input lives in the page's
//! memory only. Nothing here leaves the device.
//!
//! Every call tolerates a missing or blocked storage (private browsing, a full quota, an
//! embedded frame without storage access): remembering is a convenience, never a requirement.

use std::cell::Cell;

const JOURNEY: &str = "fix1002.journey";
const JOURNEY_SAVED_AT: &str = "fix1002.journey-saved-at";
const MODEL_NAME: &str = "fix1002.model-name";
const SERVICE_NAME: &str = "fix1002.service-name";
const NOTES: &str = "fix1002.notes";
/// Every key Start over clears, in the order they are set aside.
const FLOW_KEYS: [&str; 5] = [JOURNEY, JOURNEY_SAVED_AT, MODEL_NAME, SERVICE_NAME, NOTES];
const SET_ASIDE_PREFIX: &str = "fix1002.set-aside.";
/// The language the owner chose with the switcher: a tag such as `de-DE`. Not part of a check,
/// so starting over keeps it.
const LANGUAGE: &str = "fix1002.language";

/// A name the owner types for the support summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedName {
    /// A speaker model the list does not have.
    Model,
    /// The music service that fails.
    Service,
    /// Anything else the owner wants support to know, in their own words (several lines).
    Notes,
}

impl TypedName {
    fn key(self) -> &'static str {
        match self {
            TypedName::Model => MODEL_NAME,
            TypedName::Service => SERVICE_NAME,
            TypedName::Notes => NOTES,
        }
    }
}

/// A saved journey (its link text) and when it was saved (milliseconds since the epoch).
pub struct SavedJourney {
    pub text: String,
    pub saved_at_ms: Option<u64>,
}

/// The journey saved on this device, if any.
pub fn saved_journey() -> Option<SavedJourney> {
    let text = load(JOURNEY)?;
    let saved_at_ms = load(JOURNEY_SAVED_AT).and_then(|ms| ms.parse().ok());
    Some(SavedJourney { text, saved_at_ms })
}

/// Saves the journey's link text, with the time. Whole milliseconds: formatting and parsing
/// floats would add about 20 KB of wasm to the first download.
pub fn save_journey(text: &str, now_ms: u64) {
    save(JOURNEY, text);
    save(JOURNEY_SAVED_AT, &now_ms.to_string());
}

/// Forgets the saved journey only (the owner chose to start a new check, or it no longer
/// reads back): the names typed for a summary stay until Start over.
pub fn forget_journey() {
    remove(JOURNEY);
    remove(JOURNEY_SAVED_AT);
}

/// Forgets everything the flow kept: the journey and what was typed for its summary.
pub fn forget_flow() {
    for key in FLOW_KEYS {
        remove(key);
    }
}

/// Start over: moves everything the flow kept to the tab's session storage, where
/// [`restore_set_aside`] can find it for Undo. Whatever an earlier Start over set aside is
/// replaced. Without session storage the flow is simply forgotten.
pub fn set_flow_aside() {
    forget_set_aside();
    let session = session_storage();
    for key in FLOW_KEYS {
        if let (Some(session), Some(value)) = (&session, load(key)) {
            let _ = session.set_item(&format!("{SET_ASIDE_PREFIX}{key}"), &value);
        }
        remove(key);
    }
}

/// The journey (its link text) that the last Start over set aside in this tab, if any.
pub fn set_aside_journey() -> Option<String> {
    session_storage()?
        .get_item(&format!("{SET_ASIDE_PREFIX}{JOURNEY}"))
        .ok()
        .flatten()
}

/// Undo for Start over: puts back what [`set_flow_aside`] moved, and returns the journey's link
/// text.
pub fn restore_set_aside() -> Option<String> {
    let session = session_storage()?;
    let journey = set_aside_journey()?;
    for key in FLOW_KEYS {
        let aside = format!("{SET_ASIDE_PREFIX}{key}");
        if let Ok(Some(value)) = session.get_item(&aside) {
            save(key, &value);
        }
        let _ = session.remove_item(&aside);
    }
    Some(journey)
}

/// Drops what Start over set aside: the owner has moved on (answered again, or dismissed Undo).
pub fn forget_set_aside() {
    if let Some(session) = session_storage() {
        for key in FLOW_KEYS {
            let _ = session.remove_item(&format!("{SET_ASIDE_PREFIX}{key}"));
        }
    }
}

/// A name (or the notes) typed for the summary, or an empty string.
pub fn typed_name(name: TypedName) -> String {
    load(name.key()).unwrap_or_default()
}

pub fn save_typed_name(name: TypedName, value: &str) {
    save(name.key(), value);
}

thread_local! {
    /// Whether this page load has already opened the flow. Not stored: it is the page's own.
    static FLOW_OPENED: Cell<bool> = const { Cell::new(false) };
}

/// True the first time the flow opens in this page load, false after. Coming back later, the
/// owner is asked whether to continue a saved journey; within one visit (a fix step's page,
/// then the menu) the flow simply carries on.
pub fn first_flow_opening_this_visit() -> bool {
    !FLOW_OPENED.replace(true)
}

/// The language chosen on this device, as its tag.
pub fn language_choice() -> Option<String> {
    load(LANGUAGE)
}

pub fn save_language_choice(tag: &str) {
    save(LANGUAGE, tag);
}

// Natively (the pre-renderer draws the start page in each language) there is no browser to
// ask, and web-sys would panic: nothing is stored there.
fn local_storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.session_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn save(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
