//! The plain-text summary an owner sends to Sonos support when the plan runs out.

use super::belief::Belief;
use super::journey::{Event, Journey, Outcome};
use crate::kb::{KnowledgeBase, NOT_SURE};

/// A summary of the journey: speaker, answers, steps tried and their outcomes, and the causes
/// that remain most likely. Plain text, so it pastes into any e-mail or chat.
pub fn support_summary(kb: &KnowledgeBase, journey: &Journey) -> String {
    let mut lines =
        vec!["Sonos error 1002: troubleshooting summary (prepared with Fix 1002)".to_owned()];

    let model = kb
        .questions
        .iter()
        .position(|q| q.id == "model")
        .and_then(|q| journey.answer_to(q).map(|a| &kb.questions[q].answers[a]));
    let model = match model {
        Some(answer) if answer.id != NOT_SURE => answer.label,
        _ => "not stated",
    };
    lines.push(format!("Speaker: {model}"));

    lines.push(String::new());
    lines.push("Answers:".to_owned());
    for event in &journey.events {
        if let Event::Answered { question, answer } = *event {
            let q = &kb.questions[question];
            lines.push(format!("- {} {}", q.text, q.answers[answer].label));
        }
    }

    lines.push(String::new());
    lines.push("Steps tried:".to_owned());
    let mut any = false;
    for event in &journey.events {
        if let Event::Tried { step, outcome } = *event {
            any = true;
            let result = match outcome {
                Outcome::Fixed => "fixed it",
                Outcome::NotFixed => "did not help",
                Outcome::Skipped => "could not do it",
            };
            lines.push(format!("- {}: {result}", kb.steps[step].title));
        }
    }
    if !any {
        lines.push("- none yet".to_owned());
    }

    let belief = Belief::after(kb, journey);
    let probabilities = belief.probabilities();
    let mut order: Vec<usize> = (0..kb.causes.len()).collect();
    order.sort_by(|&a, &b| probabilities[b].total_cmp(&probabilities[a]));
    lines.push(String::new());
    lines.push("Causes still most likely (Fix 1002's estimate):".to_owned());
    for &cause in order.iter().take(3) {
        lines.push(format!(
            "- {} ({:.0}%)",
            kb.causes[cause].title,
            probabilities[cause] * 100.0
        ));
    }
    lines.join("\n")
}
