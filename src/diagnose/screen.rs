//! What the flow shows next: the one function the UI calls.

use super::belief::Belief;
use super::journey::{Event, Journey, Outcome};
use super::plan::plan;
use crate::kb::{KnowledgeBase, NOT_SURE};

/// How many steps at the head of the plan a question must be able to change to be worth
/// asking. Changes further down rarely matter: most cases end within the first few steps.
const PLAN_HEAD: usize = 3;
/// Causes below this probability are not listed as likely (the top one always is).
const LIKELY: f64 = 0.08;
/// At most this many likely causes are listed.
const MAX_LIKELY: usize = 4;

/// One screen of the troubleshooting flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Ask a question. `number` counts from 1; `estimated_total` is the number of questions
    /// the flow expects to ask in all, given the answers so far.
    Ask {
        question: usize,
        number: usize,
        estimated_total: usize,
    },
    /// The likely causes, before the plan starts, with the plan the owner is about to begin
    /// (step indices, first step first), so that its preview needs no second run.
    Causes {
        causes: Vec<RankedCause>,
        plan: Vec<usize>,
    },
    /// The current step of the plan. `number` counts the steps offered so far, this one
    /// included; `remaining` is the rest of the plan, this step first.
    Fix {
        step: usize,
        reason: Reason,
        number: usize,
        remaining: Vec<usize>,
        causes: Vec<RankedCause>,
    },
    /// A step fixed the problem.
    Resolved { step: usize },
    /// The plan has run out: hand over to Sonos support.
    Escalate {
        step: usize,
        causes: Vec<RankedCause>,
    },
}

/// A likely cause, its probability, and the answers that made it more likely.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedCause {
    pub cause: usize,
    pub probability: f64,
    pub because: Vec<&'static str>,
}

/// Why a step is suggested: the cause it mainly addresses and, if an answer pointed there,
/// that answer's "because" phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub cause: usize,
    pub because: Option<&'static str>,
}

impl Screen {
    /// Whether this screen lets the owner take `event` next.
    pub fn accepts(&self, event: Event) -> bool {
        match (self, event) {
            (Screen::Ask { question, .. }, Event::Answered { question: q, .. }) => *question == q,
            (Screen::Causes { .. }, Event::BeganPlan) => true,
            (Screen::Fix { step, .. }, Event::Tried { step: s, .. }) => *step == s,
            _ => false,
        }
    }
}

/// The screen that follows `journey`.
pub fn next(kb: &KnowledgeBase, journey: &Journey) -> Screen {
    if let Some(&Event::Tried {
        step,
        outcome: Outcome::Fixed,
    }) = journey.events.last()
    {
        return Screen::Resolved { step };
    }
    let belief = Belief::after(kb, journey);
    let began_plan = journey.events.contains(&Event::BeganPlan);

    if !began_plan {
        let pending = eligible_questions(kb, journey, &belief);
        return match pending.first() {
            Some(&question) => {
                let answered = journey
                    .events
                    .iter()
                    .filter(|e| matches!(e, Event::Answered { .. }))
                    .count();
                Screen::Ask {
                    question,
                    number: answered + 1,
                    estimated_total: answered + 1 + expected_after(kb, journey, question),
                }
            }
            None => Screen::Causes {
                causes: likely_causes(kb, journey, &belief),
                plan: plan(kb, &belief, &vec![false; kb.steps.len()])
                    .iter()
                    .map(|p| p.step)
                    .collect(),
            },
        };
    }

    let mut set_aside = vec![false; kb.steps.len()];
    let mut tried = 0;
    for event in &journey.events {
        if let Event::Tried { step, .. } = *event {
            set_aside[step] = true;
            tried += 1;
        }
    }
    let plan = plan(kb, &belief, &set_aside);
    let causes = likely_causes(kb, journey, &belief);
    match plan.first() {
        Some(first) => Screen::Fix {
            step: first.step,
            reason: reason(kb, journey, &belief, first.step),
            number: tried + 1,
            remaining: plan.iter().map(|p| p.step).collect(),
            causes,
        },
        None => Screen::Escalate {
            step: kb
                .steps
                .iter()
                .position(|s| s.escalation)
                .expect("build.rs checks that one step escalates"),
            causes,
        },
    }
}

