//! A check saved on this device, offered when the owner comes back: on the start page (what a
//! home-screen icon opens) and when the flow opens without a journey in its link. One check in
//! progress is offered to continue; one that ended with a fix asks whether error 1002 came
//! back, which leads into the recurring problem's path.

use leptos::prelude::*;

use crate::diagnose::{came_back, fixed_by, Event, Journey};
use crate::i18n::{kb, t, tf};
use crate::i18n_args;
use crate::kb::StepId;
use crate::route::Route;
use crate::web::location::{self, History};
use crate::web::{clock, storage};

/// A journey saved on this device, intact, with when it was saved, in words.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SavedCheck {
    pub journey: Journey,
    pub saved_at: Option<String>,
    /// The step that fixed it, if the check ended with a fix.
    pub fixed_by: Option<StepId>,
}

impl SavedCheck {
    /// The saved journey, if it reads back exactly. One that no longer does (edited, or from
    /// an older knowledge base) is dropped silently rather than half-restored.
    pub fn read() -> Option<SavedCheck> {
        let saved = storage::saved_journey()?;
        let Some(journey) = Route::saved_journey(&saved.text) else {
            storage::forget_journey();
            return None;
        };
        let saved_at = saved
            .saved_at_ms
            .and_then(|ms| clock::describe(ms as f64, crate::i18n::language().tag()));
        Some(SavedCheck {
            fixed_by: fixed_by(&journey),
            journey,
            saved_at,
        })
    }

    /// "You started a check on this device, saved 24 November 2026, 14:05: 3 answers and
    /// 1 step tried."
    pub fn progress(&self) -> String {
        let (answers, steps) = self
            .journey
            .events()
            .iter()
            .fold((0usize, 0usize), |(a, s), e| match e {
                Event::Answered { .. } => (a + 1, s),
                Event::Tried { .. } => (a, s + 1),
                _ => (a, s),
            });
        let answers = tf("saved.answers", i18n_args!(count = answers));
        let what = if steps > 0 {
            let steps = tf("saved.steps_tried", i18n_args!(count = steps));
            tf(
                "saved.answers_and_steps",
                i18n_args!(answers = answers, steps = steps),
            )
        } else {
            answers
        };
        match &self.saved_at {
            Some(date) => tf("saved.progress_dated", i18n_args!(date = date, what = what)),
            None => tf("saved.progress", i18n_args!(what = what)),
        }
    }
}

/// "Last time, “restart the speaker” fixed it." The title is an instruction ("Restart the
/// speaker"), quoted, and lower-cased at its first letter only when the next one is lower case
/// too, so a name or an abbreviation at the start stays as written. ASCII only: Unicode's case
/// tables would weigh on the first download for no title the knowledge base has.
pub(super) fn fixed_last_time(step: StepId) -> String {
    let title = kb().steps[step].title;
    // English lower-cases an instruction inside a sentence; German capitalises its nouns, and
    // other languages have their own rules, so their titles stay as written.
    let english = crate::i18n::language() == fix1002_core::i18n::Language::EnUs;
    let mut chars = title.chars();
    let title = match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if english && first.is_ascii_uppercase() && second.is_ascii_lowercase() =>
        {
            // `get`, not indexing: the first download carries no slicing panic for this.
            format!(
                "{}{}",
                first.to_ascii_lowercase(),
                title.get(1..).unwrap_or_default()
            )
        }
        _ => title.to_owned(),
    };
    tf("saved.fixed_last_time", i18n_args!(step = title))
}

/// The owner's choices for a saved check: continue it, or start afresh; for a check that
/// ended with a fix, whether error 1002 came back. Either choice settles the `offer`; putting
/// the check away (a new check, or all is fine) forgets the saved journey and, with
/// `new_check`, goes there. `history` says whether going on replaces the page in the
/// browser's history (the flow's own question) or adds to it (from the start page, so that
/// Back returns there).
#[component]
pub(super) fn SavedCheckChoices(
    saved: SavedCheck,
    offer: RwSignal<Option<SavedCheck>>,
    history: History,
    new_check: Option<String>,
) -> impl IntoView {
    let SavedCheck {
        journey, fixed_by, ..
    } = saved;
    // The offer's own question names the group, for a screen reader's list of controls.
    let (label, go_label, go_to, stay_label) = match fixed_by {
        Some(_) => (
            t("saved.came_back"),
            t("saved.yes_came_back"),
            came_back(kb(), &journey),
            t("saved.all_fine"),
        ),
        None => (
            t("saved.continue_or_restart"),
            t("saved.continue"),
            journey,
            t("saved.new_check"),
        ),
    };
    let href = Route::troubleshoot(go_to).href();
    view! {
        <div class="answers" role="group" aria-label=label>
            <button
                type="button"
                class="answer"
                on:click=move |_| {
                    offer.set(None);
                    location::go_to(&href, history);
                }
            >
                {go_label}
            </button>
            <button
                type="button"
                class="answer"
                on:click=move |_| {
                    storage::forget_journey();
                    offer.set(None);
                    if let Some(href) = &new_check {
                        location::go_to(href, history);
                    }
                }
            >
                {stay_label}
            </button>
        </div>
    }
    .into_any()
}

/// The start page's offer, near its top: the saved check, if any, and the choices for it.
#[component]
pub(super) fn SavedCheckOffer() -> impl IntoView {
    let offer = RwSignal::new(SavedCheck::read());
    move || {
        offer.get().map(|saved| {
            // "Start a new check" from the start page starts one; "No, all fine" stays here.
            let (heading, lead, new_check) = match saved.fixed_by {
                Some(step) => (t("saved.came_back"), fixed_last_time(step), None),
                None => (
                    t("saved.your_check"),
                    saved.progress(),
                    Some(Route::TROUBLESHOOT.href()),
                ),
            };
            view! {
                <section
                    class="saved-check"
                    aria-labelledby="saved-check-heading"
                    data-testid="saved-check"
                >
                    <h2 id="saved-check-heading">{heading}</h2>
                    <p>{lead}</p>
                    <SavedCheckChoices saved offer history=History::Add new_check />
                </section>
            }
        })
    }
}
