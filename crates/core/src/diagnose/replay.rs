//! Reading a journey back from its text form: the engine's one way in from a link or from
//! local storage.

use super::journey::{read_events, Journey};
use super::screen::{next, Screen};
use crate::kb::KnowledgeBase;

/// A journey read back from text, and the screen it leads to.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    pub journey: Journey,
    pub screen: Screen,
}

impl Replayed {
    /// A journey already read back, with the screen it leads to.
    pub fn of(kb: &KnowledgeBase, journey: Journey) -> Replayed {
        Replayed {
            screen: next(kb, &journey),
            journey,
        }
    }
}

/// Replays a journey's text form through the engine, keeping the longest valid beginning.
///
/// Each event is kept only if the screen reached so far accepts it, so a hand-edited, truncated
/// or outdated link can never produce an impossible state: it reopens at the last point that
/// still makes sense.
pub fn replay(kb: &KnowledgeBase, text: &str) -> Replayed {
    let mut journey = Journey::new();
    let mut screen = next(kb, &journey);
    for event in read_events(kb, text) {
        let Some(event) = event else { break };
        if !screen.accepts(event) {
            break;
        }
        journey = journey.with(event);
        screen = next(kb, &journey);
    }
    Replayed { journey, screen }
}
