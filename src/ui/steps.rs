//! The fix steps section: an index, and a page per step at a stable link.

use leptos::prelude::*;

use super::components::{LinkedText, PageHeading};
use super::questions::QuestionList;
use crate::kb::{Document, Prose, Step, KB};
use crate::route::Route;

#[component]
pub fn StepsIndexPage() -> impl IntoView {
    let group = |title: &'static str, pick: fn(&Step) -> bool| {
        let items = KB
            .steps
            .iter()
            .filter(|s| pick(s))
            .map(|s| {
                view! {
                    <li class="card">
                        <h3>
                            <a href=Route::Step(s.id.to_owned()).href()>{s.title}</a>
                        </h3>
                        <p><LinkedText text=s.summary /></p>
                        <p class="minutes">{minutes_label(s)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{title}</h2>
            <ul class="step-list" role="list">{items}</ul>
        }
    };

    view! {
        <section class="page" aria-labelledby="page-heading">
            <PageHeading>"Fix steps"</PageHeading>
            <p class="lead">
                "Every fix for error 1002 on a page of its own, with the menu path in the Sonos "
                "app, why it helps and roughly how long it takes. Each link stays the same from "
                "release to release, so it is safe to share."
            </p>
            <p>
                "Not sure which step you need? "
                <a href=Route::Troubleshoot.href()>"Troubleshoot"</a>
                " picks them for you, quickest likely fix first."
            </p>
            {group("When error 1002 stops your music", |s| {
                !s.escalation && s.source.document != Document::UpdateGuide
            })}
            {group("When error 1002 interrupts a software update", |s| {
                !s.escalation && s.source.document == Document::UpdateGuide
            })}
            {group("When nothing else works", |s| s.escalation)}
            <h2>"Common questions"</h2>
            <QuestionList />
        </section>
    }
}

/// A single step's page. A link to a step that does not exist (mistyped, or from a future
/// release) says so and leads back to the index rather than showing an empty page.
#[component]
pub fn StepPage(id: String) -> impl IntoView {
    let Some(step) = KB.step(&id) else {
        return view! {
            <section class="page" aria-labelledby="page-heading">
                <PageHeading>"No fix step with this link"</PageHeading>
                <p>
                    "There is no fix step called “" <code>{id}</code> "”. The link may be mistyped."
                </p>
                <a class="button" href=Route::Steps.href()>"See all fix steps"</a>
            </section>
        }
        .into_any();
    };
    let helps_with = step
        .fixes
        .iter()
        .map(|fix| view! { <li>{KB.causes[fix.cause].title}</li> })
        .collect_view();
    // Steps that address one of this step's causes: where to go if this one did not help.
    let related: Vec<_> = KB
        .steps
        .iter()
        .filter(|other| other.id != step.id)
        .filter(|other| {
            other
                .fixes
                .iter()
                .any(|f| step.fixes.iter().any(|g| g.cause == f.cause))
        })
        .map(|other| {
            view! { <li><a href=Route::Step(other.id.to_owned()).href()>{other.title}</a></li> }
        })
        .collect();

    view! {
        <section class="page" aria-labelledby="page-heading" data-testid="step-page" data-step=step.id>
            <p class="eyebrow"><a href=Route::Steps.href()>"Fix steps"</a></p>
            <PageHeading>{step.title}</PageHeading>
            <p class="lead"><LinkedText text=step.summary /></p>
            <StepInstructions step />
            {(!step.fixes.is_empty()).then(|| view! {
                <h2>"Helps when"</h2>
                <ul>{helps_with}</ul>
            })}
            <p class="source">"Source: " {step.source.citation()}</p>
            {(!related.is_empty()).then(|| view! {
                <h2>"Related steps"</h2>
                <ul class="related">{related}</ul>
            })}
            <p>"Not sure this is the right step? Troubleshoot finds the steps that fit your situation."</p>
            <a class="button primary" href=Route::Troubleshoot.href()>"Start troubleshooting"</a>
        </section>
    }
    .into_any()
}

/// A step's instructions, why it helps and how long it takes: shared by the step's own page,
/// the fix plan and the hand-over to support.
#[component]
pub fn StepInstructions(
    step: &'static Step,
    /// The owner's story is a software update: a last line written for playback is replaced.
    #[prop(optional)]
    update: bool,
    /// How many leading instructions are already done (a check the owner's answer has made).
    #[prop(optional)]
    done_already: usize,
    /// The owner said the error does not keep coming back: a relief step's note about an
    /// error that does is left out.
    #[prop(optional)]
    not_recurring: bool,
) -> impl IntoView {
    let mut lines: Vec<Prose> = match step.in_update {
        Some(instead) if update => {
            let keep = step.instructions.len().saturating_sub(1);
            step.instructions[..keep]
                .iter()
                .copied()
                .chain([instead])
                .collect()
        }
        _ => step.instructions.to_vec(),
    };
    lines.drain(..done_already.min(lines.len()));
    view! {
        <ol class="instructions">
            {lines.into_iter().map(|line| view! { <li><LinkedText text=line /></li> }).collect_view()}
        </ol>
        {(!step.advice.is_empty()).then(|| view! {
            <div class="advice" data-testid="general-advice">
                <p><strong>"General advice, not from the guides: "</strong></p>
                <ul>{step.advice.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
            </div>
        })}
        <p class="why"><strong>"Why it helps: "</strong>{step.why}</p>
        {(step.relief && !not_recurring).then(|| view! {
            <p class="relief-note">
                <strong>"If the error keeps coming back: "</strong>{step.relief_why}
            </p>
        })}
        {minutes_lines(step, done_already > 0)}
    }
}

/// How long the step takes, and why. Once its check is done (`looked`), the check's time
/// and its reason are left out: what remains is the part that follows it.
fn minutes_lines(step: &Step, looked: bool) -> impl IntoView {
    let (label, why) = match &step.then {
        Some(then) if looked => (about_minutes(then.minutes), ""),
        _ => (minutes_label(step), step.minutes_why),
    };
    view! {
        <p class="minutes">{label} " " {why}</p>
        {step.then.as_ref().map(|then| view! { <p class="minutes">{then.why}</p> })}
    }
}

fn about_minutes(minutes: u32) -> String {
    format!("About {minutes} {} (an estimate).", minutes_unit(minutes))
}

fn minutes_unit(minutes: u32) -> &'static str {
    if minutes == 1 {
        "minute"
    } else {
        "minutes"
    }
}

/// Durations are Fix 1002's estimates, and say so. A step that checks first gives the check
/// and, apart, what only some owners go on to do or wait for.
fn minutes_label(step: &Step) -> String {
    let minutes = step.minutes;
    match &step.then {
        None => about_minutes(minutes),
        Some(then) => format!(
            "About {minutes} {} (an estimate), and about {} more minutes {}.",
            minutes_unit(minutes),
            then.minutes,
            then.label
        ),
    }
}
