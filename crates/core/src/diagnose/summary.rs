//! The plain-text summary an owner sends to Sonos support, at the end of the plan or whenever
//! the owner chooses to contact support.

use super::belief::Belief;
use super::journey::{Event, Journey, Outcome};
use super::largest_first::largest_first;
use super::likely::{main_remedy_for, ruled_out_by_failed_steps};
use super::plan::plan;
use super::plan::PlanOptions;
use crate::i18n::{fill, Arg};
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

/// The summary's own words, in the owner's language (the knowledge base's texts come from the
/// knowledge base it is given). Placeholders in braces are filled: `{when}`, `{model}`,
/// `{service}`, `{causes}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummaryWords<'a> {
    pub title: &'a str,
    pub prepared: &'a str,
    pub not_stated: &'a str,
    pub speaker: &'a str,
    pub service: &'a str,
    pub answers: &'a str,
    pub steps_tried: &'a str,
    pub fixed: &'a str,
    pub not_fixed: &'a str,
    pub skipped: &'a str,
    pub for_now: &'a str,
    pub less_likely: &'a str,
    pub none_yet: &'a str,
    pub not_tried: &'a str,
    pub nothing_left: &'a str,
    pub unlikely: &'a str,
    pub still_likely: &'a str,
    pub notes: &'a str,
    /// One answer: `- {question} {answer}` (no space after a full-width question mark).
    pub answer_line: &'a str,
    /// One step tried: `- {step}: {result}` (French puts a space before the colon).
    pub tried_line: &'a str,
    /// Between cause titles in `less_likely`: `; `, or a full-width one.
    pub cause_separator: &'a str,
}

impl SummaryWords<'static> {
    /// English, as the summary has always read.
    pub const ENGLISH: SummaryWords<'static> = SummaryWords {
        title: "Sonos error 1002: troubleshooting summary (prepared with Fix 1002)",
        prepared: "Prepared: {when}",
        not_stated: "not stated",
        speaker: "Speaker: {model}",
        service: "Music service that fails: {service}",
        answers: "Answers:",
        steps_tried: "Steps tried:",
        fixed: "fixed it",
        not_fixed: "did not help",
        skipped: "could not do it",
        for_now: "fixed it for now, but the error keeps coming back",
        less_likely: " (so less likely: {causes})",
        none_yet: "- none yet",
        not_tried: "Not tried yet:",
        nothing_left: "- nothing the guides suggest",
        unlikely: " (judged unlikely to help)",
        still_likely: "Causes still most likely (Fix 1002's estimate):",
        notes: "Notes from the owner:",
        answer_line: "- {question} {answer}",
        tried_line: "- {step}: {result}",
        cause_separator: "; ",
    };
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
    support_summary_in(
        kb,
        journey,
        named,
        service_matters,
        prepared,
        &SummaryWords::ENGLISH,
    )
}

/// The speaker model the owner gave: the answer chosen from the list, else the name typed,
/// else none.
pub fn stated_model(kb: &KnowledgeBase, journey: &Journey, typed: &str) -> Option<String> {
    let answer = journey
        .answer_to(question::MODEL)
        .map(|a| &kb.questions[question::MODEL].answers[a]);
    match answer {
        Some(answer) if answer.id != NOT_SURE => Some(answer.label.to_owned()),
        _ if !typed.trim().is_empty() => Some(typed.trim().to_owned()),
        _ => None,
    }
}

/// [`support_summary`] in the words of another language (with `kb` in that language too).
pub fn support_summary_in(
    kb: &KnowledgeBase,
    journey: &Journey,
    named: &TypedNames,
    service_matters: bool,
    prepared: Option<&str>,
    words: &SummaryWords,
) -> String {
    let put = |template: &str, name: &str, value: &str| fill(template, &[(name, Arg::Text(value))]);
    let mut lines = vec![words.title.to_owned()];
    if let Some(when) = prepared.map(str::trim).filter(|w| !w.is_empty()) {
        lines.push(put(words.prepared, "when", when));
    }

    let model = stated_model(kb, journey, &named.model).unwrap_or(words.not_stated.to_owned());
    lines.push(put(words.speaker, "model", &model));
    let service = named.service.trim();
    if !service.is_empty() {
        lines.push(put(words.service, "service", service));
    } else if service_matters {
        lines.push(put(words.service, "service", words.not_stated));
    }

    lines.push(String::new());
    lines.push(words.answers.to_owned());
    for event in journey.events() {
        if let Event::Answered { question, answer } = *event {
            let q = &kb.questions[question];
            if !q.for_summary {
                let (text, label) = (q.text, q.answers[answer].label);
                let args = [("question", Arg::Text(text)), ("answer", Arg::Text(label))];
                lines.push(fill(words.answer_line, &args));
            }
        }
    }

    lines.push(String::new());
    lines.push(words.steps_tried.to_owned());
    let mut tried = vec![false; kb.steps.len()];
    let set_aside = ruled_out_by_failed_steps(kb, journey);
    for event in journey.events() {
        if let Event::Tried { step, outcome } = *event {
            tried[step.index()] = true;
            let result = match outcome {
                Outcome::Fixed => words.fixed,
                Outcome::NotFixed => words.not_fixed,
                Outcome::Skipped => words.skipped,
                Outcome::ForNow => words.for_now,
            };
            let args = [
                ("step", Arg::Text(kb.steps[step].title)),
                ("result", Arg::Text(result)),
            ];
            let mut line = fill(words.tried_line, &args);
            if outcome == Outcome::NotFixed {
                let remedied: Vec<&str> = main_remedy_for(kb, step)
                    .map(|cause| kb.causes[cause].title)
                    .collect();
                if !remedied.is_empty() {
                    // As written: lower-casing would pull Unicode's case tables into the
                    // first download.
                    let causes = remedied.join(words.cause_separator);
                    line.push_str(&put(words.less_likely, "causes", &causes));
                }
            }
            lines.push(line);
        }
    }
    if !tried.contains(&true) {
        lines.push(words.none_yet.to_owned());
    }

    let belief = Belief::after(kb, journey);
    lines.push(String::new());
    lines.push(words.not_tried.to_owned());
    let untried = untried_steps(kb, journey, &belief);
    if untried.is_empty() {
        lines.push(words.nothing_left.to_owned());
    }
    for (step, in_plan) in untried {
        let note = if in_plan { "" } else { words.unlikely };
        lines.push(format!("- {}{note}", kb.steps[step].title));
    }

    let probabilities = belief.probabilities();
    let order = largest_first(&probabilities);
    lines.push(String::new());
    lines.push(words.still_likely.to_owned());
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
        lines.push(words.notes.to_owned());
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
