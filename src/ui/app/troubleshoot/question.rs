//! One question per screen, with large answer buttons.

use leptos::prelude::*;

use super::phone_check::PhoneCheck;
use crate::diagnose::Journey;
use crate::i18n::{kb, t, tf};
use crate::i18n_args;
use crate::kb::QuestionId;
use crate::ui::shared::{AnswerButtons, FlowControls, PageHeading};

/// `earlier` is the answer given before the owner went back to this question, marked so
/// that going back is never a guess at what was said. With `links`, the answers are links
/// (the pre-rendered first question, see [`AnswerButtons`]).
#[component]
pub fn QuestionScreen(
    journey: Journey,
    question: QuestionId,
    number: usize,
    earlier: Option<usize>,
    #[prop(optional)] links: bool,
) -> impl IntoView {
    let q = &kb().questions[question];
    let first = journey.is_empty();

    view! {
        {first.then(|| view! { <Intro /> })}
        <Progress number />
        <PageHeading>{q.text}</PageHeading>
        {q.help.map(|help| view! { <p class="help">{help}</p> })}
        {earlier.map(|_| view! {
            <p class="earlier-note" id="earlier-answer" data-testid="earlier-answer">
                {t("flow.earlier_answer")}
            </p>
        })}
        <div class="answers" role="group" aria-label=q.text>
            <AnswerButtons journey=journey.clone() question earlier links />
        </div>
        {q.phone_check.then(|| view! { <PhoneCheck journey=journey.clone() question /> })}
        {(!first).then(|| view! { <FlowControls journey /> })}
    }
    .into_any()
}

/// Shown above the first question only, before the owner has said whether the error came
/// during playback or an update: so the claim about hardware is attributed to the guide that
/// makes it (issue 23).
#[component]
fn Intro() -> impl IntoView {
    view! {
        <p class="eyebrow">{t("common.eyebrow_troubleshoot")}</p>
        <p class="lead">{t("flow.intro")}</p>
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
            <span>{tf("flow.question_number", i18n_args!(number = number))}</span>
        </div>
    }
    .into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use leptos::tachys::view::RenderHtml;

    #[test]
    fn the_intro_names_the_guide_that_calls_1002_a_software_problem() {
        // Issue 23: the intro comes before the owner says playback or update, and only the
        // playback guide makes the claim.
        let html = Owner::new().with(|| view! { <Intro /> }.to_html());
        let text = crate::html_text::visible_text(&html);
        assert!(
            text.contains("The guide to error 1002 during playback calls it a software and network problem, not a broken speaker."),
            "{text}"
        );
        assert!(!text.contains("Error 1002 is a software"), "{text}");
    }
}
