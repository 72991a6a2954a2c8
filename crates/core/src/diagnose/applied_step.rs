//! A fix step as one owner sees it: the knowledge base's step with the owner's story applied.
//!
//! The same step reads differently along different journeys. In a story of a software update
//! its last line (written for playback) says what to do instead; once an answer has made the
//! step's check ("the speaker shows Offline"), the look is not asked for again and the step goes
//! by its shorter title; a restart drops its "if the error keeps coming back" note for an owner
//! who said it does not. The engine decides all of this here, once, so that every view (the
//! plan, the hand-over, the step's own page) only renders what it is given.

use super::journey::Journey;
use super::plan::PlanOptions;
use crate::kb::{answer, Answer, KnowledgeBase, Prose, Step, StepId, Then};

/// A step with the owner's story applied.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedStep {
    pub id: StepId,
    pub step: &'static Step,
    /// The looked title once the check is done, the step's own title otherwise.
    pub title: &'static str,
    /// The instructions still to follow: in an update story the last one is the update's, and
    /// the check's own lines are gone once an answer has made it.
    pub instructions: Vec<Prose>,
    /// The owner's answer that already made the step's check, in their words.
    pub checked_by: Option<&'static Answer>,
    pub minutes: StepMinutes,
    /// Whether to show the relief note ("if the error keeps coming back"): a relief step,
    /// unless the owner said the error does not come back.
    pub relief_note: bool,
    /// Why the step helps, unless it speaks only of causes the owner's answers have ruled out
    /// (the step's `why_for`): a step never argues from a cause the answers contradict.
    pub why: Option<&'static str>,
}

/// How long a step takes, as the step's page and the plan say it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StepMinutes {
    /// The whole step: its own minutes (with its reason) and, for a step that checks first,
    /// the part that follows a positive check.
    Whole {
        minutes: u32,
        why: &'static str,
        then: Option<&'static Then>,
    },
    /// The check is done: only the part that follows it is left.
    AfterCheck { then: &'static Then },
}

impl AppliedStep {
    /// The step as the knowledge base writes it, for no story in particular (its own page, the
    /// index, the hand-over's support step).
    pub fn as_written(kb: &KnowledgeBase, id: StepId) -> AppliedStep {
        let step = &kb.steps[id];
        AppliedStep {
            id,
            step,
            title: step.title,
            instructions: step.instructions.to_vec(),
            checked_by: None,
            minutes: StepMinutes::Whole {
                minutes: step.minutes,
                why: step.minutes_why,
                then: step.then.as_ref(),
            },
            relief_note: step.relief,
            why: Some(step.why),
        }
    }

    /// The step as this owner's journey has it. `options` are the plan's, for the journey:
    /// whether its answers have already made the step's check, and which causes they rule out.
    pub fn for_journey(
        kb: &KnowledgeBase,
        journey: &Journey,
        id: StepId,
        options: &PlanOptions,
    ) -> AppliedStep {
        let step = &kb.steps[id];
        let looked = options.looked(id);
        let mut applied = AppliedStep::as_written(kb, id);
        if !step.why_for.is_empty() && step.why_for.iter().all(|&c| options.rules_out(kb, c)) {
            applied.why = None;
        }
        if let Some(instead) = step.in_update {
            if journey.gave(answer::WHEN_UPDATE) {
                if let Some(last) = applied.instructions.last_mut() {
                    *last = instead;
                }
            }
        }
        if journey.said_not_recurring(kb) {
            applied.relief_note = false;
        }
        if let (true, Some(title)) = (looked, step.looked_title) {
            applied.title = title;
            if step.look == 0 {
                return applied;
            }
            let done = step.look.min(applied.instructions.len());
            applied.instructions.drain(..done);
            applied.checked_by = step.checked_by.as_ref().and_then(|check| {
                let question = kb.question(check.question)?;
                question.answer(check.answer)
            });
            if let Some(then) = step.then.as_ref() {
                applied.minutes = StepMinutes::AfterCheck { then };
            }
        }
        applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::{replay, Screen};
    use crate::kb::KB;

    fn step(id: &str) -> StepId {
        KB.step_id(id).expect("a step of the knowledge base")
    }

    #[test]
    fn as_written_is_the_knowledge_base_step() {
        let id = step("check-online-restart-router");
        let applied = AppliedStep::as_written(&KB, id);
        assert_eq!(applied.title, KB.steps[id].title);
        assert_eq!(applied.instructions, KB.steps[id].instructions);
        assert!(applied.checked_by.is_none());
    }

    #[test]
    fn a_reported_look_drops_the_check_and_names_the_answer() {
        let id = step("check-online-restart-router");
        let s = &KB.steps[id];
        let offline = KB.question_id("offline").unwrap();
        let yes = KB.questions[offline]
            .answers
            .iter()
            .position(|a| a.id == "yes");
        let journey = Journey::new().with(crate::diagnose::Event::Answered {
            question: offline,
            answer: yes.unwrap(),
        });
        let options = PlanOptions::for_journey(&KB, &journey);
        assert!(options.looked(id));
        let applied = AppliedStep::for_journey(&KB, &journey, id, &options);
        assert_eq!(Some(applied.title), s.looked_title);
        assert_eq!(applied.instructions, &s.instructions[s.look..]);
        assert_eq!(
            applied.checked_by.map(|a| a.id),
            s.checked_by.as_ref().map(|c| c.answer)
        );
        assert!(matches!(applied.minutes, StepMinutes::AfterCheck { .. }));
    }

    #[test]
    fn an_update_story_ends_the_step_with_the_update_line() {
        let id = KB
            .step_ids()
            .find(|&s| KB.steps[s].in_update.is_some())
            .expect("a step with an update ending");
        let update = replay(&KB, "when:update").journey;
        let playback = replay(&KB, "when:playback").journey;
        let in_update =
            AppliedStep::for_journey(&KB, &update, id, &PlanOptions::for_journey(&KB, &update));
        let in_playback = AppliedStep::for_journey(
            &KB,
            &playback,
            id,
            &PlanOptions::for_journey(&KB, &playback),
        );
        assert_eq!(
            in_update.instructions.last().copied(),
            KB.steps[id].in_update
        );
        assert_eq!(in_playback.instructions, KB.steps[id].instructions);
    }

    #[test]
    fn the_plan_hands_its_screens_finished_steps() {
        let answer = |question: &str, answer: &str| {
            let q = KB.question_id(question).expect("a question");
            let a = KB.questions[q].answers.iter().position(|a| a.id == answer);
            crate::diagnose::Event::Answered {
                question: q,
                answer: a.expect("an answer"),
            }
        };
        let mut journey = crate::diagnose::Journey::new()
            .with(answer("when", "playback"))
            .with(answer("offline", "yes"));
        let mut screen = crate::diagnose::next(&KB, &journey);
        // Answer "Not sure" to whatever else is asked, then begin the plan.
        while let Screen::Ask { question, .. } = screen {
            let not_sure = KB.questions[question].answers.len() - 1;
            journey = journey.with(crate::diagnose::Event::Answered {
                question,
                answer: not_sure,
            });
            screen = crate::diagnose::next(&KB, &journey);
        }
        journey = journey.with(crate::diagnose::Event::BeganPlan);
        let Screen::Fix { step, applied, .. } = crate::diagnose::next(&KB, &journey) else {
            panic!("expected a fix step");
        };
        assert_eq!(applied.id, step);
        assert_eq!(Some(applied.title), KB.steps[step].looked_title);
    }
}
