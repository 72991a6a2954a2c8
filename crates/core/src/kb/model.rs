//! The shapes of the knowledge base. The data itself is in `kb/error1002.toml`, compiled into
//! static tables by the build script, `build/` (see [`super::data`]).

use super::prose::Prose;
use super::source::Source;

/// The engine's own numbers, kept in the data file beside the weights they balance.
#[derive(Debug, PartialEq)]
pub struct EngineSettings {
    /// Weight kept for causes no guide lists, so that the plan can run out.
    pub unexplained_prior: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub unexplained_why: &'static str,
    /// The chance that contacting Sonos support ends the problem, whatever its cause. With
    /// the escalation step's minutes it sets when the plan hands over: once no step left
    /// offers more chance per minute than support does.
    pub support_chance: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub support_why: &'static str,
    /// What answering a question costs, unless the question says otherwise: a question is
    /// asked only if its answer is expected to save more minutes than that.
    pub question_minutes: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub question_why: &'static str,
}

/// A Sonos speaker model the guides name.
#[derive(Debug, PartialEq)]
pub struct Model {
    pub id: &'static str,
    pub name: &'static str,
    pub source: Source,
    /// A phrase copied exactly from the source, so a test can find it there. Empty in the
    /// WebAssembly build, where no screen shows it (build/emit.rs).
    pub quote: &'static str,
}

/// When a cause produces error 1002.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum During {
    Playback,
    Update,
}

/// Something that can be behind error 1002.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub during: During,
    /// How common the cause is before any answer; any positive scale, normalised by the engine.
    pub prior: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub prior_why: &'static str,
    pub source: Source,
    /// The seed's words for it: empty in the wasm build, where no screen shows it
    /// (build/emit.rs).
    pub quote: &'static str,
    /// Who can help with this cause once the owner's own steps have run out.
    pub helper: Helper,
}

/// Who can help when the owner's own steps have not fixed it. Fix 1002's judgement, not the
/// guides': they name only Sonos support, which cannot mend a home internet outage or a music
/// service's own account or outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Helper {
    Sonos,
    InternetProvider,
    MusicService,
}

/// What the hand-over says about one [`Helper`]. Fix 1002's judgement, like the helper itself:
/// the screen says so.
#[derive(Debug, Clone, PartialEq)]
pub struct HelperText {
    pub helper: Helper,
    /// Stable, for tests and the page's markup ("internet-provider").
    pub id: &'static str,
    /// "Your internet provider".
    pub name: &'static str,
    /// What the party can do, in a sentence (its web address a link).
    pub what: Prose,
    /// Why this party can help: a reviewer's note, empty in the wasm build (build/emit.rs).
    pub why: &'static str,
    /// The guide a fact in `what` rests on, if any (Sonos' remote diagnostics).
    pub cited: Option<Citation>,
}

/// One thing the owner can do, with its own page at `#/steps/<id>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Stable across releases: it is the step's link.
    pub id: &'static str,
    pub title: &'static str,
    /// The texts that may name a web address ("status.sonos.com") are [`Prose`], whose
    /// addresses the views show as links.
    pub summary: Prose,
    pub instructions: &'static [Prose],
    /// In a story of a software update, what the last instruction (written for playback)
    /// says instead.
    pub in_update: Option<Prose>,
    /// General advice that the guides do not give: shown apart from the instructions, and
    /// labelled as such, so that what is cited stays cited.
    pub advice: &'static [&'static str],
    /// Why the step helps, in a sentence.
    pub why: &'static str,
    /// The causes `why` speaks of (indices into the knowledge base's causes), when it fits
    /// only some of those the step fixes; empty when it fits them all. Once the answers have
    /// ruled these out, the step is shown without it (issue 23: a restart offered for a lost
    /// Wi-Fi connection said only that it "clears temporary authentication failures").
    pub why_for: &'static [usize],
    /// The time a typical owner spends doing it (or checking, for a step that checks first):
    /// what the step costs before its outcome is known, which is what orders the plan.
    pub minutes: u32,
    pub minutes_why: &'static str,
    /// A further part done only when the check finds its cause, such as waiting out an outage.
    pub then: Option<Then>,
    /// The answer of a question that is this step's check coming out positive ("the speaker
    /// shows Offline"). Once the question is answered, the look is done: with this answer
    /// the step costs only its `then` part; with another (not "Not sure"), the check came
    /// out clear and the step has nothing left to do.
    pub checked_by: Option<Requirement>,
    /// How many of the first instructions make that check: once an answer has made it, they
    /// are not shown again, and the step goes by `looked_title`.
    pub look: usize,
    pub looked_title: Option<&'static str>,
    /// The step clears a passing state (a restart) but cannot stop a problem that keeps coming
    /// back: for a recurring problem it comes after the lasting fixes, labelled as relief.
    pub relief: bool,
    /// Why the step is only relief; empty for other steps.
    pub relief_why: &'static str,
    /// The last resort, offered once the plan has run out (contacting Sonos support).
    pub escalation: bool,
    pub fixes: &'static [Fix],
    pub source: Source,
    /// The seed's words for it: empty in the wasm build, where no screen shows it
    /// (build/emit.rs).
    pub quote: &'static str,
}

