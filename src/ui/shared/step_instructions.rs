//! A step's instructions, why it helps and how long it takes: drawn on the step's own page, in
//! the fix plan and in the hand-over to support, from the step as the engine applied it.

use leptos::prelude::*;

use super::components::LinkedText;
use crate::diagnose::{AppliedStep, StepMinutes};
use crate::i18n::{t, tf};
use crate::i18n_args;
use crate::kb::Step;

#[component]
pub fn StepInstructions(step: AppliedStep) -> impl IntoView {
    let background = step.clone();
    view! {
        <StepActions step />
        <StepBackground step=background />
    }
}

/// What to do: the instructions, and the general advice that goes with doing them (a factory
/// reset's warning that it erases the settings belongs before the owner starts, not after).
#[component]
pub fn StepActions(step: AppliedStep) -> impl IntoView {
    let s = step.step;
    view! {
        <ol class="instructions">
            {step.instructions.iter().map(|line| view! { <li><LinkedText text=*line /></li> }).collect_view()}
        </ol>
        {menu_note(&step)}
        {(!s.advice.is_empty()).then(|| view! {
            <div class="advice" data-testid="general-advice">
                <p><strong>{t("step.general_advice")}</strong></p>
                <ul>{s.advice.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// In a translation, a step that names a menu of the Sonos app ("Settings > System") keeps
/// the menu's English words, as the guides write them: Fix 1002 does not invent the app's
/// words in other languages. The note says so, and that the app shows its own language.
fn menu_note(step: &AppliedStep) -> Option<impl IntoView> {
    let names_a_menu = step.instructions.iter().any(|line| line.contains(" > "));
    (crate::i18n::language() != fix1002_core::i18n::Language::EnUs && names_a_menu).then(|| {
        view! { <p class="note menu-note" data-testid="menu-note">{t("common.menu_note")}</p> }
    })
}

/// Why the step helps and how long it takes: what the fix plan shows after "Did this fix it?",
/// so that on a phone the answer sits near the instructions (issue 23).
#[component]
pub fn StepBackground(step: AppliedStep) -> impl IntoView {
    let s = step.step;
    view! {
        {step.why.map(|why| view! { <p class="why"><strong>{t("step.why")}</strong>{why}</p> })}
        {step.relief_note.then(|| view! {
            <p class="relief-note">
                <strong>{t("step.relief")}</strong>{s.relief_why}
            </p>
        })}
        {minutes_lines(step.minutes)}
    }
}

/// How long the step takes, and why; once its check is done, only the part that follows it.
/// The `then` part's own `why` is a reviewer's note on how the engine prices the step, not
/// for owners (issue 23): its label in the estimate says all an owner needs.
fn minutes_lines(minutes: StepMinutes) -> impl IntoView {
    let (label, why) = match minutes {
        StepMinutes::Whole { minutes, why, then } => (whole_label(minutes, then), why),
        StepMinutes::AfterCheck { then } => (about_minutes(then.minutes), ""),
    };
    view! { <p class="minutes">{label} " " {why}</p> }
}

pub fn about_minutes(minutes: u32) -> String {
    tf("step.about", i18n_args!(count = minutes))
}

/// Durations are Fix 1002's estimates, and say so. A step that checks first gives the check
/// and, apart, what only some owners go on to do or wait for.
pub fn minutes_label(step: &Step) -> String {
    whole_label(step.minutes, step.then.as_ref())
}

fn whole_label(minutes: u32, then: Option<&crate::kb::Then>) -> String {
    match then {
        None => about_minutes(minutes),
        Some(then) => tf(
            "step.about_then",
            i18n_args!(count = minutes, more = then.minutes, label = then.label),
        ),
    }
}
