//! The questions owners ask about error 1002, each answered on a page of its own.

use leptos::prelude::*;

use crate::kb::{common_question, COMMON_QUESTIONS, KB};
use crate::route::Route;
use crate::ui::shared::{PageHeading, PAGE_HEADING_ID};

/// One question's page: the answer, its source, and the steps that help.
#[component]
pub fn QuestionPage(id: String) -> impl IntoView {
    let Some(q) = common_question(&id) else {
        return view! {
            <section class="page" aria-labelledby=PAGE_HEADING_ID>
                <PageHeading>"No question with this link"</PageHeading>
                <p>"There is no question called “" <code>{id}</code> "”. The link may be mistyped."</p>
                <a class="button" href=Route::Home.href()>"Back to the start"</a>
            </section>
        }
        .into_any();
    };
    let steps = q
        .steps
        .iter()
        .filter_map(|id| KB.step(id))
        .map(|step| view! { <li><a href=Route::Step(step.id.to_owned()).href()>{step.title}</a></li> })
        .collect_view();
    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID data-testid="question-page" data-question=q.id>
            <p class="eyebrow">"Common questions"</p>
            <PageHeading>{q.question}</PageHeading>
            {q.answer.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
            <p class="source">"Source: " {q.source.citation()}</p>
            {q.also.map(|also| view! { <p class="source">"Also from: " {also.source.citation()}</p> })}
            <h2>"Steps that help"</h2>
            <ul class="related">{steps}</ul>
            <a class="button primary" href=Route::TROUBLESHOOT.href()>"Start troubleshooting"</a>
            <h2>"Other questions"</h2>
            <QuestionList except=q.id />
        </section>
    }
    .into_any()
}

/// Links to the common questions, `except` one (the page showing it), if given.
#[component]
pub fn QuestionList(#[prop(optional)] except: &'static str) -> impl IntoView {
    let items = COMMON_QUESTIONS
        .iter()
        .filter(|q| q.id != except)
        .map(
            |q| view! { <li><a href=Route::Question(q.id.to_owned()).href()>{q.question}</a></li> },
        )
        .collect_view();
    view! { <ul class="related">{items}</ul> }
}
