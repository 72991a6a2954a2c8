//! Coming back to a journey saved on this device: "Continue where you left off, or start a
//! new check?".

use leptos::prelude::*;

use crate::diagnose::{Event, Journey};
use crate::route::Route;
use crate::ui::shared::PageHeading;
use crate::web::location::{self, History};
use crate::web::{clock, storage};

/// A journey saved on this device, with when it was saved, in words.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Saved {
    journey: Journey,
    saved_at: Option<String>,
}

/// Opening the flow without a journey in the link finds the saved one, if it is intact. A
/// saved journey that no longer reads back exactly (edited, or from an older knowledge base)
/// is dropped silently rather than half-restored.
pub(super) fn saved_journey(in_link: &Journey) -> Option<Saved> {
    let first_in_visit = storage::first_flow_opening_this_visit();
    if !in_link.is_empty() {
        return None;
    }
    let saved = storage::saved_journey()?;
    let Some(journey) = Route::saved_journey(&saved.text) else {
        storage::forget_journey();
        return None;
    };
    // Within one visit (the owner went to a fix step's page and came back by the menu) the
    // flow simply carries on; the question is for coming back later.
    if !first_in_visit {
        location::go_to(&Route::troubleshoot(journey).href(), History::Replace);
        return None;
    }
    let saved_at = saved.saved_at_ms.and_then(|ms| clock::describe(ms as f64));
    Some(Saved { journey, saved_at })
}

/// "Continue where you left off, or start a new check?", with the date of the saved journey.
#[component]
pub(super) fn ResumeScreen(saved: Saved, offer: RwSignal<Option<Saved>>) -> impl IntoView {
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
    let href = Route::troubleshoot(saved.journey).href();
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
                    location::go_to(&href, History::Replace);
                }
            >
                "Continue where I left off"
            </button>
            <button
                type="button"
                class="answer"
                on:click=move |_| {
                    storage::forget_journey();
                    offer.set(None);
                }
            >
                "Start a new check"
            </button>
        </div>
    }
    .into_any()
}
