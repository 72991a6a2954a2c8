//! The likely causes, with why, and a preview of the plan: compact, details on demand.

use leptos::prelude::*;

use crate::diagnose::{Event, Journey, PlannedStep, RankedCause};
use crate::i18n::{kb, t, tf};
use crate::i18n_args;
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
            let relief = p.relief.then_some(t("causes.relief_mark"));
            view! { <li>{kb().steps[p.step].title}{relief}</li> }
        })
        .collect_view();
    let plan_summary = tf(
        "causes.plan_summary",
        i18n_args!(count = plan.len(), minutes = minutes),
    );

    let see_steps = tf("causes.see_steps", i18n_args!(count = plan.len()));
    // Compact on purpose: on a phone, full cause cards pushed "Start the fix plan" about
    // 1,900 px down. A cause is a row with its chance (the likeliest also says why) that opens
    // to its description; the button comes straight after, and the plan's steps open likewise.
    view! {
        <p class="eyebrow">{t("common.eyebrow_troubleshoot")}</p>
        <PageHeading>{t("causes.heading")}</PageHeading>
        <p class="note">
            {t("causes.estimates")}
        </p>
        <ul class="causes compact" role="list">{causes}</ul>
        <button type="button" class="button primary" on:click=move |_| flow.go(&begin)>
            {t("causes.start_plan")}
        </button>
        <h2>{t("causes.your_plan")}</h2>
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
    let cause = &kb().causes[ranked.cause];
    // Whole numbers as integers: float formatting would add about 10 KB to the first download.
    let percent = tf(
        "causes.percent",
        i18n_args!(percent = (ranked.probability * 100.0).round() as u32),
    );
    let because = (!ranked.because.is_empty()).then(|| {
        let reasons = ranked.because.join(t("causes.reason_separator"));
        tf("causes.because", i18n_args!(reasons = reasons))
    });
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
                <p class="source">{t("common.source")} {cause.source.citation()}</p>
            </details>
        </li>
    }
    .into_any()
}
