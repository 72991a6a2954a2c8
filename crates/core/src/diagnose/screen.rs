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
    /// already failed, any an answer ruled out, or any of the other scenario), each with its
    /// causes, likeliest first; Sonos support is always there.
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
                    causes: likely_causes(kb, journey, &belief, &options),
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
            applied: AppliedStep::for_journey(kb, journey, first.step, &options),
            reason: reason(kb, journey, &belief, &options, first.step),
            number: tried + 1,
            remaining: plan.iter().map(|p| p.step).collect(),
            relief: first.relief,
            relieved: options.relieved,
        },
        _ => escalate(kb, journey, &belief, &options, early),
    }
}

/// The hand-over. As in the summary, a cause whose main remedy did not help is not named as
/// still likely, however much weight it keeps; nor is one the answers leave out
/// ([`PlanOptions::rules_out`]): an answer ruled it out, or it belongs to the other scenario
/// than the owner's (issue 23: a playback story listed "Other traffic fills your internet
/// upload", a cause of updates only).
fn escalate(
    kb: &KnowledgeBase,
    journey: &Journey,
    belief: &Belief,
    options: &PlanOptions,
    early: bool,
) -> Screen {
    let ruled_out = ruled_out_by_failed_steps(kb, journey);
    let causes: Vec<RankedCause> = likely_causes(kb, journey, belief, options)
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
/// first (ties in the knowledge base's order). A question is worth asking when [`net_saving`]
/// says so, its saving scaled by the chance that this owner knows the answer: the question's
/// own chance times [`owner_record`].
fn eligible_questions(kb: &KnowledgeBase, journey: &Journey, belief: &Belief) -> Vec<QuestionId> {
    let options = PlanOptions {
        valuing: true,
        ..PlanOptions::for_journey(kb, journey)
    };
    let record = owner_record(kb, journey);
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
            let knows = (kb.questions[q].known * record).min(1.0);
            net_saving(kb, belief, &options, knows, q).map(|saving| (q, saving))
        })
        .collect();
    let savings: Vec<f64> = valued.iter().map(|&(_, saving)| saving).collect();
    always.extend(largest_first(&savings).into_iter().map(|i| valued[i].0));
    always
}

/// How this owner's answers so far compare with what owners in general know, as a factor on
/// each question's own chance of being answered ([`crate::kb::Question::known`]).
///
/// The chance belongs to the question: whether the laptop reaches websites is almost always
/// known, which Wi-Fi features the router has often is not. Earlier "Not sure" answers move it
/// only by how surprising they were: the factor is (answers known + 4) / (answers expected + 4),
/// where a question answered counts 1 if known and is expected to be known with its own
/// chance. A "Not sure" to the router's band steering (expected 0.35) barely moves it; "Not
/// sure" to three questions that nine owners in ten can answer halves it. The 4 is a prior
/// worth four answers, so that one answer moves little (the factor is 1 before any answer).
///
/// Decision (issue 23): no `kind` of question. The knowledge base's questions would make
/// kinds of two to four questions each, most asked in one scenario only, so a kind would
/// rarely hold an earlier answer to learn from; and weighing each answer by its own question's
/// chance already keeps a "Not sure" to a technical question from counting against the easy
/// ones, which was the fault of the journey-wide estimate this replaces. Measured on the story
/// benchmark (examples/bench_stories.rs, 41 stories): with each question's own chance alone, no
/// factor, the flow asked 5.27 questions on average and one story 10; with this factor 5.00 and
/// at most 7, with the same first steps.
fn owner_record(kb: &KnowledgeBase, journey: &Journey) -> f64 {
    let (mut known, mut expected) = (0.0, 0.0);
    for event in journey.events() {
        if let Event::Answered { question, answer } = *event {
            let q = &kb.questions[question];
            if !q.always_ask {
                expected += q.known;
                if q.answers[answer].id != NOT_SURE {
                    known += 1.0;
                }
            }
        }
    }
    (known + OWNER_PRIOR) / (expected + OWNER_PRIOR)
}

