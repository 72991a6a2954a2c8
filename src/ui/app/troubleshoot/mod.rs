//! The guided troubleshooting flow, as the main module draws it: the questions, and a host for
//! the screens after them, which the second module draws.
//!
//! The journey (answers and steps tried) arrives with the route, read from the URL once per
//! change; each screen is the engine's `next` of it, so there is no second copy of the state
//! to drift: an answer is a link to the next point, Back is the journey minus its last event,
//! and a shared link reopens the same screen. Local storage mirrors the journey so that
//! closing the tab loses nothing: coming back, the owner is asked whether to continue it.

mod phone_check;
mod question;
mod resume;
mod undo;

use leptos::prelude::*;

use super::module_host::ModuleHost;
use crate::diagnose::{Event, Journey, Replayed, Screen};
use crate::i18n::kb;
use crate::kb::QuestionId;
use crate::route::journey_text;
use crate::ui::shared::PAGE_HEADING_ID;
use crate::web::plan_and_decoder_module::Drawn;
use crate::web::{clock, storage};

#[component]
pub fn TroubleshootPage(journey: Signal<Journey>) -> impl IntoView {
    // A journey saved earlier is offered, not forced: the owner may be starting afresh.
    let offer = RwSignal::new(resume::saved_journey(&journey.get_untracked()));

    // One replay per URL: the journey with the screen it leads to.
    let replayed = Memo::new(move |_| Replayed::of(kb(), journey.get()));
    Effect::new(move |_| {
        let journey = replayed.with(|r| r.journey.clone());
        // While the saved journey is on offer, the empty journey on screen must not erase it.
        if offer.with(Option::is_some) {
            return;
        }
        if journey.is_empty() {
            storage::forget_flow();
        } else {
            storage::save_journey(&journey_text(&journey), clock::now_ms() as u64);
            // The owner has moved on from a Start over: nothing is left to undo.
            storage::forget_set_aside();
        }
    });
    let earlier = earlier_answers(journey);

    view! {
        <section class="page flow" aria-labelledby=PAGE_HEADING_ID>
            <undo::UndoStartOver journey />
            {move || {
                if let Some(saved) = offer.get() {
                    return view! { <resume::ResumeScreen saved offer /> }.into_any();
                }
                match replayed.with(|r| screen_owner(&r.screen)) {
                    Owner::Questions { question, number } => {
                        let journey = replayed.with_untracked(|r| r.journey.clone());
                        let earlier = earlier.get_untracked().and_then(|(q, answer)| {
                            (q == question).then_some(answer)
                        });
                        view! { <question::QuestionScreen journey question number earlier /> }
                            .into_any()
                    }
                    Owner::Plan => view! { <ModuleHost drawn=Drawn::Plan /> }.into_any(),
                }
            }}
        </section>
    }
    .into_any()
}

/// The flow's first screen as the build pre-renders it (`troubleshoot/`, in each language):
/// the first question, its answers links that carry the answer in the address. An owner can
/// answer before the wasm has arrived; the app, once mounted, reads the answer from the
/// address and continues from it, over the same words.
#[component]
pub fn FirstQuestionPage() -> impl IntoView {
    let journey = Journey::new();
    let screen = match screen_owner(&Replayed::of(kb(), journey.clone()).screen) {
        Owner::Questions { question, number } => view! {
            <question::QuestionScreen journey question number earlier=None links=true />
        }
        .into_any(),
        // The flow always starts with a question; should it ever not, the page stays empty
        // and the app draws the start when it mounts.
        Owner::Plan => ().into_any(),
    };
    view! { <section class="page flow" aria-labelledby=PAGE_HEADING_ID>{screen}</section> }
}

/// Who draws a screen of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// The main module, which an owner downloads first: the questions.
    Questions { question: QuestionId, number: usize },
    /// The second module (`plan_and_decoder`): the likely causes, the plan and the end, so
    /// that an owner's first download holds only the questions.
    Plan,
}

/// The one place that says which module draws which screen.
fn screen_owner(screen: &Screen) -> Owner {
    match *screen {
        Screen::Ask { question, number } => Owner::Questions { question, number },
        Screen::Causes { .. }
        | Screen::Fix { .. }
        | Screen::Resolved { .. }
        | Screen::Escalate { .. } => Owner::Plan,
    }
}

/// The answer given before to the question now on screen, after the owner went back (with
/// the flow's Back or the browser's): the longest journey seen is kept while the current one
/// is the start of it, and the answer that followed is the one to mark. Start over is not
/// going back: it forgets the journey seen.
fn earlier_answers(journey: Signal<Journey>) -> Memo<Option<(QuestionId, usize)>> {
    let ahead = StoredValue::new(Journey::new());
    Memo::new(move |_| {
        let now = journey.get();
        let mut earlier = None;
        ahead.update_value(|ahead| {
            let (seen, current) = (ahead.events(), now.events());
            // Start over is not going back: its answers are set aside (and offered by Undo),
            // not marked as the ones given before.
            let started_over = current.is_empty() && storage::set_aside_journey().is_some();
            if !started_over && seen.len() > current.len() && seen.starts_with(current) {
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
