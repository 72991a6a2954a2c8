//! The guided troubleshooting flow.
//!
//! The journey (answers and steps tried) is read from the URL fragment on every change, and
//! each screen is `diagnose::next` of it, so there is no second copy of the state to drift:
//! an answer is a link to the next point, Back is the journey minus its last event, and a
//! shared link reopens the same screen. Local storage mirrors the journey so that closing the
//! tab loses nothing.

mod causes;
mod fix;
mod outcome;
mod phone_check;
mod question;

use leptos::prelude::*;

use crate::diagnose::{replay, Event, Journey, Screen};
use crate::kb::{QuestionId, KB};
use crate::route::{fragment_param, troubleshoot_href};
use crate::web::{location, storage};

/// Where the journey is mirrored in local storage.
const STORAGE_KEY: &str = "fix1002.journey";

/// Moves the flow to a journey: a new history entry, so the browser's Back works too.
fn go(journey: &Journey) {
    location::go_to(&troubleshoot_href(&journey.encode(&KB)));
}

#[component]
pub fn TroubleshootPage(fragment: Signal<String>) -> impl IntoView {
    restore_saved_journey(&fragment.get_untracked());

    // The journey in the link, read back through the engine: one pass gives the journey and
    // its screen.
    let replayed = Memo::new(move |_| {
        replay(
            &KB,
            fragment_param(&fragment.get(), "s").unwrap_or_default(),
        )
    });
    let journey = Memo::new(move |_| replayed.with(|r| r.journey.clone()));
    Effect::new(move |_| {
        let journey = journey.get();
        if journey.is_empty() {
            storage::remove(STORAGE_KEY);
            storage::remove(outcome::MODEL_NAME_KEY);
            storage::remove(outcome::SERVICE_NAME_KEY);
        } else {
            storage::save(STORAGE_KEY, &journey.encode(&KB));
        }
    });
    let screen = Memo::new(move |_| replayed.with(|r| r.screen.clone()));
    let earlier = earlier_answers(journey);

    view! {
        <section class="page flow" aria-labelledby="page-heading">
            {move || {
                let journey = journey.get();
                match screen.get() {
                    Screen::Ask { question, number } => {
                        let earlier = earlier.get_untracked().and_then(|(q, answer)| {
                            (q == question).then_some(answer)
                        });
                        view! { <question::QuestionScreen journey question number earlier /> }
                            .into_any()
                    }
                    Screen::Causes { causes, plan } => {
                        view! { <causes::CausesScreen journey causes plan /> }.into_any()
                    }
                    Screen::Fix { step, reason, number, remaining, relief, relieved, .. } => {
                        view! {
                            <fix::FixScreen journey step reason number remaining relief relieved />
                        }
                            .into_any()
                    }
                    Screen::Resolved { step } => {
                        view! { <outcome::ResolvedScreen step /> }.into_any()
                    }
                    Screen::Escalate { step, causes, asks, early } => {
                        view! { <outcome::EscalateScreen journey step causes asks early /> }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}

/// The answer given before to the question now on screen, after the owner went back (with
/// the flow's Back or the browser's): the longest journey seen is kept while the current one
/// is the start of it, and the answer that followed is the one to mark.
fn earlier_answers(journey: Memo<Journey>) -> Memo<Option<(QuestionId, usize)>> {
    let ahead = StoredValue::new(Journey::new());
    Memo::new(move |_| {
        let now = journey.get();
        let mut earlier = None;
        ahead.update_value(|ahead| {
            let (seen, current) = (ahead.events(), now.events());
            if seen.len() > current.len() && seen.starts_with(current) {
                if let Event::Answered { question, answer } = seen[current.len()] {
                    earlier = Some((question, answer));
                }
            } else {
                *ahead = now.clone();
            }
        });
        earlier
    })
}

/// Opening the flow without a journey in the link resumes the saved one, if it is intact.
/// A saved journey that no longer reads back exactly (edited, or from an older knowledge
/// base) is dropped silently rather than half-restored.
fn restore_saved_journey(fragment: &str) {
    if fragment_param(fragment, "s").is_some() {
        return;
    }
    let Some(saved) = storage::load(STORAGE_KEY) else {
        return;
    };
    let journey = replay(&KB, &saved).journey;
    if !journey.is_empty() && journey.encode(&KB) == saved {
        location::replace_with(&troubleshoot_href(&saved));
    } else {
        storage::remove(STORAGE_KEY);
    }
}

/// Back and Start over, under every screen once the owner has answered something.
#[component]
fn FlowControls(journey: Journey) -> impl IntoView {
    let back = journey.back();
    view! {
        <div class="flow-controls">
            <button type="button" class="button" on:click=move |_| go(&back)>
                "Back"
            </button>
            <button type="button" class="button quiet" on:click=|_| go(&Journey::new())>
                "Start over"
            </button>
        </div>
    }
}
