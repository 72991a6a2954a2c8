//! The current step of the plan and "Did this fix it?".

use leptos::prelude::*;

use super::{go, FlowControls};
use crate::diagnose::{Event, Journey, Outcome, Reason};
use crate::kb::{StepId, KB};
use crate::route::Route;
use crate::ui::components::PageHeading;
use crate::ui::steps::StepInstructions;

#[component]
pub(super) fn FixScreen(
    journey: Journey,
    step: StepId,
    /// The owner's answer has already made this step's check: the look is not asked again.
    looked: bool,
    reason: Reason,
    number: usize,
    remaining: Vec<StepId>,
    /// The problem keeps coming back and this step can only clear it for a while.
    relief: bool,
    /// An earlier relief step already brought the music back for now.
    relieved: bool,
) -> impl IntoView {
    let s = &KB.steps[step];
    let after = |outcome| journey.with(Event::Tried { step, outcome });
    // For a recurring problem, a relief step cannot end it: "yes" means "for now", and the
    // owner stays on the plan for the lasting fix.
    let (fixed, fixed_label) = if relief {
        (after(Outcome::ForNow), "Yes, fixed for now")
    } else {
        (after(Outcome::Fixed), "Yes, it’s fixed")
    };
    let (not_fixed, skipped) = (after(Outcome::NotFixed), after(Outcome::Skipped));
    let hand_over = journey.with(Event::HandedOver);
    let update = in_update_story(&journey);
    let not_recurring = journey.said_not_recurring(&KB);
    let (title, skip) = match s.looked_title {
        Some(title) if looked => (title, s.look),
        _ => (s.title, 0),
    };
    // Say which answer made the check, in the owner's own words.
    let checked_answer = s
        .checked_by
        .as_ref()
        .filter(|_| skip > 0)
        .and_then(|check| {
            let q = KB.question_id(check.question)?;
            KB.questions[q]
                .answers
                .iter()
                .find(|a| a.id == check.answer)
        });
    let looked_note = checked_answer.map(|answer| {
        view! {
            <p class="note" data-testid="already-checked">
                "You have already checked: “" {answer.label} "”. So this step starts after the look."
            </p>
        }
    });
    let cause = KB.causes[reason.cause].title;
    let why_suggested = match reason.because {
        Some(because) => format!("Suggested because {because}. It addresses: {cause}."),
        None => format!("Suggested as the quickest way to rule out: {cause}."),
    };
    let later = remaining.len().saturating_sub(1);
    let position = match later {
        0 => format!("Fix plan · step {number} · the last step in the plan"),
        1 => format!("Fix plan · step {number} · 1 more after this"),
        n => format!("Fix plan · step {number} · {n} more after this"),
    };

    view! {
        <p class="eyebrow">{position}</p>
        {relieved.then(|| view! {
            <p class="note" data-testid="relieved">
                "Good: the music plays again for now. As the error keeps coming back, this step "
                "aims to stop it returning."
            </p>
        })}
        <article class="fix-step" data-testid="fix-step" data-step=s.id>
            <PageHeading>{title}</PageHeading>
            {looked_note}
            <p class="reason">{why_suggested}</p>
            {relief.then(|| view! {
                <p class="note" data-testid="relief-step">
                    "Relief, not a lasting fix: this clears the error until it comes back. The "
                    "steps before it aimed to stop it coming back."
                </p>
            })}
            <StepInstructions step=s update done_already=skip not_recurring />
            <p class="step-link">
                <a href=Route::Step(s.id.to_owned()).href()>"Open this step on its own page"</a>
            </p>
        </article>
        <h2 id="did-it-work">"Did this fix it?"</h2>
        <div class="answers" role="group" aria-labelledby="did-it-work">
            <button type="button" class="answer" on:click=move |_| go(&fixed)>
                {fixed_label}
            </button>
            <button type="button" class="answer" on:click=move |_| go(&not_fixed)>
                "No, still error 1002"
            </button>
            <button type="button" class="answer quiet" on:click=move |_| go(&skipped)>
                "I can’t do this"
            </button>
        </div>
        <p class="hand-over">
            "Had enough? "
            <button type="button" class="link-button" on:click=move |_| go(&hand_over)>
                "Contact Sonos support now"
            </button>
            " with a summary of what you tried."
        </p>
        <FlowControls journey />
    }
    .into_any()
}

/// Whether the owner said the error shows during a software update.
fn in_update_story(journey: &Journey) -> bool {
    journey.answer_id(&KB, "when") == Some("update")
}
