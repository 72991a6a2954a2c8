//! What the help widget tells the page that embeds it about an owner's way through the
//! troubleshooting flow (issue 27): which question is asked, the likely causes, which step is
//! offered, how it went, and that a step fixed it. So a help site can count the journeys the
//! widget resolved without reading anything the owner wrote.
//!
//! Events carry ids from the knowledge base and outcomes, never text: no answer's words, no
//! typed name, no note. (The one payload with the owner's words, the hand-over to the site's
//! own support, is sent only on the owner's click and is built by the hand-over screen, not
//! here.) The payload's shape is versioned by [`VERSION`]; README.md documents each.
//!
//! They are read off the journey, the flow's only state: the events of moving from the journey
//! before to the one after, whichever module or link moved it.

use crate::diagnose::{next, Event, Journey, Outcome, Screen};
use crate::kb::KnowledgeBase;

/// The payloads' version. A change to any payload's fields is a new version.
pub const VERSION: u32 = 1;

/// One thing that happened in the flow, as the host page is told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetEvent {
    /// A question is on screen (`number` counts from 1).
    Question {
        question: &'static str,
        number: usize,
    },
    /// The likely causes are on screen, likeliest first.
    Plan { causes: Vec<&'static str> },
    /// A fix step is on screen (`number` counts the steps offered so far).
    Step { step: &'static str, number: usize },
    /// The owner said how a step went.
    Outcome {
        step: &'static str,
        outcome: &'static str,
    },
    /// A step fixed the problem: the journey is resolved.
    Resolved { step: &'static str },
}

/// A payload's field value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Id(&'static str),
    Number(usize),
    Ids(Vec<&'static str>),
}

impl WidgetEvent {
    /// The event's name, as the host subscribes to it (`Fix1002('on', 'question', …)`).
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Question { .. } => "question",
            WidgetEvent::Plan { .. } => "plan",
            WidgetEvent::Step { .. } => "step",
            WidgetEvent::Outcome { .. } => "outcome",
            WidgetEvent::Resolved { .. } => "resolved",
        }
    }

    /// The payload's fields besides its name and version.
    pub fn fields(&self) -> Vec<(&'static str, Field)> {
        match self {
            WidgetEvent::Question { question, number } => vec![
                ("question", Field::Id(question)),
                ("number", Field::Number(*number)),
            ],
            WidgetEvent::Plan { causes } => vec![("causes", Field::Ids(causes.clone()))],
            WidgetEvent::Step { step, number } => {
                vec![
                    ("step", Field::Id(step)),
                    ("number", Field::Number(*number)),
                ]
            }
            WidgetEvent::Outcome { step, outcome } => {
                vec![("step", Field::Id(step)), ("outcome", Field::Id(outcome))]
            }
            WidgetEvent::Resolved { step } => vec![("step", Field::Id(step))],
        }
    }
}

/// An outcome's name in a payload.
pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Fixed => "fixed",
        Outcome::ForNow => "fixed-for-now",
        Outcome::NotFixed => "not-fixed",
        Outcome::Skipped => "skipped",
    }
}

/// The events of moving from `before` to `after`, in the order they happened: each step's
/// outcome the owner gave since, then the screen `after` shows. Going back or starting over
/// tells only the screen the owner is on now. The hand-over screen has no event of its own:
/// the hand-over is told when the owner sends it.
pub fn events(kb: &KnowledgeBase, before: &Journey, after: &Journey) -> Vec<WidgetEvent> {
    if before == after {
        return Vec::new();
    }
    let mut told = Vec::new();
    if let Some(new) = after.events().strip_prefix(before.events()) {
        for event in new {
            if let Event::Tried { step, outcome } = *event {
                told.push(WidgetEvent::Outcome {
                    step: kb.steps[step].id,
                    outcome: outcome_name(outcome),
                });
            }
        }
    }
    told.extend(screen_event(kb, after));
    told
}

