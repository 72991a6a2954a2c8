//! The shapes of `kb/error1002.toml`, as serde reads them, and the readings of the fields whose
//! text has a form of its own ("playback: Section", "question:answer", one word of a list).
//!
//! The shapes are deliberately loose where a writer's words go: a `during`, a `source` or a
//! `checked_by` is read as text here and interpreted by the functions below, so that a wrong
//! word is a mistake `validate` reports beside every other one, with the entry's id, instead of
//! a parse error that hides the rest. Only the file's structure (a misspelt field, a number
//! where text belongs) is refused while parsing, and then every entry with such a mistake is
//! named, not just the first.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::{Table, Value};

/// The whole knowledge base, section by section, in the file's order.
pub struct KbFile {
    pub engine: Engine,
    pub models: Vec<Model>,
    pub causes: Vec<Cause>,
    pub helpers: Vec<Helper>,
    pub steps: Vec<Step>,
    pub questions: Vec<Question>,
    pub facts: Vec<Fact>,
    pub common_questions: Vec<CommonQuestion>,
}

impl KbFile {
    /// Reads the file, or lists every structural mistake in it.
    pub fn parse(text: &str) -> Result<KbFile, Vec<String>> {
        let mut sections = Sections::parse(text)?;
        let engine = sections.table("engine");
        let models = sections.entries("model", "id");
        let causes = sections.entries("cause", "id");
        let helpers = sections.entries("helper", "id");
        let steps = sections.entries("step", "id");
        let questions = sections.entries("question", "id");
        let facts = sections.entries("fact", "id");
        let common_questions = sections.entries("common_question", "id");
        sections.finish()?;
        Ok(KbFile {
            // `finish` has reported an [engine] that could not be read.
            engine: engine.ok_or_else(Vec::new)?,
            models,
            causes,
            helpers,
            steps,
            questions,
            facts,
            common_questions,
        })
    }
}

/// A data file's top-level sections, taken out one by one: each entry is read on its own, so a
/// structural mistake in one does not stop the others from being read and checked.
pub struct Sections {
    rest: Table,
    errors: Vec<String>,
}

impl Sections {
    /// A file that is not TOML at all can only be reported as one mistake, at its place.
    pub fn parse(text: &str) -> Result<Sections, Vec<String>> {
        match toml::from_str::<Table>(text) {
            Ok(rest) => Ok(Sections {
                rest,
                errors: Vec::new(),
            }),
            Err(e) => Err(vec![match e.span() {
                Some(span) => {
                    let (line, column) = line_and_column(text, span.start);
                    format!("line {line}, column {column}: {}", e.message())
                }
                None => e.message().to_owned(),
            }]),
        }
    }

    /// A `[name]` table, read whole.
    pub fn table<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let Some(value) = self.rest.remove(name) else {
            self.errors
                .push(format!("the file needs a [{name}] section"));
            return None;
        };
        value
            .try_into()
            .map_err(|e| self.errors.push(format!("[{name}]: {}", e.message())))
            .ok()
    }

    /// The `[[name]]` entries, each read on its own; an entry that cannot be read is reported
    /// by its `label` field (its id, or a code's name) and left out.
    pub fn entries<T: DeserializeOwned>(&mut self, name: &str, label: &str) -> Vec<T> {
        let items = match self.rest.remove(name) {
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.errors
                    .push(format!("`{name}` must be a list of [[{name}]] entries"));
                return Vec::new();
            }
            None => {
                self.errors
                    .push(format!("the file needs at least one [[{name}]] entry"));
                return Vec::new();
            }
        };
        let mut read = Vec::new();
        for (position, item) in items.into_iter().enumerate() {
            let here = match item.get(label).and_then(Value::as_str) {
                Some(id) => format!("{name} {id:?}"),
                None => format!("{name} number {}", position + 1),
            };
            match item.try_into() {
                Ok(entry) => read.push(entry),
                Err(e) => self.errors.push(format!("{here}: {}", e.message())),
            }
        }
        read
    }

    /// Every mistake met while reading, and any section the schema does not know.
    pub fn finish(mut self) -> Result<(), Vec<String>> {
        for name in self.rest.keys() {
            self.errors.push(format!("unknown section `{name}`"));
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |newline| newline + 1) + 1;
    (line, column)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engine {
    pub unexplained_prior: f64,
    pub unexplained_why: String,
    pub support_chance: f64,
    pub support_why: String,
    pub question_minutes: f64,
    pub question_why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: String,
    pub name: String,
    pub source: String,
    pub quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub id: String,
    pub title: String,
    pub detail: String,
    /// One of [`DURING`].
    pub during: String,
    pub prior: f64,
    pub prior_why: String,
    pub source: String,
    pub quote: String,
    /// One of [`HELPERS`]; Sonos when absent.
    pub helper: Option<String>,
}

/// What the hand-over says about one party that can help: Fix 1002's judgement.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Helper {
    /// One of [`HELPERS`]: the word causes use.
    pub id: String,
    pub name: String,
    /// What the party can do, shown under its name.
    pub what: String,
    /// The reasoning, for reviewers.
    pub why: String,
    /// Where `what` rests on a guide.
    pub source: Option<String>,
    pub quote: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub instructions: Vec<String>,
    /// In a story of a software update, the last instruction (written for playback) reads
    /// this instead.
    pub in_update: Option<String>,
    /// General advice the guides do not give, shown apart from the cited instructions.
    #[serde(default)]
    pub advice: Vec<String>,
    pub why: String,
    /// The causes `why` speaks of, when it fits only some of those the step fixes.
    #[serde(default)]
    pub why_for: Vec<String>,
    pub minutes: u32,
    pub minutes_why: String,
    /// A part done only when the step's check finds its cause (waiting out an outage).
    pub then: Option<Then>,
    /// The answer that is this step's check, as "question:answer".
    pub checked_by: Option<String>,
    /// With checked_by: how many of the first instructions make the check, and the step's
    /// title once an answer has made it (the owner is not asked to look again).
    #[serde(default)]
    pub look: usize,
    pub looked_title: Option<String>,
    /// The step clears a passing state but cannot end a problem that keeps coming back.
    #[serde(default)]
    pub relief: bool,
    pub relief_why: Option<String>,
    #[serde(default)]
    pub escalation: bool,
    pub source: String,
    pub quote: String,
    #[serde(default)]
    pub fixes: Vec<Fix>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Then {
    /// One of [`THEN_KINDS`].
    pub kind: String,
    pub minutes: u32,
    pub causes: Vec<String>,
    pub label: String,
    pub why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    pub cause: String,
    pub chance: f64,
    pub why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub help: Option<String>,
    #[serde(default)]
    pub always_ask: bool,
    /// Asked on the hand-over screen for the support summary, never in the flow.
    #[serde(default)]
    pub for_summary: bool,
    /// "question:answer" each.
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub moot_after: Vec<String>,
    pub moot_why: Option<String>,
    #[serde(default)]
    pub phone_check: bool,
    /// The answers are the [[model]] entries.
    #[serde(default)]
    pub models: bool,
    pub not_sure_label: Option<String>,
    /// Minutes the owner needs to find the answer, when more than the engine's default.
    pub minutes: Option<f64>,
    pub minutes_why: Option<String>,
    /// The chance that an owner answers with more than "Not sure" (0 < known ≤ 1); required
    /// for every question asked in the flow, with `known_why` saying why.
    pub known: Option<f64>,
    pub known_why: Option<String>,
    #[serde(default, rename = "answer")]
    pub answers: Vec<Answer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: String,
    pub label: String,
    pub because: String,
    pub symptom: Option<String>,
    pub source: Option<String>,
    pub quote: Option<String>,
    /// The owner says the problem keeps coming back.
    #[serde(default)]
    pub recurring: bool,
    #[serde(default, rename = "weight")]
    pub weights: Vec<Weight>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weight {
    pub causes: Vec<String>,
    pub factor: f64,
    pub why: String,
}

/// One statement about error 1002, in Fix 1002's words.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: String,
    pub source: String,
    pub quote: String,
}

/// A question owners ask, with a page of its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonQuestion {
    pub id: String,
    pub question: String,
    /// A paragraph per entry.
    pub answer: Vec<String>,
    pub source: String,
    pub quote: String,
    /// A second guide the answer draws on, when one guide does not say it all: cited like an
    /// answer's source, both or neither.
    pub also_source: Option<String>,
    pub also_quote: Option<String>,
    /// Fix-step ids, most relevant first.
    pub steps: Vec<String>,
}

