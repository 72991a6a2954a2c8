//! The likely causes, with why, and a preview of the plan: compact, details on demand.

use leptos::prelude::*;

use crate::diagnose::{Event, Journey, PlannedStep, RankedCause};
use crate::kb::KB;
use crate::ui::shared::{use_flow, FlowControls, PageHeading};

#[component]
pub(super) fn CausesScreen(
    journey: Journey,
    causes: Vec<RankedCause>,
    plan: Vec<PlannedStep>,
    minutes: u32,
) -> impl IntoView {
    let flow = use_flow();
    let begin = journey.with(Event::BeganPlan);
    let causes = causes
        .into_iter()
        .enumerate()
        .map(|(rank, ranked)| view! { <CauseRow ranked top=rank == 0 /> })
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
        "{} steps, about {minutes} minutes if you need them all (an estimate, not counting restarts or waits). It stops as soon as one works.",
        plan.len()
    );

    let see_steps = match plan.len() {
        1 => "See the step".to_owned(),
        n => format!("See the {n} steps"),
    };
    // Compact on purpose: on a phone, full cause cards pushed "Start the fix plan" about
    // 1,900 px down. A cause is a row with its chance (the likeliest also says why) that opens
    // to its description; the button comes straight after, and the plan's steps open likewise.
    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <PageHeading>"What is most likely behind it"</PageHeading>
        <p class="note">
            "Chances are Fix 1002’s estimates from your answers. Open a cause for more."
        </p>
        <ul class="causes compact" role="list">{causes}</ul>
        <button type="button" class="button primary" on:click=move |_| flow.go(&begin)>
            "Start the fix plan"
        </button>
        <h2>"Your fix plan"</h2>
        <p>{plan_summary}</p>
        <details class="more plan-steps">
            <summary>{see_steps}</summary>
            <ol class="plan-preview">{preview}</ol>
        </details>
        <FlowControls journey />
    }
    .into_any()
}

/// One likely cause: a row with its name and chance (the likeliest also says why) that opens
/// to the rest.
#[component]
fn CauseRow(ranked: RankedCause, top: bool) -> impl IntoView {
    let cause = &KB.causes[ranked.cause];
    // Whole numbers as integers: float formatting would add about 10 KB to the first download.
    let percent = format!("{}%", (ranked.probability * 100.0).round() as u32);
    let because =
        (!ranked.because.is_empty()).then(|| format!("Because {}.", ranked.because.join("; ")));
    let (shown, folded) = if top {
        (because, None)
    } else {
        (None, because)
    };
    view! {
        <li class="cause" data-testid="cause" data-cause=cause.id>
            <details class="more">
                <summary>
                    // The chance first, so that a long name wraps under it instead of pushing
                    // it onto a line of its own.
                    <span class="cause-name">
                        <span class="chance">{percent}</span>
                        " "
                        <strong>{cause.title}</strong>
                    </span>
                    {shown.map(|text| view! { <span class="because">{text}</span> })}
                </summary>
                {folded.map(|text| view! { <p class="because">{text}</p> })}
                <p>{cause.detail}</p>
                <p class="source">"Source: " {cause.source.citation()}</p>
            </details>
        </li>
    }
    .into_any()
}
