//! The screens after the questions: the likely causes, each step of the fix plan, and how the
//! flow ends (fixed, or the hand-over). Each only renders the screen the engine decided.

mod causes;
mod fix;
mod outcome;

use leptos::prelude::*;

use crate::diagnose::{Journey, Replayed, Screen};

#[component]
pub fn PlanScreens(journey: Journey) -> impl IntoView {
    let Replayed { journey, screen } = Replayed::of(crate::i18n::kb(), journey);
    match screen {
        Screen::Causes {
            causes,
            plan,
            minutes,
        } => view! { <causes::CausesScreen journey causes plan minutes /> }.into_any(),
        Screen::Fix {
            applied,
            reason,
            number,
            remaining,
            relief,
            relieved,
            ..
        } => view! {
            <fix::FixScreen journey applied reason number remaining relief relieved />
        }
        .into_any(),
        Screen::Resolved { step } => view! { <outcome::ResolvedScreen journey step /> }.into_any(),
        Screen::Escalate {
            step,
            helpers,
            asks,
            early,
            wants_model_name,
            wants_service_name,
            ..
        } => view! {
            <outcome::EscalateScreen
                journey
                step
                helpers
                asks
                early
                wants_model_name
                wants_service_name
            />
        }
        .into_any(),
        // The main module draws the questions itself.
        Screen::Ask { .. } => ().into_any(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! Issue 23: no reviewer's note reaches an owner's screen. The likely causes and every step
    //! of the plan are rendered natively along whole journeys (the hand-over reads local
    //! storage, which needs a browser, and shows only owner texts: the helpers' `what`).

    use super::*;
    use crate::diagnose::{next, Event, Outcome};
    use crate::kb::KB;
    use leptos::tachys::view::RenderHtml;

    /// The text of the rendered screen, tags and markers dropped.
    fn text(journey: &Journey) -> String {
        let journey = journey.clone();
        let html =
            leptos::prelude::Owner::new().with(|| view! { <PlanScreens journey /> }.to_html());
        crate::html_text::visible_text(&html)
    }

    #[test]
    fn no_reviewer_note_is_on_the_causes_or_any_step_of_the_plan() {
        let notes: Vec<&str> = KB
            .reviewer_notes()
            .into_iter()
            .map(|(_, note)| note)
            .collect();
        let when = KB.question_id("when").unwrap();
        let mut screens = 0;
        for scenario in 0..KB.questions[when].answers.len() {
            for first_answer in [true, false] {
                let mut journey = Journey::new();
                loop {
                    match next(&KB, &journey) {
                        Screen::Ask { question, .. } => {
                            let answers = KB.questions[question].answers.len();
                            let answer = if question == when {
                                scenario
                            } else if first_answer {
                                0
                            } else {
                                answers - 1
                            };
                            journey = journey.with(Event::Answered { question, answer });
                        }
                        Screen::Causes { .. } => {
                            check(&notes, &journey, &text(&journey));
                            journey = journey.with(Event::BeganPlan);
                        }
                        Screen::Fix { step, .. } => {
                            check(&notes, &journey, &text(&journey));
                            journey = journey.with(Event::Tried {
                                step,
                                outcome: Outcome::NotFixed,
                            });
                        }
                        _ => break,
                    }
                    screens += 1;
                }
            }
        }
        assert!(screens > 20, "only {screens} screens");
    }

    fn check(notes: &[&str], journey: &Journey, text: &str) {
        for note in notes {
            assert!(
                !text.contains(note),
                "{} shows a reviewer's note: {note:?}",
                journey.encode(&KB)
            );
        }
    }
}