/// How many answers' worth of weight the owner's record starts with: see [`owner_record`].
const OWNER_PRIOR: f64 = 4.0;

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
/// its place. The saving is the myopic value of information of decision-theoretic
/// troubleshooting: for each answer, the minutes the plan as it stands would take once that
/// answer is known, less the minutes of the plan that answer leads to, averaged over how
/// likely each answer is, then scaled by `knows` (a "Not sure" saves nothing).
///
/// The rule, decided with the story benchmark (issue 23): a question is asked only when some
/// answer would change the step the owner does first, and its expected saving beyond its cost
/// is positive. A question whose answers only reorder the later steps, or let the owner skip a
/// long one further on, is not asked. Measured with each question's own chance and no owner
/// record, dropping the first-step condition left the benchmark's 41 stories with the same
/// first steps and ranks (mean rank 1.12, 93% acceptable) but asked 6.20 questions on average
/// instead of 5.27, eleven in one story instead of ten, and took 4.3 expected minutes until the
/// right step instead of 3.8: the later steps are re-planned after every step that fails,
/// so what a question would change there is mostly learnt anyway, and asking up front costs
/// every owner. It is also what keeps more questions in the knowledge base from meaning more
/// questions asked.
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

/// Why `step` is offered: the cause it is likeliest to fix, among those the answers leave
/// open (issue 23: after "No, it shows Online" the restart no longer "addresses" a speaker that
/// lost its Wi-Fi). The plan offers a step only while an answer has not ruled out every cause
/// it fixes, so one is left; the router step, which the knowledge base words for an update
/// too, is the one step an update story can be offered for the playback guide's causes alone,
/// and then names the likelier of those.
fn reason(
    kb: &KnowledgeBase,
    journey: &Journey,
    belief: &Belief,
    options: &PlanOptions,
    step: StepId,
) -> Reason {
    let probabilities = belief.probabilities();
    let fixes = kb.steps[step].fixes;
    let likeliest = |keep: &dyn Fn(usize) -> bool| {
        fixes
            .iter()
            .filter(|fix| keep(fix.cause))
            .max_by(|a, b| {
                (probabilities[a.cause] * a.chance).total_cmp(&(probabilities[b.cause] * b.chance))
            })
            .map(|fix| fix.cause)
    };
    let cause = likeliest(&|c| !options.rules_out(kb, c))
        .or_else(|| likeliest(&|c| !options.is_contradicted(c)))
        .or_else(|| likeliest(&|_| true))
        .unwrap_or_default();
    Reason {
        cause,
        because: raising_answers(kb, journey, cause)
            .first()
            .map(|(because, _)| *because),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KB;

    fn not_sure(question: &str) -> Event {
        let q = KB.question_id(question).unwrap();
        Event::Answered {
            question: q,
            answer: KB.questions[q]
                .answers
                .iter()
                .position(|a| a.id == NOT_SURE)
                .unwrap(),
        }
    }

    #[test]
    fn a_not_sure_counts_by_how_likely_the_question_was_to_be_known() {
        // Before any answer, each question keeps its own chance.
        assert_eq!(owner_record(&KB, &Journey::new()), 1.0);
        // "Not sure" to a router setting few owners know says little about the owner; the same
        // to whether they retried the update, which nearly all know, says more.
        let technical = owner_record(&KB, &Journey::new().with(not_sure("network-layout")));
        let easy = owner_record(&KB, &Journey::new().with(not_sure("retries")));
        assert!(easy < technical && technical < 1.0, "{easy} {technical}");
        assert!(technical > 0.9, "{technical}");
    }

    #[test]
    fn the_question_asked_in_any_case_leaves_the_record_alone() {
        let journey = Journey::new().with(not_sure("when"));
        assert_eq!(owner_record(&KB, &journey), 1.0);
    }
}
