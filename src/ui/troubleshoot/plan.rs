//! The screens after the questions: the likely causes, each step of the fix plan, and how the
//! flow ends (fixed, or the hand-over).
//!
//! The second wasm module draws them (`web::later_mount`), not the main app, so that an
//! owner's first download holds only the questions (issue 13): by the time the questions are
//! answered, the service worker has usually cached the module. The main app hands over the
//! journey as the link encodes it, and it is read back here as the main app read it, so both
//! modules agree on the screen.

use leptos::prelude::*;

use super::{causes, fix, outcome};
use crate::diagnose::{replay, Screen};
use crate::kb::KB;

#[component]
pub fn PlanScreens(journey: String) -> impl IntoView {
    let replayed = replay(&KB, &journey);
    let journey = replayed.journey;
    match replayed.screen {
        Screen::Causes { causes, plan } => {
            view! { <causes::CausesScreen journey causes plan /> }.into_any()
        }
        Screen::Fix {
            step,
            looked,
            reason,
            number,
            remaining,
            relief,
            relieved,
            ..
        } => view! {
            <fix::FixScreen journey step looked reason number remaining relief relieved />
        }
        .into_any(),
        Screen::Resolved { step } => view! { <outcome::ResolvedScreen step /> }.into_any(),
        Screen::Escalate {
            step,
            causes,
            asks,
            early,
        } => view! { <outcome::EscalateScreen journey step causes asks early /> }.into_any(),
        // The main app draws the questions itself.
        Screen::Ask { .. } => ().into_any(),
    }
}
