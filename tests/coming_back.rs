//! Coming back to Fix 1002 (issue 23 §4): the support summary carries when it was prepared and
//! the owner's own notes, and an error that came back after a fix leads into the recurring
//! problem's path.

mod support;

use fix1002_core::diagnose::{came_back, fixed_by, next, support_summary, Event, Outcome, Screen};
use fix1002_core::diagnose::{Journey, TypedNames};
use fix1002_core::kb::{answer, question, KB};
use support::answer_all;

/// A playback story with every question answered, the plan begun, and its first step fixed.
fn fixed_story() -> Journey {
    let (journey, _) = answer_all(&[
        ("when", "playback"),
        ("recurring", "no"),
        ("services", "one"),
    ]);
    let journey = journey.with(Event::BeganPlan);
    let Screen::Fix { step, .. } = next(&KB, &journey) else {
        panic!("the plan begins with a step");
    };
    journey.with(Event::Tried {
        step,
        outcome: Outcome::Fixed,
    })
}

#[test]
fn the_summary_says_when_it_was_prepared_as_the_caller_describes_it() {
    let (journey, _) = answer_all(&[("when", "playback")]);
    let named = TypedNames::default();
    let summary = support_summary(&KB, &journey, &named, false, Some("3 December 2026, 21:05"));
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(lines[1], "Prepared: 3 December 2026, 21:05", "{summary}");
    // Without a time (no clock to ask), the line is left out rather than left blank.
    let undated = support_summary(&KB, &journey, &named, false, None);
    assert!(!undated.contains("Prepared"), "{undated}");
    assert!(!support_summary(&KB, &journey, &named, false, Some("  ")).contains("Prepared"));
}

#[test]
fn the_owners_notes_close_the_summary_as_typed_and_never_as_markup() {
    let (journey, _) = answer_all(&[("when", "playback")]);
    let named = TypedNames {
        notes: "\n  It started after the new router.\r\nKitchen <b>only</b> & the Roam  \n\n"
            .to_owned(),
        ..TypedNames::default()
    };
    let summary = support_summary(&KB, &journey, &named, false, None);
    assert!(
        summary.ends_with(
            "\n\nNotes from the owner:\nIt started after the new router.\nKitchen <b>only</b> & the Roam"
        ),
        "{summary}"
    );
    // No notes, no heading for them.
    let without = support_summary(&KB, &journey, &TypedNames::default(), false, None);
    assert!(!without.contains("Notes from the owner"), "{without}");
}

#[test]
fn a_journey_that_ended_with_a_fix_names_the_step_and_no_other_does() {
    let fixed = fixed_story();
    let Some(&Event::Tried { step, .. }) = fixed.events().last() else {
        panic!("the story ends with a step");
    };
    assert_eq!(fixed_by(&fixed), Some(step));
    assert_eq!(fixed_by(&fixed.back()), None);
    assert_eq!(fixed_by(&Journey::new()), None);
}

#[test]
fn an_error_that_came_back_starts_the_recurring_path_with_the_earlier_answers() {
    let fixed = fixed_story();
    let again = came_back(&KB, &fixed);
    // Said "no" last time; now it has come back.
    assert_eq!(
        again.answer_to(question::RECURRING),
        Some(answer::RECURRING_YES.index())
    );
    // The other answers are given again, and nothing of the old plan is carried over.
    assert_eq!(
        again.answer_id(&KB, "when"),
        fixed.answer_id(&KB, "when"),
        "{again:?}"
    );
    assert_eq!(again.answer_id(&KB, "services"), Some("one"));
    assert!(again
        .events()
        .iter()
        .all(|e| matches!(e, Event::Answered { .. })));
    // Every earlier answer was asked for, so the owner lands on the likely causes, and the
    // plan is made for a problem that keeps coming back.
    assert!(matches!(next(&KB, &again), Screen::Causes { .. }));
    let Screen::Fix { step, .. } = next(&KB, &again.with(Event::BeganPlan)) else {
        panic!("a plan");
    };
    assert!(!KB.steps[step].relief, "a lasting fix comes first");
}

#[test]
fn coming_back_without_earlier_answers_stops_at_the_first_question_left_to_answer() {
    let again = came_back(&KB, &Journey::new());
    // Nothing known: the first question is the owner's, as on any new check.
    assert!(again.is_empty());
    assert!(matches!(next(&KB, &again), Screen::Ask { .. }));
}
