//! What the flow shows next: the one function the UI calls.

use super::applied_step::AppliedStep;
use super::belief::Belief;
use super::hand_over::{who_can_help, HelpFrom};
use super::journey::{Event, Journey, Outcome};
use super::largest_first::largest_first;
use super::likely::{likely_causes, raising_answers, ruled_out_by_failed_steps, RankedCause};
use super::plan::{expected_minutes_to_end, plan, PlanOptions, PlannedStep};
use crate::kb::{question, Helper, KnowledgeBase, QuestionId, Requirement, StepId, NOT_SURE};

/// One screen of the troubleshooting flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Ask a question. `number` counts from 1. There is no total: which questions are worth
    /// asking depends on each answer, so any total shown would change as the owner answers.
    Ask { question: QuestionId, number: usize },
    /// The likely causes, before the plan starts, with the plan the owner is about to begin
    /// (first step first, relief steps marked), so that its preview needs no second run.
    /// `minutes` adds up the plan's steps, for its one-line summary.
    Causes {
        causes: Vec<RankedCause>,
        plan: Vec<PlannedStep>,
        minutes: u32,
    },
    /// The current step of the plan, `applied` as this owner's story has it (title,
    /// instructions, minutes and notes already decided). `number` counts the steps offered so
    /// far, this one included; `remaining` is the rest of the plan, this step first. `relief`
    /// marks a step that can only clear a recurring problem for a while (the owner may answer
    /// "Fixed for now"); `relieved` says an earlier relief step already brought the music back.
    Fix {
        step: StepId,
        applied: AppliedStep,
        reason: Reason,
        number: usize,
        remaining: Vec<StepId>,
        relief: bool,
        relieved: bool,
    },
    /// A step fixed the problem.
    Resolved { step: StepId },
    /// Hand over to whoever can help: the plan has run out, or the owner chose to (`early`).
    /// `helpers` are the parties for the causes still likely (without any whose main remedy
    /// already failed), each with its causes, likeliest first; Sonos support is always there.
    /// `asks` is a question for the summary (the speaker model) not answered yet. The two
    /// `wants_…` say which names the owner is asked to type for the summary.
    Escalate {
        step: AppliedStep,
        helpers: Vec<HelpFrom>,
        asks: Option<QuestionId>,
        early: bool,
        wants_model_name: bool,
        wants_service_name: bool,
    },
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
            // The hand-over screen asks for the speaker model, for the summary.
            (Screen::Escalate { asks, .. }, Event::Answered { question, .. }) => {
                *asks == Some(question)
            }
            (
                Screen::Fix { step, relief, .. },
                Event::Tried {
                    step: s,
                    outcome: Outcome::ForNow,
                },
            ) => *relief && *step == s,
            (Screen::Fix { step, .. }, Event::Tried { step: s, .. }) => *step == s,
            // "Contact support now", from any step of the plan.
            (Screen::Fix { .. }, Event::HandedOver) => true,
            _ => false,
        }
    }
}

/// The screen that follows `journey`.
pub fn next(kb: &KnowledgeBase, journey: &Journey) -> Screen {
    if let Some(&Event::Tried {
        step,
        outcome: Outcome::Fixed,
    }) = journey.events().last()
    {
        return Screen::Resolved { step };
    }
    let belief = Belief::after(kb, journey);
    let options = PlanOptions::for_journey(kb, journey);
    let began_plan = journey.events().contains(&Event::BeganPlan);

    if !began_plan {
        let pending = eligible_questions(kb, journey, &belief);
        return match pending.first() {
            Some(&question) => {
                let answered = journey
                    .events()
                    .iter()
                    .filter(|e| matches!(e, Event::Answered { .. }))
                    .count();
                Screen::Ask {
                    question,
                    number: answered + 1,
                }
            }
            None => {
                let plan = plan(kb, &belief, &options);
                Screen::Causes {
                    causes: likely_causes(kb, journey, &belief),
                    minutes: plan.iter().map(|p| kb.steps[p.step].minutes).sum(),
                    plan,
                }
            }
        };
    }

    let tried = journey
        .events()
        .iter()
        .filter(|e| matches!(e, Event::Tried { .. }))
        .count();
    let plan = plan(kb, &belief, &options);
    let early = journey.events().contains(&Event::HandedOver);
    match plan.first() {
        Some(first) if !early => Screen::Fix {
            step: first.step,
            applied: AppliedStep::for_journey(kb, journey, first.step, options.looked(first.step)),
            reason: reason(kb, journey, &belief, first.step),
            number: tried + 1,
            remaining: plan.iter().map(|p| p.step).collect(),
            relief: first.relief,
            relieved: options.relieved,
        },
        _ => escalate(kb, journey, &belief, early),
    }
}

/// The hand-over. As in the summary, a cause whose main remedy did not help is not named as
/// still likely, however much weight it keeps.
fn escalate(kb: &KnowledgeBase, journey: &Journey, belief: &Belief, early: bool) -> Screen {
    let ruled_out = ruled_out_by_failed_steps(kb, journey);
    let causes: Vec<RankedCause> = likely_causes(kb, journey, belief)
        .into_iter()
        .filter(|c| !ruled_out[c.cause])
        .collect();
    let helpers = who_can_help(kb, &causes);
    // A model not in the list is asked for by name.
    let model_listed = journey
        .answer_to(question::MODEL)
        .is_some_and(|answer| kb.questions[question::MODEL].answers[answer].id != NOT_SURE);
    Screen::Escalate {
        step: AppliedStep::as_written(kb, kb.escalation_id()),
        wants_service_name: helpers.iter().any(|h| h.helper == Helper::MusicService),
        wants_model_name: !model_listed,
        helpers,
        asks: kb
            .question_ids()
            .find(|&q| kb.questions[q].for_summary && journey.answer_to(q).is_none()),
        early,
    }
}

