//! The screens after the questions: the likely causes, each step of the fix plan, and how the
//! flow ends (fixed, or the hand-over). Each only renders the screen the engine decided.

mod causes;
mod fix;
mod outcome;

use leptos::prelude::*;

use crate::diagnose::{Journey, Replayed, Screen};
use crate::kb::KB;

#[component]
pub fn PlanScreens(journey: Journey) -> impl IntoView {
    let Replayed { journey, screen } = Replayed::of(&KB, journey);
    match screen {
        Screen::Causes {
            causes,
            plan,
            minutes,
        } => view! { <causes::CausesScreen journey causes plan minutes /> }.into_any(),
        Screen::Fix {
            applied,
            reason,
            number,
            remaining,
            relief,
            relieved,
            ..
        } => view! {
            <fix::FixScreen journey applied reason number remaining relief relieved />
        }
        .into_any(),
        Screen::Resolved { step } => view! { <outcome::ResolvedScreen step /> }.into_any(),
        Screen::Escalate {
            step,
            helpers,
            asks,
            early,
            wants_model_name,
            wants_service_name,
            ..
        } => view! {
            <outcome::EscalateScreen
                journey
                step
                helpers
                asks
                early
                wants_model_name
                wants_service_name
            />
        }
        .into_any(),
        // The main module draws the questions itself.
        Screen::Ask { .. } => ().into_any(),
    }
}
