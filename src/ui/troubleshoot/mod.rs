//! The guided troubleshooting flow.
//!
//! The journey (answers and steps tried) is read from the URL fragment on every change, and
//! each screen is `diagnose::next` of it, so there is no second copy of the state to drift:
//! an answer is a link to the next point, Back is the journey minus its last event, and a
//! shared link reopens the same screen. Local storage mirrors the journey so that closing the
//! tab loses nothing: coming back, the owner is asked whether to continue it.

mod causes;
mod fix;
mod outcome;
mod phone_check;
pub(crate) mod plan;
mod question;

use leptos::prelude::*;

use crate::diagnose::{replay, Event, Journey, Screen};
use crate::kb::{QuestionId, KB};
use crate::route::{fragment_param, troubleshoot_href};
use crate::ui::components::PageHeading;
use crate::ui::later_part::LaterPart;
use crate::web::later_module::Part;
use crate::web::{clock, location, storage};

/// Where the journey is mirrored in local storage, and when it was last saved (milliseconds
/// since the epoch).
const STORAGE_KEY: &str = "fix1002.journey";
const SAVED_AT_KEY: &str = "fix1002.journey-saved-at";

/// Moves the flow to a journey: a new history entry, so the browser's Back works too.
fn go(journey: &Journey) {
    location::go_to(&troubleshoot_href(&journey.encode(&KB)));
}

#[component]
pub fn TroubleshootPage(fragment: Signal<String>) -> impl IntoView {
    // A journey saved earlier is offered, not forced: the owner may be starting afresh.
    let offer = RwSignal::new(saved_journey(&fragment.get_untracked()));

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
        // While the saved journey is on offer, the empty journey on screen must not erase it.
        if offer.with(Option::is_some) {
            return;
        }
        if journey.is_empty() {
            storage::remove(STORAGE_KEY);
            storage::remove(SAVED_AT_KEY);
            storage::remove(outcome::MODEL_NAME_KEY);
            storage::remove(outcome::SERVICE_NAME_KEY);
        } else {
            storage::save(STORAGE_KEY, &journey.encode(&KB));
            // Whole milliseconds: formatting and parsing floats would add about 20 KB of
            // wasm to the first download.
            storage::save(SAVED_AT_KEY, &(clock::now_ms() as u64).to_string());
        }
    });
    let screen = Memo::new(move |_| replayed.with(|r| r.screen.clone()));
    let earlier = earlier_answers(journey);

    view! {
        <section class="page flow" aria-labelledby="page-heading">
            {move || {
                if let Some(saved) = offer.get() {
                    return view! { <ResumeScreen saved offer /> }.into_any();
                }
                let journey = journey.get();
                match screen.get() {
                    Screen::Ask { question, number } => {
                        let earlier = earlier.get_untracked().and_then(|(q, answer)| {
                            (q == question).then_some(answer)
                        });
                        view! { <question::QuestionScreen journey question number earlier /> }
                            .into_any()
                    }
                    // The plan's screens come from the second module (`plan`), so that an
                    // owner's first download holds only the questions.
                    Screen::Causes { .. }
                    | Screen::Fix { .. }
                    | Screen::Resolved { .. }
                    | Screen::Escalate { .. } => {
                        let part = Part::Plan { journey: journey.encode(&KB) };
                        view! { <LaterPart part /> }.into_any()
                    }
                }
            }}
        </section>
    }
    .into_any()
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

thread_local! {
    /// Whether this page load has already shown the flow (and so made its offer).
    static ASKED_THIS_VISIT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A journey saved on this device, with when it was saved.
#[derive(Debug, Clone, PartialEq)]
struct Saved {
    journey: Journey,
    saved_at: Option<String>,
}

/// Opening the flow without a journey in the link finds the saved one, if it is intact. A
/// saved journey that no longer reads back exactly (edited, or from an older knowledge base)
/// is dropped silently rather than half-restored.
fn saved_journey(fragment: &str) -> Option<Saved> {
    let first_in_visit = !ASKED_THIS_VISIT.replace(true);
    if fragment_param(fragment, "s").is_some() {
        return None;
    }
    let saved = storage::load(STORAGE_KEY)?;
    let journey = replay(&KB, &saved).journey;
    if journey.is_empty() || journey.encode(&KB) != saved {
        storage::remove(STORAGE_KEY);
        return None;
    }
    // Within one visit (the owner went to a fix step's page and came back by the menu) the
    // flow simply carries on; the question is for coming back later.
    if !first_in_visit {
        location::replace_with(&troubleshoot_href(&saved));
        return None;
    }
    let saved_at = storage::load(SAVED_AT_KEY)
        .and_then(|ms| ms.parse::<u64>().ok())
        .and_then(|ms| clock::describe(ms as f64));
    Some(Saved { journey, saved_at })
}

/// "Continue where you left off, or start a new check?", with the date of the saved journey.
#[component]
fn ResumeScreen(saved: Saved, offer: RwSignal<Option<Saved>>) -> impl IntoView {
    let (answers, steps) = saved
        .journey
        .events()
        .iter()
        .fold((0, 0), |(a, s), e| match e {
            Event::Answered { .. } => (a + 1, s),
            Event::Tried { .. } => (a, s + 1),
            _ => (a, s),
        });
    let plural = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut what = plural(answers, "answer", "answers");
    if steps > 0 {
        what.push_str(&format!(
            " and {}",
            plural(steps, "step tried", "steps tried")
        ));
    }
    let when = match saved.saved_at {
        Some(date) => format!("You started a check on this device, saved {date}: {what}."),
        None => format!("You started a check on this device: {what}."),
    };
    let href = troubleshoot_href(&saved.journey.encode(&KB));
    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <PageHeading>"Continue where you left off, or start a new check?"</PageHeading>
        <p class="lead" data-testid="saved-journey">{when}</p>
        <div class="answers" role="group" aria-label="Continue or start again">
            <button
                type="button"
                class="answer"
                on:click=move |_| {
                    offer.set(None);
                    location::replace_with(&href);
                }
            >
                "Continue where I left off"
            </button>
            <button
                type="button"
                class="answer"
                on:click=move |_| {
                    storage::remove(STORAGE_KEY);
                    offer.set(None);
                }
            >
                "Start a new check"
            </button>
        </div>
    }
    .into_any()
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
    .into_any()
}
