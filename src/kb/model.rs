//! The shapes of the knowledge base. The data itself is in `kb/error1002.toml`, compiled into
//! static tables by `build.rs` (see [`super::data`]).

use super::source::Source;

/// The engine's own numbers, kept in the data file beside the weights they balance.
#[derive(Debug, PartialEq)]
pub struct EngineSettings {
    /// Weight kept for causes no guide lists, so that the plan can run out.
    pub unexplained_prior: f64,
    pub unexplained_why: &'static str,
    /// Steps less likely than this to fix the problem are left out of the plan.
    pub min_chance: f64,
    pub min_chance_why: &'static str,
}

/// A Sonos speaker model the guides name.
#[derive(Debug, PartialEq)]
pub struct Model {
    pub id: &'static str,
    pub name: &'static str,
    pub source: Source,
    /// A phrase copied exactly from the source, so a test can find it there.
    pub quote: &'static str,
}

/// When a cause produces error 1002.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum During {
    Playback,
    Update,
}

/// Something that can be behind error 1002.
#[derive(Debug, PartialEq)]
pub struct Cause {
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub during: During,
    /// How common the cause is before any answer; any positive scale, normalised by the engine.
    pub prior: f64,
    pub prior_why: &'static str,
    pub source: Source,
    pub quote: &'static str,
}

/// One thing the owner can do, with its own page at `#/steps/<id>`.
#[derive(Debug, PartialEq)]
pub struct Step {
    /// Stable across releases: it is the step's link.
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub instructions: &'static [&'static str],
    /// General advice that the guides do not give: shown apart from the instructions, and
    /// labelled as such, so that what is cited stays cited.
    pub advice: &'static [&'static str],
    /// Why the step helps, in a sentence.
    pub why: &'static str,
    /// The time a typical owner spends on it, waiting included: the step's cost.
    pub minutes: u32,
    pub minutes_why: &'static str,
    /// The last resort, offered once the plan has run out (contacting Sonos support).
    pub escalation: bool,
    pub fixes: &'static [Fix],
    pub source: Source,
    pub quote: &'static str,
}

/// A step's chance of fixing the problem when a given cause is behind it.
#[derive(Debug, PartialEq)]
pub struct Fix {
    /// Index into the knowledge base's causes.
    pub cause: usize,
    pub chance: f64,
    pub why: &'static str,
}

/// A question of the guided flow.
#[derive(Debug, PartialEq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    pub help: Option<&'static str>,
    /// Asked even when no answer could change the plan (the model, for the support summary).
    pub always_ask: bool,
    /// Offer the phone's connection check, whose result can answer the question.
    pub phone_check: bool,
    /// Asked only if one of these answers was given (none: always eligible).
    pub requires: &'static [Requirement],
    /// The last answer is always "Not sure", which changes nothing.
    pub answers: &'static [Answer],
}

/// "Question `question` was answered with `answer`."
#[derive(Debug, PartialEq)]
pub struct Requirement {
    pub question: &'static str,
    pub answer: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Answer {
    pub id: &'static str,
    pub label: &'static str,
    /// Completes "Suggested because …"; empty for answers that change nothing.
    pub because: &'static str,
    /// The seed's symptom this answer stands for, if any.
    pub symptom: Option<&'static str>,
    pub cited: Option<Citation>,
    pub weights: &'static [Weight],
}

/// A source with a phrase copied exactly from it.
#[derive(Debug, PartialEq)]
pub struct Citation {
    pub source: Source,
    pub quote: &'static str,
}

/// How an answer changes the weight of some causes.
#[derive(Debug, PartialEq)]
pub struct Weight {
    /// Indices into the knowledge base's causes.
    pub causes: &'static [usize],
    pub factor: f64,
    pub why: &'static str,
}

/// The id every question's "Not sure" answer has.
pub const NOT_SURE: &str = "not-sure";

impl Question {
    pub fn answer(&self, id: &str) -> Option<&'static Answer> {
        self.answers.iter().find(|a| a.id == id)
    }
}
