//! The current step of the plan and "Did this fix it?".

use leptos::prelude::*;

use crate::diagnose::{AppliedStep, Event, Journey, Outcome, Reason};
use crate::kb::{StepId, KB};
use crate::route::Route;
use crate::ui::shared::{use_flow, FlowControls, PageHeading, StepActions, StepBackground};

#[component]
pub(super) fn FixScreen(
    journey: Journey,
    applied: AppliedStep,
    reason: Reason,
    number: usize,
    remaining: Vec<StepId>,
    /// The problem keeps coming back and this step can only clear it for a while.
    relief: bool,
    /// An earlier relief step already brought the music back for now.
    relieved: bool,
) -> impl IntoView {
    let flow = use_flow();
    let step = applied.id;
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
    // Say which answer made the check, in the owner's own words.
    let looked_note = applied.checked_by.map(|answer| {
        view! {
            <p class="note" data-testid="already-checked">
                "You have already checked: “" {answer.label} "”. So this step starts after the look."
            </p>
        }
    });
    let (title, id) = (applied.title, applied.step.id);
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
        // The instructions first, then the answer, then why and how long. The answer bar stays
        // in view at the bottom of the screen (style/main.css, `.answer-bar`) while a long step
        // is read, so on every step of the plan a phone shows it without scrolling (issue 23).
        <article class="fix-step" data-testid="fix-step" data-step=id>
            <PageHeading>{title}</PageHeading>
            {looked_note}
            {relief.then(|| view! {
                <p class="note" data-testid="relief-step">
                    "Relief, not a lasting fix: this clears the error until it comes back. The "
                    "steps before it aimed to stop it coming back."
                </p>
            })}
            <StepActions step=applied.clone() />
            <div class="answer-bar">
                <h2 id="did-it-work">"Did this fix it?"</h2>
                <div class="answers" role="group" aria-labelledby="did-it-work">
                    <button type="button" class="answer" on:click=move |_| flow.go(&fixed)>
                        {fixed_label}
                    </button>
                    <button type="button" class="answer" on:click=move |_| flow.go(&not_fixed)>
                        "No, still error 1002"
                    </button>
                    <button type="button" class="answer quiet" on:click=move |_| flow.go(&skipped)>
                        "I can’t do this"
                    </button>
                </div>
            </div>
            <h2 class="about-step">"About this step"</h2>
            <p class="reason">{why_suggested}</p>
            <StepBackground step=applied />
            <p class="step-link">
                <a href=Route::step(step).href()>"Open this step on its own page"</a>
            </p>
        </article>
        <p class="hand-over">
            "Had enough? "
            <button type="button" class="link-button" on:click=move |_| flow.go(&hand_over)>
                "Contact Sonos support now"
            </button>
            " with a summary of what you tried."
        </p>
        <FlowControls journey />
    }
    .into_any()
}
