//! The journey: everything the owner has told the flow, in order, and its compact text form
//! for the URL (`when:playback,recurring:no,plan,readd-service-account:no`).
//!
//! The text form is written and read only here. Reading it back is not enough to trust it,
//! though: a link can be hand-edited, cut short or made by an older release. The engine's
//! [`crate::diagnose::replay`] keeps each event only if the flow would accept it at that point.

use crate::kb::{AnswerId, KnowledgeBase, QuestionId, StepId, NOT_SURE};

/// What a step did, as the owner reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// "Yes, that fixed it."
    Fixed,
    /// "No, still error 1002."
    NotFixed,
    /// "I can't do this": the step is set aside without learning anything from it.
    Skipped,
    /// "Fixed for now", for a relief step when the problem keeps coming back: the music plays
    /// again, but the owner stays on the plan for the lasting fix.
    ForNow,
}

impl Outcome {
    fn token(self) -> &'static str {
        match self {
            Outcome::Fixed => "fixed",
            Outcome::NotFixed => "no",
            Outcome::Skipped => "skip",
            Outcome::ForNow => "for-now",
        }
    }

    fn from_token(token: &str) -> Option<Outcome> {
        match token {
            "fixed" => Some(Outcome::Fixed),
            "no" => Some(Outcome::NotFixed),
            "skip" => Some(Outcome::Skipped),
            "for-now" => Some(Outcome::ForNow),
            _ => None,
        }
    }
}

/// One thing the owner did in the flow. `answer` is the position among the question's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Answered {
        question: QuestionId,
        answer: usize,
    },
    /// Moved on from the likely causes to the fix plan.
    BeganPlan,
    /// Chose to contact Sonos support before the plan ran out.
    HandedOver,
    Tried {
        step: StepId,
        outcome: Outcome,
    },
}

/// The owner's journey so far. Read one from its text form with
/// [`crate::diagnose::replay`], or extend one with the events the current
/// [`crate::diagnose::Screen`] accepts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journey {
    events: Vec<Event>,
}

/// The token that stands for [`Event::BeganPlan`].
const BEGAN_PLAN: &str = "plan";
/// The token that stands for [`Event::HandedOver`].
const HANDED_OVER: &str = "support";

impl Journey {
    pub const fn new() -> Journey {
        Journey { events: Vec::new() }
    }

    /// A copy with one more event.
    pub fn with(&self, event: Event) -> Journey {
        let mut events = self.events.clone();
        events.push(event);
        Journey { events }
    }

    /// A copy without the last event: the flow's Back.
    pub fn back(&self) -> Journey {
        let mut events = self.events.clone();
        events.pop();
        Journey { events }
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The events, first first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The answer given to a question, if it was asked.
    pub fn answer_to(&self, question: QuestionId) -> Option<usize> {
        self.events.iter().find_map(|e| match *e {
            Event::Answered {
                question: q,
                answer,
            } if q == question => Some(answer),
            _ => None,
        })
    }

    /// Whether the journey gave this answer.
    pub fn gave(&self, answer: AnswerId) -> bool {
        self.answer_to(answer.question()) == Some(answer.index())
    }

    /// The id of the answer given to the question with id `question` (`"when"` → `"update"`),
    /// if it was asked.
    pub fn answer_id(&self, kb: &KnowledgeBase, question: &str) -> Option<&'static str> {
        let q = kb.question_id(question)?;
        self.answer_to(q).map(|a| kb.questions[q].answers[a].id)
    }

    /// Whether the owner said the error does not keep coming back: a question that offers a
    /// recurring answer got another answer, and not "Not sure".
    pub fn said_not_recurring(&self, kb: &KnowledgeBase) -> bool {
        self.events.iter().any(|event| match *event {
            Event::Answered { question, answer } => {
                let answers = kb.questions[question].answers;
                let given = &answers[answer];
                answers.iter().any(|a| a.recurring) && !given.recurring && given.id != NOT_SURE
            }
            _ => false,
        })
    }

    /// The compact text form used in the URL and in local storage.
    pub fn encode(&self, kb: &KnowledgeBase) -> String {
        let tokens: Vec<String> = self
            .events
            .iter()
            .map(|event| match *event {
                Event::Answered { question, answer } => {
                    let q = &kb.questions[question];
                    format!("{}:{}", q.id, q.answers[answer].id)
                }
                Event::BeganPlan => BEGAN_PLAN.to_owned(),
                Event::HandedOver => HANDED_OVER.to_owned(),
                Event::Tried { step, outcome } => {
                    format!("{}:{}", kb.steps[step].id, outcome.token())
                }
            })
            .collect();
        tokens.join(",")
    }
}

/// The events a text form names, in order, `None` for a token that names nothing (an
/// unknown id, a typo). Whether each event may come where it does is the engine's to judge.
pub(super) fn read_events<'a>(
    kb: &'a KnowledgeBase,
    text: &'a str,
) -> impl Iterator<Item = Option<Event>> + 'a {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|token| read_token(kb, token))
}

fn read_token(kb: &KnowledgeBase, token: &str) -> Option<Event> {
    match token {
        BEGAN_PLAN => return Some(Event::BeganPlan),
        HANDED_OVER => return Some(Event::HandedOver),
        _ => {}
    }
    let (head, tail) = token.split_once(':')?;
    if let Some(question) = kb.question_id(head) {
        let answer = kb.questions[question]
            .answers
            .iter()
            .position(|a| a.id == tail)?;
        return Some(Event::Answered { question, answer });
    }
    Some(Event::Tried {
        step: kb.step_id(head)?,
        outcome: Outcome::from_token(tail)?,
    })
}
