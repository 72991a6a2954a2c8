//! The journey: everything the owner has told the flow, in order, and its compact text form
//! for the URL (`when:playback,model:one,plan,readd-service-account:no`).

use crate::kb::KnowledgeBase;

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

/// One thing the owner did in the flow. Indices point into the knowledge base's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Answered {
        question: usize,
        answer: usize,
    },
    /// Moved on from the likely causes to the fix plan.
    BeganPlan,
    /// Chose to contact Sonos support before the plan ran out.
    HandedOver,
    Tried {
        step: usize,
        outcome: Outcome,
    },
}

/// The owner's journey so far. Build one with [`Journey::parse`] or by pushing events that
/// the current [`crate::diagnose::Screen`] accepts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journey {
    pub events: Vec<Event>,
}

/// The token that stands for [`Event::BeganPlan`].
const BEGAN_PLAN: &str = "plan";
/// The token that stands for [`Event::HandedOver`].
const HANDED_OVER: &str = "support";

impl Journey {
    pub fn new() -> Journey {
        Journey::default()
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

    /// The answer given to a question, if it was asked.
    pub fn answer_to(&self, question: usize) -> Option<usize> {
        self.events.iter().find_map(|e| match *e {
            Event::Answered {
                question: q,
                answer,
            } if q == question => Some(answer),
            _ => None,
        })
    }

    /// Whether an answer says the problem keeps coming back.
    pub fn recurring(&self, kb: &KnowledgeBase) -> bool {
        self.events.iter().any(|e| match *e {
            Event::Answered { question, answer } => {
                kb.questions[question].answers[answer].recurring
            }
            _ => false,
        })
    }

    /// Whether a relief step has brought the music back for now.
    pub fn relieved(&self) -> bool {
        self.events.iter().any(|e| {
            matches!(
                e,
                Event::Tried {
                    outcome: Outcome::ForNow,
                    ..
                }
            )
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

    /// Reads the text form back, keeping the longest valid beginning.
    ///
    /// Each token is replayed through the engine and kept only if it is what the flow would
    /// accept at that point, so a hand-edited, truncated or outdated link can never produce an
    /// impossible state: it reopens at the last point that still makes sense.
    pub fn parse(kb: &KnowledgeBase, text: &str) -> Journey {
        let mut journey = Journey::new();
        for token in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let Some(event) = decode_token(kb, token) else {
                break;
            };
            if !crate::diagnose::screen::next(kb, &journey).accepts(event) {
                break;
            }
            journey.events.push(event);
        }
        journey
    }
}

fn decode_token(kb: &KnowledgeBase, token: &str) -> Option<Event> {
    if token == BEGAN_PLAN {
        return Some(Event::BeganPlan);
    }
    if token == HANDED_OVER {
        return Some(Event::HandedOver);
    }
    let (head, tail) = token.split_once(':')?;
    if let Some(question) = kb.questions.iter().position(|q| q.id == head) {
        let answer = kb.questions[question]
            .answers
            .iter()
            .position(|a| a.id == tail)?;
        return Some(Event::Answered { question, answer });
    }
    let step = kb.step_index(head)?;
    Some(Event::Tried {
        step,
        outcome: Outcome::from_token(tail)?,
    })
}