/// The questions still worth asking, in the order to ask them: those asked in any case first,
/// in the knowledge base's order, then the others, the one expected to save the most time
/// first (ties in the knowledge base's order).
fn eligible_questions(kb: &KnowledgeBase, journey: &Journey, belief: &Belief) -> Vec<QuestionId> {
    let options = PlanOptions::for_journey(kb, journey);
    let knows = chance_owner_knows(kb, journey);
    let open: Vec<QuestionId> = kb
        .question_ids()
        .filter(|&q| journey.answer_to(q).is_none())
        .filter(|&q| !kb.questions[q].for_summary)
        .filter(|&q| requirements_met(kb, journey, q))
        .filter(|&q| !given_any(kb, journey, kb.questions[q].moot_after))
        .collect();
    let mut always: Vec<QuestionId> = open
        .iter()
        .copied()
        .filter(|&q| kb.questions[q].always_ask)
        .collect();
    let valued: Vec<(QuestionId, f64)> = open
        .iter()
        .filter(|&&q| !kb.questions[q].always_ask)
        .filter_map(|&q| {
            // The phone can check its own connection, so anyone can answer that question.
            let knows = if kb.questions[q].phone_check {
                1.0
            } else {
                knows
            };
            net_saving(kb, belief, &options, knows, q).map(|saving| (q, saving))
        })
        .collect();
    let savings: Vec<f64> = valued.iter().map(|&(_, saving)| saving).collect();
    always.extend(largest_first(&savings).into_iter().map(|i| valued[i].0));
    always
}

/// The chance that the owner can answer the next question with more than "Not sure".
///
/// An answer of "Not sure" saves nothing, so a question's expected saving is scaled by this
/// chance. It is estimated from the owner's own answers so far (the questions asked in any
/// case left out), starting from two answers in three, the rule of succession with a prior
/// that most owners know most things: an owner who has said "Not sure" again and again is
/// asked fewer further questions, and gets to the steps sooner.
fn chance_owner_knows(kb: &KnowledgeBase, journey: &Journey) -> f64 {
    let (mut known, mut asked) = (0.0, 0.0);
    for event in journey.events() {
        if let Event::Answered { question, answer } = *event {
            let q = &kb.questions[question];
            if !q.always_ask {
                asked += 1.0;
                if q.answers[answer].id != NOT_SURE {
                    known += 1.0;
                }
            }
        }
    }
    (known + 2.0) / (asked + 3.0)
}

fn requirements_met(kb: &KnowledgeBase, journey: &Journey, question: QuestionId) -> bool {
    let requires = kb.questions[question].requires;
    requires.is_empty() || given_any(kb, journey, requires)
}

/// Whether the journey holds any of these answers.
fn given_any(kb: &KnowledgeBase, journey: &Journey, answers: &[Requirement]) -> bool {
    answers
        .iter()
        .any(|r| journey.answer_id(kb, r.question) == Some(r.answer))
}

/// The minutes a question is expected to save beyond what answering it costs, if it earns
/// its place: some answer must change the step the owner would do first (a question that
/// cannot change what the owner does is never asked), and the answers must be expected to
/// save more minutes of troubleshooting than the question costs to answer. The saving is the myopic value of information of decision-theoretic
/// troubleshooting: for each answer, the minutes the plan as it stands would take once that
/// answer is known, less the minutes of the plan that answer leads to, averaged over how
/// likely each answer is. It is what keeps more questions in the knowledge base from meaning
/// more questions asked.
fn net_saving(
    kb: &KnowledgeBase,
    belief: &Belief,
    options: &PlanOptions,
    knows: f64,
    question: QuestionId,
) -> Option<f64> {
    let order = |belief: &Belief, options: &PlanOptions| -> Vec<StepId> {
        plan(kb, belief, options).iter().map(|p| p.step).collect()
    };
    let now = order(belief, options);
    let mut changes_first = false;
    let mut saving = 0.0;
    let probabilities = belief.answer_probabilities(kb, question);
    for (answer, a) in kb.questions[question].answers.iter().enumerate() {
        if a.id == NOT_SURE {
            continue;
        }
        let mut after = belief.clone();
        after.observe_answer(kb, question, answer);
        let options_after = options.after_answer(kb, question, answer);
        let then = order(&after, &options_after);
        changes_first |= then.first() != now.first();
        // The plan as it stands, minus the steps this answer rules out, against the plan this
        // answer leads to.
        let now_after: Vec<StepId> = now
            .iter()
            .copied()
            .filter(|&s| !options_after.is_set_aside(s))
            .collect();
        saving += probabilities[answer]
            * (expected_minutes_to_end(kb, &after, &now_after, &options_after)
                - expected_minutes_to_end(kb, &after, &then, &options_after));
    }
    let net = knows * saving - kb.questions[question].minutes;
    (changes_first && net > 0.0).then_some(net)
}

fn reason(kb: &KnowledgeBase, journey: &Journey, belief: &Belief, step: StepId) -> Reason {
    let probabilities = belief.probabilities();
    let cause = kb.steps[step]
        .fixes
        .iter()
        .max_by(|a, b| {
            (probabilities[a.cause] * a.chance).total_cmp(&(probabilities[b.cause] * b.chance))
        })
        .map(|fix| fix.cause)
        .expect("build/validate.rs checks that every planned step fixes a cause");
    Reason {
        cause,
        because: raising_answers(kb, journey, cause)
            .first()
            .map(|(because, _)| *because),
    }
}