/// The id every question's last answer has; the file does not write it.
pub const NOT_SURE: &str = "not-sure";

impl Question {
    /// The ids of the answers the app offers, in order: the models' (for the model question),
    /// the file's own, and "Not sure".
    pub fn answer_ids<'a>(&'a self, models: &'a [Model]) -> Vec<&'a str> {
        let models: &[Model] = if self.models { models } else { &[] };
        let models = models.iter().map(|m| m.id.as_str());
        let own = self.answers.iter().map(|a| a.id.as_str());
        models.chain(own).chain([NOT_SURE]).collect()
    }
}

// ---- Readings of the fields whose words have a form ----

/// The documents a `source` may name: the word the file uses, and the `Document` variant.
pub const DOCUMENTS: &[(&str, &str)] = &[
    ("playback", "PlaybackGuide"),
    ("update", "UpdateGuide"),
    ("smapi", "SmapiErrorReference"),
];

/// `during`: when a cause produces error 1002, as the `During` variant.
pub const DURING: &[(&str, &str)] = &[("playback", "Playback"), ("update", "Update")];

/// A cause's `helper`: who can help once the owner's steps run out, as the `Helper` variant.
pub const HELPERS: &[(&str, &str)] = &[
    ("sonos", "Sonos"),
    ("internet-provider", "InternetProvider"),
    ("music-service", "MusicService"),
];

/// A `then`'s kind, read as whether it is a wait (true) rather than a repair.
pub const THEN_KINDS: &[(&str, bool)] = &[("repair", false), ("wait", true)];

/// `word` as one of `words`, or a message listing the words allowed for `field`.
pub fn one_of<T: Copy>(field: &str, word: &str, words: &[(&str, T)]) -> Result<T, String> {
    words
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, value)| value)
        .ok_or_else(|| {
            let allowed: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
            format!("{field} {word:?} must be one of {}", allowed.join(", "))
        })
}

/// A citation's "document: Section heading": the `Document` variant and the section.
pub fn read_source(source: &str) -> Result<(&'static str, &str), String> {
    let (document, section) = source
        .split_once(':')
        .ok_or_else(|| format!("source {source:?} must read \"document: Section heading\""))?;
    let document = one_of("source document", document.trim(), DOCUMENTS)?;
    Ok((document, section.trim()))
}

/// "question:answer", as its two ids.
pub fn read_requirement<'a>(field: &str, text: &'a str) -> Result<(&'a str, &'a str), String> {
    text.split_once(':')
        .ok_or_else(|| format!("{field} {text:?} must read \"question:answer\""))
}

/// The name an entry's id takes as a Rust constant (`restart-speaker` → `RESTART_SPEAKER`).
/// An answer's constant also names its question (`when` + `update` → `WHEN_UPDATE`).
pub fn constant_name(ids: &[&str]) -> String {
    ids.join("_").replace('-', "_").to_ascii_uppercase()
}
