//! Compiles the knowledge base (`kb/error1002.toml`) and the SMAPI fault codes
//! (`kb/smapi_faults.toml`) into static Rust tables.
//!
//! Support writers edit the TOML file; this script checks that every reference in it resolves
//! and every number is in range, then writes `$OUT_DIR/knowledge_base.rs`, which
//! `src/kb/data.rs` includes. The app therefore carries ready-made tables and no TOML parser.
//! Checks that need the engine (reachability, coverage of the seeds) live in
//! `tests/knowledge_base.rs`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

use serde::Deserialize;

// The id rule of links, shared with `route` so that an id the build accepts is one a link can name.
#[path = "src/slug.rs"]
mod slug;

const KB_FILE: &str = "kb/error1002.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    engine: Engine,
    model: Vec<Model>,
    cause: Vec<Cause>,
    step: Vec<Step>,
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Engine {
    unexplained_prior: f64,
    unexplained_why: String,
    support_chance: f64,
    support_why: String,
    question_minutes: f64,
    question_why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Model {
    id: String,
    name: String,
    source: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cause {
    id: String,
    title: String,
    detail: String,
    during: String,
    prior: f64,
    prior_why: String,
    source: String,
    quote: String,
    /// Who can help once the plan has run out: sonos (when absent), internet-provider or
    /// music-service.
    helper: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    id: String,
    title: String,
    summary: String,
    instructions: Vec<String>,
    /// In a story of a software update, the last instruction (written for playback) reads
    /// this instead.
    in_update: Option<String>,
    /// General advice the guides do not give, shown apart from the cited instructions.
    #[serde(default)]
    advice: Vec<String>,
    why: String,
    minutes: u32,
    minutes_why: String,
    /// A part done only when the step's check finds its cause (waiting out an outage).
    then: Option<Then>,
    /// The question whose answer is this step's check ("question:answer that finds it").
    checked_by: Option<String>,
    /// With checked_by: how many of the first instructions make the check, and the step's
    /// title once an answer has made it (the owner is not asked to look again).
    #[serde(default)]
    look: usize,
    looked_title: Option<String>,
    /// The step clears a passing state but cannot end a problem that keeps coming back.
    #[serde(default)]
    relief: bool,
    relief_why: Option<String>,
    #[serde(default)]
    escalation: bool,
    source: String,
    quote: String,
    #[serde(default)]
    fixes: Vec<Fix>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Then {
    /// "repair" (done only when the check finds the cause) or "wait" (time that passes
    /// whatever the owner does, such as an outage running its course).
    kind: String,
    minutes: u32,
    causes: Vec<String>,
    label: String,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fix {
    cause: String,
    chance: f64,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    id: String,
    text: String,
    help: Option<String>,
    #[serde(default)]
    always_ask: bool,
    /// Asked on the hand-over screen for the support summary, never in the flow.
    #[serde(default)]
    for_summary: bool,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    moot_after: Vec<String>,
    moot_why: Option<String>,
    #[serde(default)]
    phone_check: bool,
    #[serde(default)]
    models: bool,
    not_sure_label: Option<String>,
    /// Minutes the owner needs to find the answer, when more than the engine's default.
    minutes: Option<f64>,
    minutes_why: Option<String>,
    #[serde(default)]
    answer: Vec<Answer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer {
    id: String,
    label: String,
    because: String,
    symptom: Option<String>,
    source: Option<String>,
    quote: Option<String>,
    /// The owner says the problem keeps coming back.
    #[serde(default)]
    recurring: bool,
    #[serde(default)]
    weight: Vec<Weight>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Weight {
    causes: Vec<String>,
    factor: f64,
    why: String,
}

fn main() {
    println!("cargo::rerun-if-changed={KB_FILE}");
    println!("cargo::rerun-if-changed={CODES_FILE}");
    let text = fs::read_to_string(KB_FILE).unwrap_or_else(|e| fail(&format!("cannot read: {e}")));
    let file: File = toml::from_str(&text).unwrap_or_else(|e| fail(&e.to_string()));
    let code = generate(&file);
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("knowledge_base.rs"), code).expect("OUT_DIR is writable");

    let text =
        fs::read_to_string(CODES_FILE).unwrap_or_else(|e| fail_codes(&format!("cannot read: {e}")));
    let codes: CodesFile = toml::from_str(&text).unwrap_or_else(|e| fail_codes(&e.to_string()));
    let steps: HashSet<&str> = file.step.iter().map(|s| s.id.as_str()).collect();
    fs::write(
        Path::new(&out_dir).join("smapi_codes.rs"),
        generate_codes(&codes, &steps),
    )
    .expect("OUT_DIR is writable");
}

/// Stops the build with a message that names the file, so a support writer knows where to look.
fn fail(message: &str) -> ! {
    panic!("\n\n{KB_FILE}: {message}\n\n")
}

fn check_unique<'a>(kind: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !slug::is_slug(id) {
            fail(&format!(
                "{kind} id `{id}` must be lowercase words joined by hyphens"
            ));
        }
        if !seen.insert(id) {
            fail(&format!("two {kind}s share the id `{id}`"));
        }
    }
}

fn source(where_: &str, source: &str) -> String {
    let (doc, section) = source.split_once(':').unwrap_or_else(|| {
        fail(&format!(
            "{where_}: source `{source}` must read \"document: Section\""
        ))
    });
    let document = match doc.trim() {
        "playback" => "PlaybackGuide",
        "update" => "UpdateGuide",
        "smapi" => "SmapiErrorReference",
        other => fail(&format!(
            "{where_}: unknown document `{other}` (playback, update or smapi)"
        )),
    };
    format!(
        "Source {{ document: Document::{document}, section: {:?} }}",
        section.trim()
    )
}

/// A text for the knowledge base's readers, not its users: why a weight or a chance has its
/// value, and the seed's words each fact rests on. The native build keeps them (the tests
/// check every quote against the seeds); the WebAssembly build, which no screen of shows them,
/// gets empty strings, about 13 KB less for an owner to download (issue 13).
fn reviewer_note(text: &str) -> &str {
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        ""
    } else {
        text
    }
}

fn generate(file: &File) -> String {
    check_unique("model", file.model.iter().map(|m| m.id.as_str()));
    check_unique("cause", file.cause.iter().map(|c| c.id.as_str()));
    check_unique("step", file.step.iter().map(|s| s.id.as_str()));
    check_unique("question", file.question.iter().map(|q| q.id.as_str()));

    let cause_index = |where_: &str, id: &str| -> usize {
        file.cause
            .iter()
            .position(|c| c.id == id)
            .unwrap_or_else(|| fail(&format!("{where_}: unknown cause `{id}`")))
    };

    let mut out = String::from("// Generated by build.rs from kb/error1002.toml. Do not edit.\n\n");

    let e = &file.engine;
    if !(e.unexplained_prior > 0.0 && e.unexplained_prior.is_finite()) {
        fail("engine: unexplained_prior must be a positive number");
    }
    if !(e.support_chance > 0.0 && e.support_chance <= 1.0) {
        fail("engine: support_chance must be above 0 and at most 1");
    }
    if !(e.question_minutes >= 0.0 && e.question_minutes.is_finite()) {
        fail("engine: question_minutes must be zero or more");
    }
    writeln!(
        out,
        "pub static ENGINE: EngineSettings = EngineSettings {{ unexplained_prior: {:?}, unexplained_why: {:?}, support_chance: {:?}, support_why: {:?}, question_minutes: {:?}, question_why: {:?} }};\n",
        e.unexplained_prior,
        reviewer_note(&e.unexplained_why),
        e.support_chance,
        reviewer_note(&e.support_why),
        e.question_minutes,
        reviewer_note(&e.question_why)
    )
    .unwrap();

    out.push_str("pub static MODELS: &[Model] = &[\n");
    for m in &file.model {
        let src = source(&format!("model `{}`", m.id), &m.source);
        writeln!(
            out,
            "    Model {{ id: {:?}, name: {:?}, source: {src}, quote: {:?} }},",
            m.id,
            m.name,
            reviewer_note(&m.quote)
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    out.push_str("pub static CAUSES: &[Cause] = &[\n");
    for c in &file.cause {
        let here = format!("cause `{}`", c.id);
        let during = match c.during.as_str() {
            "playback" => "During::Playback",
            "update" => "During::Update",
            other => fail(&format!(
                "{here}: during = `{other}` must be playback or update"
            )),
        };
        if !(c.prior > 0.0 && c.prior.is_finite()) {
            fail(&format!("{here}: prior must be a positive number"));
        }
        let src = source(&here, &c.source);
        let helper = match c.helper.as_deref() {
            None | Some("sonos") => "Helper::Sonos",
            Some("internet-provider") => "Helper::InternetProvider",
            Some("music-service") => "Helper::MusicService",
            Some(other) => fail(&format!(
                "{here}: helper = `{other}` must be sonos, internet-provider or music-service"
            )),
        };
        writeln!(
            out,
            "    Cause {{ id: {:?}, title: {:?}, detail: {:?}, during: {during}, prior: {:?}, prior_why: {:?}, source: {src}, quote: {:?}, helper: {helper} }},",
            c.id,
            c.title,
            c.detail,
            c.prior,
            reviewer_note(&c.prior_why),
            reviewer_note(&c.quote)
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    if file.step.iter().filter(|s| s.escalation).count() != 1 {
        fail("exactly one step must have `escalation = true`");
    }
    out.push_str("pub static STEPS: &[Step] = &[\n");
    for s in &file.step {
        let here = format!("step `{}`", s.id);
        if s.minutes == 0 {
            fail(&format!("{here}: minutes must be at least 1"));
        }
        if let Some(instead) = &s.in_update {
            let last = s
                .instructions
                .last()
                .map(|l| l.to_lowercase())
                .unwrap_or_default();
            if !last.contains("play") || instead.to_lowercase().contains("play music") {
                fail(&format!(
                    "step `{}`: in_update replaces a last instruction about playing music with one about the update",
                    s.id
                ));
            }
        }
        if s.checked_by.is_some() != (s.look > 0 && s.looked_title.is_some())
            || s.look >= s.instructions.len()
        {
            fail(&format!(
                "step `{}`: checked_by comes with look (the check's instructions, fewer than all) and looked_title",
                s.id
            ));
        }
        if s.instructions.is_empty() {
            fail(&format!("{here}: a step needs at least one instruction"));
        }
        if s.fixes.is_empty() && !s.escalation {
            fail(&format!("{here}: a step must fix at least one cause"));
        }
        let mut fixes = String::new();
        for f in &s.fixes {
            if !(f.chance > 0.0 && f.chance <= 1.0) {
                fail(&format!(
                    "{here}: chance for `{}` must be above 0 and at most 1",
                    f.cause
                ));
            }
            let cause = cause_index(&here, &f.cause);
            write!(
                fixes,
                "Fix {{ cause: {cause}, chance: {:?}, why: {:?} }}, ",
                f.chance,
                reviewer_note(&f.why)
            )
            .unwrap();
        }
        let then = match &s.then {
            None => "None".to_owned(),
            Some(t) => {
                if t.minutes == 0 || t.causes.is_empty() {
                    fail(&format!(
                        "{here}: `then` needs minutes and the causes that call for it"
                    ));
                }
                let causes: Vec<usize> = t.causes.iter().map(|c| cause_index(&here, c)).collect();
                let wait = match t.kind.as_str() {
                    "wait" => true,
                    "repair" => false,
                    other => fail(&format!(
                        "{here}: then.kind `{other}` must be repair or wait"
                    )),
                };
                format!(
                    "Some(Then {{ minutes: {}, wait: {wait}, causes: &{causes:?}, label: {:?}, why: {:?} }})",
                    t.minutes, t.label, t.why
                )
            }
        };
        let checked_by = match &s.checked_by {
            None => "None".to_owned(),
            Some(r) => {
                let (q, a) = r.split_once(':').unwrap_or_else(|| {
                    fail(&format!(
                        "{here}: checked_by `{r}` must read \"question:answer\""
                    ))
                });
                let known = file.question.iter().any(|question| {
                    question.id == q && question.answer.iter().any(|answer| answer.id == a)
                });
                if !known {
                    fail(&format!(
                        "{here}: checked_by `{r}` names no question's answer"
                    ));
                }
                format!("Some(Requirement {{ question: {q:?}, answer: {a:?} }})")
            }
        };
        let relief_why = match (s.relief, &s.relief_why) {
            (true, Some(why)) => why.as_str(),
            (false, None) => "",
            _ => fail(&format!(
                "{here}: a relief step says why in `relief_why`, and only a relief step has one"
            )),
        };
        let src = source(&here, &s.source);
        writeln!(
            out,
            "    Step {{ id: {:?}, title: {:?}, summary: {:?}, instructions: &{:?}, in_update: {:?}, advice: &{:?}, why: {:?}, minutes: {}, minutes_why: {:?}, then: {then}, checked_by: {checked_by}, look: {}, looked_title: {:?}, relief: {}, relief_why: {relief_why:?}, escalation: {}, fixes: &[{fixes}], source: {src}, quote: {:?} }},",
            s.id, s.title, s.summary, s.instructions, s.in_update, s.advice, s.why, s.minutes, s.minutes_why, s.look, s.looked_title, s.relief, s.escalation, reviewer_note(&s.quote)
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    out.push_str("pub static QUESTIONS: &[Question] = &[\n");
    let mut asked_before: Vec<(&str, Vec<&str>)> = Vec::new();
    for q in &file.question {
        let here = format!("question `{}`", q.id);
        let mut answers = String::new();
        let mut answer_ids = Vec::new();
        if q.models {
            if !q.answer.is_empty() {
                fail(&format!(
                    "{here}: a `models = true` question takes its answers from [[model]]"
                ));
            }
            for m in &file.model {
                let because = format!("your speaker is a {}", m.name);
                write!(answers, "Answer {{ id: {:?}, label: {:?}, because: {because:?}, symptom: None, cited: None, recurring: false, weights: &[] }}, ", m.id, m.name).unwrap();
                answer_ids.push(m.id.as_str());
            }
        }
        for a in &q.answer {
            let here = format!("{here}, answer `{}`", a.id);
            let mut weights = String::new();
            for w in &a.weight {
                if !(w.factor > 0.0 && w.factor.is_finite()) {
                    fail(&format!("{here}: factor must be a positive number"));
                }
                let causes: Vec<usize> = w.causes.iter().map(|c| cause_index(&here, c)).collect();
                write!(
                    weights,
                    "Weight {{ causes: &{causes:?}, factor: {:?}, why: {:?} }}, ",
                    w.factor,
                    reviewer_note(&w.why)
                )
                .unwrap();
            }
            let cited = match (&a.source, &a.quote) {
                (Some(s), Some(quote)) => format!(
                    "Some(Citation {{ source: {}, quote: {:?} }})",
                    source(&here, s),
                    reviewer_note(quote)
                ),
                (None, None) => "None".to_owned(),
                _ => fail(&format!("{here}: give both source and quote, or neither")),
            };
            if a.symptom.is_some() && cited == "None" {
                fail(&format!("{here}: a symptom needs a source and a quote"));
            }
            write!(
                answers,
                "Answer {{ id: {:?}, label: {:?}, because: {:?}, symptom: {:?}, cited: {cited}, recurring: {}, weights: &[{weights}] }}, ",
                a.id,
                a.label,
                a.because,
                a.symptom.as_deref().map(reviewer_note),
                a.recurring
            )
            .unwrap();
            answer_ids.push(a.id.as_str());
        }
        // Every question offers "Not sure", which changes nothing; the file need not repeat it.
        let not_sure = q.not_sure_label.as_deref().unwrap_or("Not sure");
        write!(answers, "Answer {{ id: \"not-sure\", label: {not_sure:?}, because: \"\", symptom: None, cited: None, recurring: false, weights: &[] }}, ").unwrap();
        answer_ids.push("not-sure");
        check_unique(&format!("{here} answer"), answer_ids.iter().copied());
        if answer_ids.len() < 2 {
            fail(&format!(
                "{here}: needs at least one answer besides \"Not sure\""
            ));
        }

        let requirements = |field: &str, list: &[String], earlier: bool| {
            let mut out = String::new();
            for r in list {
                let (rq, ra) = r.split_once(':').unwrap_or_else(|| {
                    fail(&format!(
                        "{here}: {field} `{r}` must read \"question:answer\""
                    ))
                });
                let offered = |answers: &Vec<&str>| answers.contains(&ra);
                // `requires` names earlier questions; a question made moot may be asked
                // before or after the one that settles it.
                let known = if earlier {
                    asked_before.iter().any(|(id, a)| *id == rq && offered(a))
                } else {
                    file.question
                        .iter()
                        .any(|other| other.id == rq && other.answer.iter().any(|a| a.id == ra))
                };
                if !known {
                    fail(&format!(
                        "{here}: {field} `{r}` names no answer of a question"
                    ));
                }
                write!(out, "Requirement {{ question: {rq:?}, answer: {ra:?} }}, ").unwrap();
            }
            out
        };
        let requires = requirements("requires", &q.requires, true);
        let moot_after = requirements("moot_after", &q.moot_after, false);
        if q.moot_after.is_empty() != q.moot_why.is_none() {
            fail(&format!(
                "{here}: give moot_after and moot_why together, or neither"
            ));
        }
        if q.for_summary && (q.always_ask || !q.requires.is_empty()) {
            fail(&format!(
                "{here}: a for_summary question is asked on the hand-over screen only"
            ));
        }
        let (minutes, minutes_why) = match (q.minutes, &q.minutes_why) {
            (Some(m), Some(why)) if m >= 0.0 && m.is_finite() => (m, reviewer_note(why)),
            (None, None) => (
                file.engine.question_minutes,
                reviewer_note(&file.engine.question_why),
            ),
            _ => fail(&format!(
                "{here}: give minutes (zero or more) and minutes_why together, or neither"
            )),
        };
        writeln!(
            out,
            "    Question {{ id: {:?}, text: {:?}, help: {:?}, always_ask: {}, for_summary: {}, phone_check: {}, minutes: {minutes:?}, minutes_why: {minutes_why:?}, requires: &[{requires}], moot_after: &[{moot_after}], answers: &[{answers}] }},",
            q.id, q.text, q.help, q.always_ask, q.for_summary, q.phone_check
        )
        .unwrap();
        asked_before.push((q.id.as_str(), answer_ids));
    }
    out.push_str("];\n");
    out
}

// ---- The SMAPI fault codes (kb/smapi_faults.toml) ----

const CODES_FILE: &str = "kb/smapi_faults.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodesFile {
    default: DefaultRow,
    code: Vec<CodeEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultRow {
    browse: String,
    search: String,
    account_setup: String,
    streaming: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeEntry {
    name: String,
    family: String,
    meaning: String,
    #[serde(default)]
    owner_steps: Vec<String>,
    browse: Option<CellEntry>,
    search: Option<CellEntry>,
    account_setup: Option<CellEntry>,
    streaming: Option<CellEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CellEntry {
    text: Option<String>,
    note: Option<String>,
    #[serde(default)]
    blank: bool,
    #[serde(default)]
    na: bool,
    silent: Option<String>,
}

fn fail_codes(message: &str) -> ! {
    panic!("\n\n{CODES_FILE}: {message}\n\n")
}

/// `NOT_LINKED_RETRY` → `NotLinkedRetry`; `LoginInvalid` stays as it is.
fn variant_name(code: &str) -> String {
    if !code.contains('_') {
        return code.to_owned();
    }
    code.split('_')
        .map(|part| {
            let lower = part.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Checks a message template: only {service} and {item} may stand in braces.
fn check_template(where_: &str, text: &str) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .unwrap_or_else(|| fail_codes(&format!("{where_}: an unclosed {{ in “{text}”")));
        let name = &rest[open + 1..open + close];
        if name != "service" && name != "item" {
            fail_codes(&format!(
                "{where_}: {{{name}}} is not a name; use {{service}} or {{item}}"
            ));
        }
        rest = &rest[open + close + 1..];
    }
    if text.trim().is_empty() {
        fail_codes(&format!("{where_}: the message is empty"));
    }
}

fn cell_code(code: &str, context: &str, cell: Option<&CellEntry>) -> String {
    let where_ = format!("{code}, {context}");
    let Some(cell) = cell else {
        return "Cell::NoRow".to_owned();
    };
    let kinds = [
        cell.text.is_some(),
        cell.blank,
        cell.na,
        cell.silent.is_some(),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    if kinds != 1 {
        fail_codes(&format!(
            "{where_}: a cell is exactly one of text, blank, na or silent"
        ));
    }
    if cell.note.is_some() && cell.text.is_none() {
        fail_codes(&format!("{where_}: only a text cell takes a note"));
    }
    if let Some(text) = &cell.text {
        check_template(&where_, text);
        format!(
            "Cell::Text {{ template: {text:?}, note: {:?} }}",
            cell.note.as_deref()
        )
    } else if cell.blank {
        "Cell::Blank".to_owned()
    } else if cell.na {
        "Cell::NotApplicable".to_owned()
    } else {
        let why = cell.silent.as_deref().unwrap_or_default();
        if why.trim().is_empty() {
            fail_codes(&format!("{where_}: say why nothing is shown"));
        }
        format!("Cell::Silent({why:?})")
    }
}

/// Writes `$OUT_DIR/smapi_codes.rs`: the `Code` enum and its tables. `steps` are the fix-step
/// ids of the knowledge base, which every `owner_steps` entry must name.
fn generate_codes(file: &CodesFile, steps: &HashSet<&str>) -> String {
    let mut seen = HashSet::new();
    for code in &file.code {
        if !seen.insert(code.name.as_str()) {
            fail_codes(&format!("{} is listed twice", code.name));
        }
        if code.family != "Client" && code.family != "Server" {
            fail_codes(&format!(
                "{}: family must be Client or Server, not {}",
                code.name, code.family
            ));
        }
        if code.meaning.trim().is_empty() {
            fail_codes(&format!("{}: say what the code means", code.name));
        }
        for step in &code.owner_steps {
            if !steps.contains(step.as_str()) {
                fail_codes(&format!(
                    "{}: owner step `{step}` is not a step of {KB_FILE}",
                    code.name
                ));
            }
        }
    }
    for (context, text) in [
        ("browse", &file.default.browse),
        ("search", &file.default.search),
        ("account_setup", &file.default.account_setup),
        ("streaming", &file.default.streaming),
    ] {
        check_template(&format!("default, {context}"), text);
    }

    let mut out =
        String::from("// Generated by build.rs from kb/smapi_faults.toml. Do not edit.\n\n");
    out.push_str("/// The fault codes Sonos defines, in the seed's order.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Code {\n");
    for code in &file.code {
        let _ = writeln!(out, "    {},", variant_name(&code.name));
    }
    out.push_str("}\n\nimpl Code {\n");
    let _ = writeln!(
        out,
        "    /// Every code, in the seed's order.\n    pub const ALL: [Code; {}] = [",
        file.code.len()
    );
    for code in &file.code {
        let _ = writeln!(out, "        Code::{},", variant_name(&code.name));
    }
    out.push_str("    ];\n\n");
    let arms = |f: &dyn Fn(&CodeEntry) -> String| -> String {
        file.code
            .iter()
            .map(|c| format!("            Code::{} => {},\n", variant_name(&c.name), f(c)))
            .collect()
    };
    let _ = write!(
        out,
        "    /// The code as a faultcode spells it (`LoginInvalid`, `NOT_LINKED_RETRY`).\n    pub const fn name(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n\n",
        arms(&|c| format!("{:?}", c.name))
    );
    let _ = write!(
        out,
        "    /// The code whose exact name this is (codes are case-sensitive).\n    pub fn from_name(name: &str) -> Option<Code> {{\n        match name {{\n{}            _ => None,\n        }}\n    }}\n\n",
        file.code
            .iter()
            .map(|c| format!("            {:?} => Some(Code::{}),\n", c.name, variant_name(&c.name)))
            .collect::<String>()
    );
    let _ = write!(
        out,
        "    pub const fn family(self) -> Family {{\n        match self {{\n{}        }}\n    }}\n\n",
        arms(&|c| format!("Family::{}", c.family))
    );
    let _ = write!(
        out,
        "    /// What the code means, in Fix 1002's words (from the seed's table).\n    pub const fn meaning(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n\n",
        arms(&|c| format!("{:?}", c.meaning))
    );
    let _ = write!(
        out,
        "    /// Fix-step ids (`#/steps/<id>`) that help a Sonos owner facing this fault.\n    pub const fn owner_steps(self) -> &'static [&'static str] {{\n        match self {{\n{}        }}\n    }}\n\n",
        arms(&|c| format!("&{:?}", c.owner_steps))
    );
    let _ = write!(
        out,
        "    /// The seed's message-table cell for this code in `context`.\n    pub const fn cell(self, context: Context) -> Cell {{\n        match context {{\n"
    );
    for (variant, pick) in [
        ("Browse", 0),
        ("Search", 1),
        ("AccountSetup", 2),
        ("Streaming", 3),
    ] {
        let _ = writeln!(out, "            Context::{variant} => match self {{");
        for code in &file.code {
            let (name, cell) = match pick {
                0 => ("browse", code.browse.as_ref()),
                1 => ("search", code.search.as_ref()),
                2 => ("account_setup", code.account_setup.as_ref()),
                _ => ("streaming", code.streaming.as_ref()),
            };
            let _ = writeln!(
                out,
                "                Code::{} => {},",
                variant_name(&code.name),
                cell_code(&code.name, name, cell)
            );
        }
        out.push_str("            },\n");
    }
    out.push_str("        }\n    }\n}\n\n");
    let _ = write!(
        out,
        "/// The default row's message for `context`: for codes with no row of their own, blank\n/// cells and unknown codes.\npub const fn default_template(context: Context) -> &'static str {{\n    match context {{\n        Context::Browse => {:?},\n        Context::Search => {:?},\n        Context::AccountSetup => {:?},\n        Context::Streaming => {:?},\n    }}\n}}\n",
        file.default.browse, file.default.search, file.default.account_setup, file.default.streaming
    );
    out
}
