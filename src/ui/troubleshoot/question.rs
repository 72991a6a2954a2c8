//! One question per screen, with large answer buttons.

use leptos::prelude::*;

use super::{go, phone_check::PhoneCheck, FlowControls};
use crate::diagnose::{Event, Journey};
use crate::kb::{QuestionId, KB};
use crate::ui::components::PageHeading;

#[component]
pub fn QuestionScreen(journey: Journey, question: QuestionId, number: usize) -> impl IntoView {
    let q = &KB.questions[question];
    let first = journey.is_empty();

    view! {
        {first.then(|| view! { <Intro /> })}
        <Progress number />
        <PageHeading>{q.text}</PageHeading>
        {q.help.map(|help| view! { <p class="help">{help}</p> })}
        <div class="answers" role="group" aria-label=q.text>
            <AnswerButtons journey=journey.clone() question />
        </div>
        {q.phone_check.then(|| view! { <PhoneCheck journey=journey.clone() question /> })}
        {(!first).then(|| view! { <FlowControls journey /> })}
    }
}

/// One large button per answer, each a step of the journey: on the question screens, and on
/// the hand-over for the question asked only there.
#[component]
pub(super) fn AnswerButtons(journey: Journey, question: QuestionId) -> impl IntoView {
    KB.questions[question]
        .answers
        .iter()
        .enumerate()
        .map(|(answer, a)| {
            let after = journey.with(Event::Answered { question, answer });
            view! {
                <button type="button" class="answer" on:click=move |_| go(&after)>
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
}
