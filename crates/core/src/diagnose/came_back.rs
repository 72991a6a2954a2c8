//! Coming back after a fix: the journey ended with "fixed", and error 1002 came back.
//!
//! An error that returns after a fix is the recurring problem the playback guide's FAQ
//! describes ("keeps coming back every few days"), which the knowledge base asks about with
//! its own question. So the way back in is a new journey that answers that question "yes" and
//! gives the owner's earlier answers again wherever the flow asks for them: the owner is not
//! asked twice, and the plan is made for a problem that keeps coming back (lasting fixes
//! first, the steps that only bring relief after them).

use super::journey::{Event, Journey, Outcome};
use super::screen::{next, Screen};
use crate::kb::{answer, KnowledgeBase, StepId};

/// The step that fixed it, if `journey` ended with a fix.
pub fn fixed_by(journey: &Journey) -> Option<StepId> {
    match journey.events().last() {
        Some(&Event::Tried {
            step,
            outcome: Outcome::Fixed,
        }) => Some(step),
        _ => None,
    }
}

/// The new journey for an owner whose error came back after `fixed`: the flow's questions,
/// answered as before, and the recurring question answered "yes, it keeps coming back", until
/// a question the owner has not answered yet (theirs to answer now) or the likely causes. The
/// steps tried before are not carried over: the one that "fixed" it only did so for a while.
pub fn came_back(kb: &KnowledgeBase, fixed: &Journey) -> Journey {
    let recurring = answer::RECURRING_YES;
    let mut journey = Journey::new();
    // Each question is asked at most once, so this ends; the bound only guards against a
    // knowledge base that would ask one twice.
    for _ in 0..=kb.questions.len() {
        let Screen::Ask { question, .. } = next(kb, &journey) else {
            break;
        };
        let given = if question == recurring.question() {
            recurring.index()
        } else if let Some(given) = fixed.answer_to(question) {
            given
        } else {
            break;
        };
        journey = journey.with(Event::Answered {
            question,
            answer: given,
        });
    }
    journey
}
