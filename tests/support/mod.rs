//! Helpers shared by the native engine tests: play a journey the way an owner would.

#![allow(dead_code)]

use fix1002_core::diagnose::{next, Event, Journey, Outcome, Screen};
use fix1002_core::kb::{KB, NOT_SURE};

/// Answers every question the flow asks from `answers` (question id → answer id), "Not sure"
/// for any other, until the likely causes are shown. Returns the journey and the questions
/// asked, in order.
pub fn answer_all(answers: &[(&str, &str)]) -> (Journey, Vec<&'static str>) {
    let mut journey = Journey::new();
    let mut asked = Vec::new();
    for _ in 0..=KB.questions.len() {
        match next(&KB, &journey) {
            Screen::Ask { question, .. } => {
                let q = &KB.questions[question];
                asked.push(q.id);
                let wanted = answers
                    .iter()
                    .find(|(qid, _)| *qid == q.id)
                    .map_or(NOT_SURE, |(_, a)| *a);
                let answer = q
                    .answers
                    .iter()
                    .position(|a| a.id == wanted)
                    .unwrap_or_else(|| panic!("question {} has no answer {wanted}", q.id));
                journey = journey.with(Event::Answered { question, answer });
            }
            Screen::Causes { .. } => return (journey, asked),
            other => panic!("expected questions, then causes; got {other:?}"),
        }
    }
    panic!("the flow asked more questions than the knowledge base has");
}

/// Answers "Not sure" to every question the flow still asks after `journey`, until the likely
/// causes are shown.
pub fn answer_rest(mut journey: Journey) -> Journey {
    for _ in 0..=KB.questions.len() {
        match next(&KB, &journey) {
            Screen::Ask { question, .. } => {
                let answer = KB.questions[question]
                    .answers
                    .iter()
                    .position(|a| a.id == NOT_SURE)
                    .expect("every question offers Not sure");
                journey = journey.with(Event::Answered { question, answer });
            }
            Screen::Causes { .. } => return journey,
            other => panic!("expected questions, then causes; got {other:?}"),
        }
    }
    panic!("the flow asked more questions than the knowledge base has");
}

/// The ids of the steps the plan offers, in order, when every step fails.
pub fn plan_when_nothing_helps(journey: &Journey) -> Vec<&'static str> {
    plan_screens_when_nothing_helps(journey)
        .into_iter()
        .filter_map(|(_, screen)| match screen {
            Screen::Fix { step, .. } => Some(KB.steps[step].id),
            _ => None,
        })
        .collect()
}

/// Every screen of the plan when no step helps, each with the journey that shows it: the
/// fix steps in order, then the hand-over.
pub fn plan_screens_when_nothing_helps(journey: &Journey) -> Vec<(Journey, Screen)> {
    let mut journey = journey.with(Event::BeganPlan);
    let mut screens = Vec::new();
    for _ in 0..=KB.steps.len() {
        let screen = next(&KB, &journey);
        screens.push((journey.clone(), screen.clone()));
        match screen {
            Screen::Fix { step, .. } => {
                journey = journey.with(Event::Tried {
                    step,
                    outcome: Outcome::NotFixed,
                });
            }
            Screen::Escalate { .. } => return screens,
            other => panic!("expected fix steps, then the hand-over; got {other:?}"),
        }
    }
    panic!("the plan offered more steps than the knowledge base has");
}

/// The ids of the likely causes on the causes screen.
pub fn likely_causes(journey: &Journey) -> Vec<&'static str> {
    match next(&KB, journey) {
        Screen::Causes { causes, .. } => causes.iter().map(|c| KB.causes[c.cause].id).collect(),
        other => panic!("expected the causes screen, got {other:?}"),
    }
}
