//! One question per screen, with large answer buttons.

use leptos::prelude::*;

use super::{go, phone_check::PhoneCheck, FlowControls};
use crate::diagnose::{Event, Journey};
use crate::kb::{QuestionId, KB};
use crate::ui::components::PageHeading;

/// `earlier` is the answer given before the owner went back to this question, marked so
/// that going back is never a guess at what was said.
#[component]
pub fn QuestionScreen(
    journey: Journey,
    question: QuestionId,
    number: usize,
    earlier: Option<usize>,
) -> impl IntoView {
    let q = &KB.questions[question];
    let first = journey.is_empty();

    view! {
        {first.then(|| view! { <Intro /> })}
        <Progress number />
        <PageHeading>{q.text}</PageHeading>
        {q.help.map(|help| view! { <p class="help">{help}</p> })}
        {earlier.map(|_| view! {
            <p class="earlier-note" id="earlier-answer" data-testid="earlier-answer">
                "Your answer before you went back is marked."
            </p>
        })}
        <div class="answers" role="group" aria-label=q.text>
            <AnswerButtons journey=journey.clone() question earlier />
        </div>
        {q.phone_check.then(|| view! { <PhoneCheck journey=journey.clone() question /> })}
        {(!first).then(|| view! { <FlowControls journey /> })}
    }
    .into_any()
}

/// One large button per answer, each a step of the journey: on the question screens, and on
/// the hand-over for the question asked only there.
/// The button of the `earlier` answer is marked (its name stays the answer; the note it points
/// to says why it is marked).
#[component]
pub(super) fn AnswerButtons(
    journey: Journey,
    question: QuestionId,
    #[prop(optional_no_strip)] earlier: Option<usize>,
) -> impl IntoView {
    KB.questions[question]
        .answers
        .iter()
        .enumerate()
        .map(|(answer, a)| {
            let after = journey.with(Event::Answered { question, answer });
            let marked = earlier == Some(answer);
            view! {
                <button
                    type="button"
                    class="answer"
                    class:earlier=marked
                    aria-describedby=marked.then_some("earlier-answer")
                    on:click=move |_| go(&after)
                >
                    {a.label}
                </button>
            }
        })
        .collect_view()
}

/// Shown above the first question only.
#[component]
fn Intro() -> impl IntoView {
    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <p class="lead">
            "A few quick questions, then a fix plan with the quickest likely fix first. Error "
            "1002 is a software and network problem, not a broken speaker."
        </p>
    }
    .into_any()
}

/// "Question 2". No total: the engine's estimate of how many questions remain changes with
/// every answer (it asks only what could still change the plan), and "8 of about 8" followed
/// by "9 of about 9" told owners nothing true.
#[component]
fn Progress(number: usize) -> impl IntoView {
    view! {
        <div class="progress" data-testid="question-number">
            <span>{format!("Question {number}")}</span>
        </div>
    }
    .into_any()
}
