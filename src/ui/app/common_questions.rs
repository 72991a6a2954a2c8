//! The questions owners ask about error 1002, each answered on a page of its own.

use leptos::prelude::*;

use crate::i18n::{common_question, common_questions, kb, t};
use crate::route::Route;
use crate::ui::shared::{with_code, PageHeading, PAGE_HEADING_ID};

/// One question's page: the answer, its source, and the steps that help.
#[component]
pub fn QuestionPage(id: String) -> impl IntoView {
    let Some(q) = common_question(&id) else {
        return view! {
            <section class="page" aria-labelledby=PAGE_HEADING_ID>
                <PageHeading>{t("question_page.missing_heading")}</PageHeading>
                <p>{with_code(t("question_page.missing_text"), "id", id)}</p>
                <a class="button" href=Route::Home.href()>{t("common.back_to_start")}</a>
            </section>
        }
        .into_any();
    };
    let steps = q
        .steps
        .iter()
        .filter_map(|id| kb().step(id))
        .map(|step| view! { <li><a href=Route::Step(step.id.to_owned()).href()>{step.title}</a></li> })
        .collect_view();
    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID data-testid="question-page" data-question=q.id>
            <p class="eyebrow">{t("nav.questions")}</p>
            <PageHeading>{q.question}</PageHeading>
            {q.answer.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
            <p class="source">{t("common.source")} {q.source.citation()}</p>
            {q.also.map(|also| view! { <p class="source">{t("common.also_from")} {also.source.citation()}</p> })}
            <h2>{t("question_page.steps_that_help")}</h2>
            <ul class="related">{steps}</ul>
            <a class="button primary" href=Route::TROUBLESHOOT.href()>{t("common.start_troubleshooting")}</a>
            <h2>{t("question_page.other_questions")}</h2>
            <QuestionList except=q.id />
        </section>
    }
    .into_any()
}

/// Links to the common questions, `except` one (the page showing it), if given.
#[component]
pub fn QuestionList(#[prop(optional)] except: &'static str) -> impl IntoView {
    let items = common_questions()
        .iter()
        .filter(|q| q.id != except)
        .map(
            |q| view! { <li><a href=Route::Question(q.id.to_owned()).href()>{q.question}</a></li> },
        )
        .collect_view();
    view! { <ul class="related">{items}</ul> }
}
