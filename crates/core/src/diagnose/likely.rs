//! The causes still likely after the journey so far: ranked, with the answers that raised
//! them, and which of them a failed step has ruled out. The screens, the hand-over and the
//! support summary all name causes through this one module.

use super::belief::Belief;
use super::journey::{Event, Journey, Outcome};
use super::largest_first::largest_first;
use super::plan::PlanOptions;
use crate::kb::{KnowledgeBase, StepId};

/// Causes below this probability are not listed as likely (the top one always is).
const LIKELY: f64 = 0.08;
/// At most this many likely causes are listed.
const MAX_LIKELY: usize = 4;
/// A step is a cause's main remedy when it fixes the cause at least this often: its failing
/// then says much about the cause (a restart that clears a passing fault says little).
const MAIN_REMEDY: f64 = 0.5;

/// A likely cause, its probability, and the answers that made it more likely.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedCause {
    pub cause: usize,
    pub probability: f64,
    pub because: Vec<&'static str>,
}

/// The causes to name as likely: the likeliest first, those at least [`LIKELY`] after it, at
/// most [`MAX_LIKELY`], leaving out any the answers leave out of the plan
/// ([`PlanOptions::rules_out`]: ruled out by an answer, or of the other scenario).
pub(super) fn likely_causes(
    kb: &KnowledgeBase,
    journey: &Journey,
    belief: &Belief,
    options: &PlanOptions,
) -> Vec<RankedCause> {
    let probabilities = belief.probabilities();
    largest_first(&probabilities)
        .into_iter()
        .filter(|&cause| !options.rules_out(kb, cause))
        .enumerate()
        .take_while(|&(rank, cause)| rank == 0 || probabilities[cause] >= LIKELY)
        .take(MAX_LIKELY)
        .map(|(_, cause)| RankedCause {
            cause,
            probability: probabilities[cause],
            because: raising_answers(kb, journey, cause)
                .into_iter()
                .map(|(because, _)| because)
                .collect(),
        })
        .collect()
}

/// The answers that made `cause` more likely, strongest first, as "because" phrases.
pub(super) fn raising_answers(
    kb: &KnowledgeBase,
    journey: &Journey,
    cause: usize,
) -> Vec<(&'static str, f64)> {
    let found: Vec<(&'static str, f64)> = journey
        .events()
        .iter()
        .filter_map(|event| match *event {
            Event::Answered { question, answer } => Some(&kb.questions[question].answers[answer]),
            _ => None,
        })
        .filter_map(|answer| {
            let factor = answer
                .weights
                .iter()
                .filter(|w| w.causes.contains(&cause))
                .map(|w| w.factor)
                .fold(1.0, f64::max);
            (factor > 1.0).then_some((answer.because, factor))
        })
        .collect();
    let factors: Vec<f64> = found.iter().map(|&(_, factor)| factor).collect();
    largest_first(&factors)
        .into_iter()
        .map(|i| found[i])
        .collect()
}

/// The causes `step` is the main remedy for.
pub(super) fn main_remedy_for(
    kb: &KnowledgeBase,
    step: StepId,
) -> impl Iterator<Item = usize> + '_ {
    kb.steps[step]
        .fixes
        .iter()
        .filter(|fix| fix.chance >= MAIN_REMEDY)
        .map(|fix| fix.cause)
}

/// For each cause, whether a step that was its main remedy did not help: the summary and the
/// hand-over then stop naming it as still likely, however much weight it keeps.
pub fn ruled_out_by_failed_steps(kb: &KnowledgeBase, journey: &Journey) -> Vec<bool> {
    let mut ruled_out = vec![false; kb.causes.len()];
    for event in journey.events() {
        if let Event::Tried {
            step,
            outcome: Outcome::NotFixed,
        } = *event
        {
            for cause in main_remedy_for(kb, step) {
                ruled_out[cause] = true;
            }
        }
    }
    ruled_out
}