/// Roughly how many questions will follow `question`: the average, over its answers, of the
/// questions that would then still be worth asking. Averaging matters for the first question,
/// whose answer decides between the playback and the update questions.
fn expected_after(kb: &KnowledgeBase, journey: &Journey, question: usize) -> usize {
    let counts: Vec<usize> = kb.questions[question]
        .answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.id != NOT_SURE)
        .map(|(answer, _)| {
            let after = journey.with(Event::Answered { question, answer });
            eligible_questions(kb, &after, &Belief::after(kb, &after)).len()
        })
        .collect();
    if counts.is_empty() {
        return 0;
    }
    (counts.iter().sum::<usize>() as f64 / counts.len() as f64).round() as usize
}

/// The questions still worth asking, in the knowledge base's order.
fn eligible_questions(kb: &KnowledgeBase, journey: &Journey, belief: &Belief) -> Vec<usize> {
    let current_head = plan_head(kb, belief);
    (0..kb.questions.len())
        .filter(|&q| journey.answer_to(q).is_none())
        .filter(|&q| requirements_met(kb, journey, q))
        .filter(|&q| kb.questions[q].always_ask || could_change_plan(kb, belief, q, &current_head))
        .collect()
}

fn requirements_met(kb: &KnowledgeBase, journey: &Journey, question: usize) -> bool {
    let requires = kb.questions[question].requires;
    requires.is_empty()
        || requires.iter().any(|r| {
            kb.questions
                .iter()
                .position(|q| q.id == r.question)
                .and_then(|q| journey.answer_to(q).map(|a| kb.questions[q].answers[a].id))
                == Some(r.answer)
        })
}

/// Whether some answer to `question` would change the first steps of the plan: the test that
/// keeps the flow from asking questions whose answers could not change what the owner does.
fn could_change_plan(
    kb: &KnowledgeBase,
    belief: &Belief,
    question: usize,
    current_head: &[usize],
) -> bool {
    kb.questions[question]
        .answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.id != NOT_SURE)
        .any(|(answer, _)| {
            let mut after = belief.clone();
            after.observe_answer(kb, question, answer);
            plan_head(kb, &after) != current_head
        })
}

fn plan_head(kb: &KnowledgeBase, belief: &Belief) -> Vec<usize> {
    plan(kb, belief, &[])
        .iter()
        .take(PLAN_HEAD)
        .map(|p| p.step)
        .collect()
}

fn likely_causes(kb: &KnowledgeBase, journey: &Journey, belief: &Belief) -> Vec<RankedCause> {
    let probabilities = belief.probabilities();
    let mut order: Vec<usize> = (0..kb.causes.len()).collect();
    order.sort_by(|&a, &b| probabilities[b].total_cmp(&probabilities[a]));
    order
        .into_iter()
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
fn raising_answers(
    kb: &KnowledgeBase,
    journey: &Journey,
    cause: usize,
) -> Vec<(&'static str, f64)> {
    let mut found: Vec<(&'static str, f64)> = journey
        .events
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
    found.sort_by(|a, b| b.1.total_cmp(&a.1));
    found
}

fn reason(kb: &KnowledgeBase, journey: &Journey, belief: &Belief, step: usize) -> Reason {
    let probabilities = belief.probabilities();
    let cause = kb.steps[step]
        .fixes
        .iter()
        .max_by(|a, b| {
            (probabilities[a.cause] * a.chance).total_cmp(&(probabilities[b.cause] * b.chance))
        })
        .map(|fix| fix.cause)
        .expect("build.rs checks that every planned step fixes a cause");
    Reason {
        cause,
        because: raising_answers(kb, journey, cause)
            .first()
            .map(|(because, _)| *because),
    }
}
