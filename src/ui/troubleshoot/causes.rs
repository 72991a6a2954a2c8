//! The likely causes, with why, and a preview of the plan.

use leptos::prelude::*;

use super::{go, FlowControls};
use crate::diagnose::{Event, Journey, PlannedStep, RankedCause};
use crate::kb::KB;
use crate::ui::components::PageHeading;

#[component]
pub fn CausesScreen(
    journey: Journey,
    causes: Vec<RankedCause>,
    plan: Vec<PlannedStep>,
) -> impl IntoView {
    let begin = journey.with(Event::BeganPlan);
    let minutes: u32 = plan.iter().map(|p| KB.steps[p.step].minutes).sum();
    let causes = causes
        .into_iter()
        .map(|ranked| view! { <CauseCard ranked /> })
        .collect_view();
    // For a recurring problem the restarts only bring relief; the preview says which.
    let preview = plan
        .iter()
        .map(|p| {
            let relief = p.relief.then_some(" (relief until it comes back)");
            view! { <li>{KB.steps[p.step].title}{relief}</li> }
        })
        .collect_view();
    let plan_summary = format!(
        "{} steps, about {minutes} minutes (an estimate) if you need them all, plus any restart or wait a check calls for; the plan stops as soon as one works.",
        plan.len()
    );

    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <PageHeading>"What is most likely behind it"</PageHeading>
        <p class="note">
            "Fix 1002’s estimate from your answers and the guides’ causes. It is an inference, "
            "not a measurement of your system."
        </p>
        <ul class="causes" role="list">{causes}</ul>
        <h2>"Your fix plan"</h2>
        <p>{plan_summary}</p>
        <ol class="plan-preview">{preview}</ol>
        <button type="button" class="button primary" on:click=move |_| go(&begin)>
            "Start the fix plan"
        </button>
        <FlowControls journey />
    }
}

#[component]
fn CauseCard(ranked: RankedCause) -> impl IntoView {
    let cause = &KB.causes[ranked.cause];
    // Whole numbers as integers: float formatting would add about 10 KB to the first download.
    let percent = format!("about {}%", (ranked.probability * 100.0).round() as u32);
    let because = (!ranked.because.is_empty()).then(|| {
        let reasons = ranked.because.join("; ");
        view! { <p class="because">"Because " {reasons} "."</p> }
    });
    view! {
        <li class="cause" data-testid="cause" data-cause=cause.id>
            // Each cause is a heading of the page's outline, level with "Your fix plan".
            <h2>
                {cause.title}
                <span class="chance">{percent}</span>
            </h2>
            <p>{cause.detail}</p>
            {because}
            <p class="source">"Source: " {cause.source.citation()}</p>
        </li>
    }
}