/// The conditional part of a step: done only when one of `causes` is behind the problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Then {
    pub minutes: u32,
    /// Time that passes whatever the owner does (an outage running its course), rather than
    /// a repair: it ends the problem in any order of steps, so it does not order the plan.
    pub wait: bool,
    /// Indices into the knowledge base's causes.
    pub causes: &'static [usize],
    /// Completes "about N more minutes …", such as "if there is an outage".
    pub label: &'static str,
    /// A reviewer's note on how the part is priced: empty in the wasm build, where no screen
    /// shows it (build/emit.rs).
    pub why: &'static str,
}

/// A step's chance of fixing the problem when a given cause is behind it.
#[derive(Debug, PartialEq)]
pub struct Fix {
    /// Index into the knowledge base's causes.
    pub cause: usize,
    pub chance: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub why: &'static str,
}

/// A question of the guided flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    pub help: Option<&'static str>,
    /// Asked even when no answer could change the plan (the model, for the support summary).
    pub always_ask: bool,
    /// Not asked in the flow at all, since no answer changes the diagnosis: the hand-over
    /// screen asks it, for the summary sent to Sonos support (the speaker model).
    pub for_summary: bool,
    /// Offer the phone's connection check, whose result can answer the question.
    pub phone_check: bool,
    /// What answering costs the owner, in minutes: the question is asked only if its answer
    /// is expected to save more troubleshooting time than this.
    pub minutes: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub minutes_why: &'static str,
    /// The chance that an owner can answer with more than "Not sure": a property of the
    /// question (whether the laptop reaches websites is almost always known; which Wi-Fi
    /// features the router has often is not). The engine scales the question's expected
    /// saving by it. 1 for a question asked only on the hand-over screen.
    pub known: f64,
    /// A reviewer's note on `known`: empty in the wasm build (build/emit.rs).
    pub known_why: &'static str,
    /// Asked only if one of these answers was given (none: always eligible).
    pub requires: &'static [Requirement],
    /// Not asked once one of these answers is given: it has settled the question (the
    /// knowledge base says why, in `moot_why`).
    pub moot_after: &'static [Requirement],
    /// The last answer is always "Not sure", which changes nothing.
    pub answers: &'static [Answer],
}

/// "Question `question` was answered with `answer`."
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Requirement {
    pub question: &'static str,
    pub answer: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub id: &'static str,
    pub label: &'static str,
    /// Completes "Suggested because …"; empty for answers that change nothing.
    pub because: &'static str,
    /// The seed's symptom this answer stands for, if any. Empty in the WebAssembly build, where
    /// no screen shows it (build/emit.rs).
    pub symptom: Option<&'static str>,
    pub cited: Option<Citation>,
    /// The owner says the problem keeps coming back: relief steps no longer count as fixes.
    pub recurring: bool,
    pub weights: &'static [Weight],
}

/// A source with a phrase copied exactly from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    pub source: Source,
    /// The seed's words for it: empty in the wasm build, where no screen shows it
    /// (build/emit.rs).
    pub quote: &'static str,
}

/// How an answer changes the weight of some causes.
#[derive(Debug, PartialEq)]
pub struct Weight {
    /// Indices into the knowledge base's causes.
    pub causes: &'static [usize],
    pub factor: f64,
    /// A reviewer's note: empty in the wasm build, where no screen shows it (build/emit.rs).
    pub why: &'static str,
}

/// The id every question's "Not sure" answer has.
pub const NOT_SURE: &str = "not-sure";

impl Question {
    pub fn answer(&self, id: &str) -> Option<&'static Answer> {
        self.answers.iter().find(|a| a.id == id)
    }
}
