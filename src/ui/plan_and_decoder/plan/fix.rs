//! The current step of the plan and "Did this fix it?".

use leptos::prelude::*;

use crate::diagnose::{AppliedStep, Event, Journey, Outcome, Reason};
use crate::i18n::{kb, t, tf};
use crate::i18n_args;
use crate::kb::StepId;
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
        (after(Outcome::ForNow), t("fix.fixed_for_now"))
    } else {
        (after(Outcome::Fixed), t("fix.fixed"))
    };
    let (not_fixed, skipped) = (after(Outcome::NotFixed), after(Outcome::Skipped));
    let hand_over = journey.with(Event::HandedOver);
    // Say which answer made the check, in the owner's own words.
    let looked_note = applied.checked_by.map(|answer| {
        view! {
            <p class="note" data-testid="already-checked">
                {tf("fix.already_checked", i18n_args!(answer = answer.label))}
            </p>
        }
    });
    let (title, id) = (applied.title, applied.step.id);
    let cause = kb().causes[reason.cause].title;
    let why_suggested = match reason.because {
        Some(because) => tf(
            "fix.suggested_because",
            i18n_args!(because = because, cause = cause),
        ),
        None => tf("fix.suggested_quickest", i18n_args!(cause = cause)),
    };
    let later = remaining.len().saturating_sub(1);
    let position = match later {
        0 => tf("fix.position_last", i18n_args!(number = number)),
        n => tf("fix.position_more", i18n_args!(number = number, count = n)),
    };

    view! {
        <p class="eyebrow">{position}</p>
        {relieved.then(|| view! {
            <p class="note" data-testid="relieved">
                {t("fix.relieved")}
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
                    {t("fix.relief_step")}
                </p>
            })}
            <StepActions step=applied.clone() />
            <div class="answer-bar">
                <h2 id="did-it-work">{t("fix.did_it_work")}</h2>
                <div class="answers" role="group" aria-labelledby="did-it-work">
                    <button type="button" class="answer" on:click=move |_| flow.go(&fixed)>
                        {fixed_label}
                    </button>
                    <button type="button" class="answer" on:click=move |_| flow.go(&not_fixed)>
                        {t("fix.not_fixed")}
                    </button>
                    <button type="button" class="answer quiet" on:click=move |_| flow.go(&skipped)>
                        {t("fix.cannot")}
                    </button>
                </div>
            </div>
            <h2 class="about-step">{t("fix.about_step")}</h2>
            <p class="reason">{why_suggested}</p>
            <StepBackground step=applied />
            <p class="step-link">
                <a href=Route::step(step).href()>{t("fix.own_page")}</a>
            </p>
        </article>
        <p class="hand-over">
            {t("fix.had_enough")}
            <button type="button" class="link-button" on:click=move |_| flow.go(&hand_over)>
                {t("fix.contact_now")}
            </button>
            {t("fix.with_summary")}
        </p>
        <FlowControls journey />
    }
    .into_any()
}
