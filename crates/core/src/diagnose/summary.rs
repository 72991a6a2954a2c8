//! The plain-text summary an owner sends to Sonos support, at the end of the plan or whenever
//! the owner chooses to contact support.

use super::belief::Belief;
use super::journey::{Event, Journey, Outcome};
use super::largest_first::largest_first;
use super::likely::{main_remedy_for, ruled_out_by_failed_steps};
use super::plan::plan;
use super::plan::PlanOptions;
use crate::kb::{question, KnowledgeBase, StepId, NOT_SURE};

/// Steps outside the plan are listed as untried only if at least this likely to help: the
/// update steps mean nothing to someone whose music will not play.
const WORTH_LISTING: f64 = 0.01;

/// What the owner typed for the summary, in their own words: a speaker model the list does
/// not have (Roam, Sub, Ray…), the music service that fails, and free notes for support.
/// Kept on the device, never in the link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedNames {
    pub model: String,
    pub service: String,
    pub notes: String,
}

/// A summary of the journey: when it was prepared, speaker, music service, answers, steps
/// tried and their outcomes, the steps not tried yet, the causes that remain most likely, and
/// the owner's notes. Plain text, so it pastes into any e-mail or chat. `service_matters` adds
/// the music-service line even when none was named, so that support sees it is missing.
/// `prepared` is the date and time in the owner's own words: the engine has no clock, so the
/// caller describes the moment (the web layer, in the reader's language and time zone).
pub fn support_summary(
    kb: &KnowledgeBase,
    journey: &Journey,
    named: &TypedNames,
    service_matters: bool,
    prepared: Option<&str>,
) -> String {
    let mut lines =
        vec!["Sonos error 1002: troubleshooting summary (prepared with Fix 1002)".to_owned()];
    if let Some(when) = prepared.map(str::trim).filter(|w| !w.is_empty()) {
        lines.push(format!("Prepared: {when}"));
    }

    let model = journey
        .answer_to(question::MODEL)
        .map(|a| &kb.questions[question::MODEL].answers[a]);
    let typed_model = named.model.trim();
    let model = match model {
        Some(answer) if answer.id != NOT_SURE => answer.label.to_owned(),
        _ if !typed_model.is_empty() => typed_model.to_owned(),
        _ => "not stated".to_owned(),
    };
    lines.push(format!("Speaker: {model}"));
    let service = named.service.trim();
    if !service.is_empty() {
        lines.push(format!("Music service that fails: {service}"));
    } else if service_matters {
        lines.push("Music service that fails: not stated".to_owned());
    }

    lines.push(String::new());
    lines.push("Answers:".to_owned());
    for event in journey.events() {
        if let Event::Answered { question, answer } = *event {
            let q = &kb.questions[question];
            if !q.for_summary {
                lines.push(format!("- {} {}", q.text, q.answers[answer].label));
            }
        }
    }

    lines.push(String::new());
    lines.push("Steps tried:".to_owned());
    let mut tried = vec![false; kb.steps.len()];
    let set_aside = ruled_out_by_failed_steps(kb, journey);
    for event in journey.events() {
        if let Event::Tried { step, outcome } = *event {
            tried[step.index()] = true;
            let result = match outcome {
                Outcome::Fixed => "fixed it",
                Outcome::NotFixed => "did not help",
                Outcome::Skipped => "could not do it",
                Outcome::ForNow => "fixed it for now, but the error keeps coming back",
            };
            let mut line = format!("- {}: {result}", kb.steps[step].title);
            if outcome == Outcome::NotFixed {
                let remedied: Vec<&str> = main_remedy_for(kb, step)
                    .map(|cause| kb.causes[cause].title)
                    .collect();
                if !remedied.is_empty() {
                    // As written: lower-casing would pull Unicode's case tables into the
                    // first download.
                    line.push_str(&format!(" (so less likely: {})", remedied.join("; ")));
                }
            }
            lines.push(line);
        }
    }
    if !tried.contains(&true) {
        lines.push("- none yet".to_owned());
    }

    let belief = Belief::after(kb, journey);
    lines.push(String::new());
    lines.push("Not tried yet:".to_owned());
    let untried = untried_steps(kb, journey, &belief);
    if untried.is_empty() {
        lines.push("- nothing the guides suggest".to_owned());
    }
    for (step, in_plan) in untried {
        let note = if in_plan {
            ""
        } else {
            " (judged unlikely to help)"
        };
        lines.push(format!("- {}{note}", kb.steps[step].title));
    }

    let probabilities = belief.probabilities();
    let order = largest_first(&probabilities);
    lines.push(String::new());
    lines.push("Causes still most likely (Fix 1002's estimate):".to_owned());
    // A cause whose main remedy did not help is not named as still likely, whatever its
    // share: the summary would otherwise send support to what the owner has already ruled out.
    // Nor is one the answers leave out: ruled out by an answer, or of the other scenario
    // (issue 23; see PlanOptions::rules_out).
    let options = PlanOptions::for_journey(kb, journey);
    let still_likely = order
        .iter()
        .filter(|&&c| !set_aside[c] && !options.rules_out(kb, c));
    for &cause in still_likely.take(3) {
        lines.push(format!(
            "- {} ({}%)",
            kb.causes[cause].title,
            (probabilities[cause] * 100.0).round() as u32
        ));
    }

    // The owner's own words, as typed: line breaks kept, blank lines at either end dropped.
    let notes = named.notes.trim();
    if !notes.is_empty() {
        lines.push(String::new());
        lines.push("Notes from the owner:".to_owned());
        lines.extend(notes.lines().map(|line| line.trim_end().to_owned()));
    }
    lines.join("\n")
}

/// The steps not tried: first what is left of the plan, in its order (`true`), then the
/// other steps with some chance of helping, likeliest first (`false`).
fn untried_steps(kb: &KnowledgeBase, journey: &Journey, belief: &Belief) -> Vec<(StepId, bool)> {
    let options = PlanOptions::for_journey(kb, journey);
    let mut untried: Vec<(StepId, bool)> = plan(kb, belief, &options)
        .iter()
        .map(|p| (p.step, true))
        .collect();
    let others: Vec<(StepId, f64)> = kb
        .step_ids()
        .filter(|&s| !kb.steps[s].escalation)
        .filter(|&s| !options.is_set_aside(s))
        .filter(|&s| untried.iter().all(|&(planned, _)| planned != s))
        .map(|s| (s, belief.chance_step_fixes(kb, s)))
        .filter(|&(_, chance)| chance >= WORTH_LISTING)
        .collect();
    let chances: Vec<f64> = others.iter().map(|&(_, chance)| chance).collect();
    untried.extend(
        largest_first(&chances)
            .into_iter()
            .map(|i| (others[i].0, false)),
    );
    untried
}