/// The event of the screen `journey` shows: what the host is told when the owner arrives
/// there. None for the hand-over screen.
pub fn screen_event(kb: &KnowledgeBase, journey: &Journey) -> Option<WidgetEvent> {
    Some(match next(kb, journey) {
        Screen::Ask { question, number } => WidgetEvent::Question {
            question: kb.questions[question].id,
            number,
        },
        Screen::Causes { causes, .. } => WidgetEvent::Plan {
            causes: causes.iter().map(|c| kb.causes[c.cause].id).collect(),
        },
        Screen::Fix { step, number, .. } => WidgetEvent::Step {
            step: kb.steps[step].id,
            number,
        },
        Screen::Resolved { step } => WidgetEvent::Resolved {
            step: kb.steps[step].id,
        },
        Screen::Escalate { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::replay;
    use crate::kb::KB;

    fn journey(text: &str) -> Journey {
        let replayed = replay(&KB, text);
        assert_eq!(
            replayed.journey.encode(&KB),
            text,
            "a journey the flow accepts"
        );
        replayed.journey
    }

    #[test]
    fn the_first_question_then_each_answer_tells_the_next_question() {
        let start = Journey::new();
        assert_eq!(
            events(&KB, &start, &start),
            vec![],
            "nothing moved, nothing told"
        );
        let when = journey("when:update");
        let told = events(&KB, &start, &when);
        assert_eq!(told.len(), 1);
        let WidgetEvent::Question { question, number } = &told[0] else {
            panic!("{told:?}")
        };
        assert_eq!(*number, 2);
        assert_ne!(*question, "when");
        // Starting over tells the first question again.
        assert_eq!(
            events(&KB, &when, &start),
            vec![WidgetEvent::Question {
                question: "when",
                number: 1
            }]
        );
    }

    /// A whole journey, one event at a time, from the screens the engine gives.
    fn walk(choose_outcome: impl Fn(usize) -> Outcome) -> (Journey, Vec<WidgetEvent>) {
        let mut journey = Journey::new();
        let mut told = Vec::new();
        for _ in 0..60 {
            let event = match next(&KB, &journey) {
                Screen::Ask { question, .. } => Event::Answered {
                    question,
                    answer: 0,
                },
                Screen::Causes { .. } => Event::BeganPlan,
                Screen::Fix { step, number, .. } => Event::Tried {
                    step,
                    outcome: choose_outcome(number),
                },
                Screen::Resolved { .. } | Screen::Escalate { .. } => break,
            };
            let after = journey.with(event);
            told.extend(events(&KB, &journey, &after));
            journey = after;
        }
        (journey, told)
    }

    #[test]
    fn a_resolved_journey_tells_plan_steps_outcomes_and_resolved_in_order() {
        let (_, told) = walk(|number| {
            if number == 2 {
                Outcome::Fixed
            } else {
                Outcome::NotFixed
            }
        });
        let names: Vec<&str> = told.iter().map(WidgetEvent::name).collect();
        let plan = names.iter().position(|n| *n == "plan").expect("a plan");
        assert!(names[..plan].iter().all(|n| *n == "question"), "{names:?}");
        assert_eq!(
            &names[plan..],
            ["plan", "step", "outcome", "step", "outcome", "resolved"]
        );
        let WidgetEvent::Plan { causes } = &told[plan] else {
            unreachable!()
        };
        assert!(!causes.is_empty());
        assert!(causes
            .iter()
            .all(|id| KB.causes.iter().any(|c| c.id == *id)));
        let (
            WidgetEvent::Step { step, .. },
            WidgetEvent::Outcome {
                step: tried,
                outcome,
            },
        ) = (&told[plan + 3], &told[plan + 4])
        else {
            panic!("{told:?}")
        };
        assert_eq!((step, *outcome), (tried, "fixed"));
        assert_eq!(told.last(), Some(&WidgetEvent::Resolved { step }));
    }

    #[test]
    fn payloads_hold_ids_and_outcomes_only() {
        let (_, told) = walk(|_| Outcome::NotFixed);
        let ids: Vec<&str> = KB
            .questions
            .iter()
            .map(|q| q.id)
            .chain(KB.steps.iter().map(|s| s.id))
            .chain(KB.causes.iter().map(|c| c.id))
            .chain(["fixed", "fixed-for-now", "not-fixed", "skipped"])
            .collect();
        for event in &told {
            for (_, field) in event.fields() {
                let values = match field {
                    Field::Id(id) => vec![id],
                    Field::Ids(list) => list,
                    Field::Number(_) => vec![],
                };
                for value in values {
                    assert!(ids.contains(&value), "{value} in {event:?}");
                }
            }
        }
        assert!(told.iter().any(|e| e.name() == "outcome"));
    }
}
