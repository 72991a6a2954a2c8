//! One input, checked: the decoder's explanation of each fault in every chosen context, put
//! side by side. Nothing here decides what a fault means; it only gathers what
//! `fix1002_core::fault::explain` decided, so that every format prints the same thing.

use fix1002_core::fault::explain::{explain, Choices, Explanation, Seen};
use fix1002_core::fault::findings::{Finding, Severity};
use fix1002_core::fault::messages::{Context, Names};
use fix1002_core::fault::report::fault_heading;
use fix1002_core::fault::rows::{Privacy, Row, Section, Value};
use fix1002_core::fault::strings::{KeyCheck, StringTable, TableFormat};
use fix1002_core::fault::{Decoded, Fault, Position};
use fix1002_core::kb::KB;

/// What the user chose that shapes every explanation.
pub struct Options<'a> {
    pub contexts: &'a [Context],
    pub names: Names<'a>,
    pub strings: Option<&'a StringTable>,
    pub language: &'a str,
    pub show_secrets: bool,
}

/// What one input is, before its faults (or a resource's keys) are printed.
pub struct InputHead {
    /// What kind of input it was, as the report says it ("a raw HTTP response").
    pub kind: &'static str,
    /// Responses in it with no SOAP fault, counted by the decoder.
    pub passed_over: usize,
    /// Its faults, or a localization resource's `Error<N>Message` keys.
    pub items: usize,
    /// A localization resource's languages, in file order; empty for a capture.
    pub languages: Vec<String>,
}

impl InputHead {
    pub fn of(decoded: &Decoded) -> InputHead {
        InputHead {
            kind: decoded.kind.describe(),
            passed_over: decoded.passed_over,
            items: decoded.faults.len(),
            languages: Vec::new(),
        }
    }

    pub fn of_resource(table: &StringTable, keys: usize) -> InputHead {
        InputHead {
            kind: match table.format {
                TableFormat::LegacyXml => "a legacy XML string table",
                TableFormat::Json => "an i18next JSON resource",
            },
            passed_over: 0,
            items: keys,
            languages: table.languages.iter().map(|l| l.tag.clone()).collect(),
        }
    }
}

/// One fault: its explanation's context-free parts once, and the rest per context.
pub struct FaultView {
    /// "Fault 2 (line 40)", the heading the card and the report give it.
    pub heading: String,
    /// Where the fault is in the input: its Fault element, or else the start of the body it
    /// came in (`Decoded::location_of`); `None` in a HAR file.
    pub position: Option<Position>,
    /// The bare code and its type as sent, from the decoder.
    pub code: Option<String>,
    pub family: Option<String>,
    pub lead: Option<&'static str>,
    pub sections: Vec<SectionView>,
    /// What the user sees in each chosen context, grouped where the contexts agree.
    pub seen: Vec<SeenView>,
    /// Where Sonos logs the fault, grouped the same way (it differs only while streaming).
    pub log: Vec<LogView>,
    /// Every finding of every chosen context, each once, most severe first.
    pub findings: Vec<FindingView>,
    /// The knowledge base's fix steps for the Sonos owner: (id, title).
    pub owner_steps: Vec<(&'static str, &'static str)>,
}

pub struct SectionView {
    pub heading: String,
    /// Whether this is the fault's own facts, which the report prints without a heading.
    pub facts: bool,
    pub rows: Vec<RowView>,
}

pub struct RowView {
    pub label: String,
    /// The value to print: hidden or cut as in the report, unless secrets are shown.
    pub value: String,
    pub privacy: Privacy,
    pub hidden: bool,
    pub missing: bool,
}

/// What the user sees, in the contexts where the explanation says the same.
pub struct SeenView {
    pub contexts: Vec<Context>,
    /// `None` for a speaker's UPnP fault, where SMAPI's messages do not apply.
    pub seen: Option<Seen>,
    pub notes: Vec<String>,
}

/// Where Sonos logs the fault, in the contexts where the explanation says the same.
pub struct LogView {
    pub contexts: Vec<Context>,
    pub note: String,
}

pub struct FindingView {
    pub finding: Finding,
    /// The chosen contexts in which the explanation has this finding: most findings hold in
    /// all of them; a custom message's may not.
    pub contexts: Vec<Context>,
}

/// Each fault of `decoded`, explained in every chosen context, one at a time: a log with
/// thousands of faults is printed as it is explained, never held explained whole.
pub fn fault_views<'a>(
    decoded: &'a Decoded,
    options: &'a Options,
) -> impl Iterator<Item = FaultView> + 'a {
    decoded
        .faults
        .iter()
        .enumerate()
        .map(move |(index, fault)| view_of(index, fault, decoded, options))
}

fn view_of(index: usize, fault: &Fault, decoded: &Decoded, options: &Options) -> FaultView {
    let origin = decoded.origin_of(fault);
    let explanations: Vec<(Context, Explanation)> = options
        .contexts
        .iter()
        .map(|&context| {
            let choices = Choices {
                context,
                names: options.names,
                strings: options.strings,
                language: options.language,
            };
            (context, explain(fault, origin, &choices))
        })
        .collect();
    // The lead, the rows and the owner's steps do not depend on the context (the explanation
    // builds them from the fault alone); the first context's are everyone's.
    let first = &explanations[0].1;
    FaultView {
        heading: fault_heading(index, fault),
        position: decoded.location_of(fault),
        code: fault.code.clone(),
        family: fault.family_text.clone(),
        lead: first.lead,
        sections: first
            .sections
            .iter()
            .map(|s| section_view(s, options.show_secrets))
            .collect(),
        seen: seen_views(&explanations),
        log: log_views(&explanations),
        findings: finding_views(&explanations),
        owner_steps: first
            .owner_steps
            .iter()
            .filter_map(|id| KB.step(id))
            .map(|step| (step.id, step.title))
            .collect(),
    }
}

fn section_view(section: &Section, show_secrets: bool) -> SectionView {
    SectionView {
        heading: section.heading.clone(),
        facts: section.kind == fix1002_core::fault::rows::SectionKind::Facts,
        rows: section
            .rows
            .iter()
            .map(|row| row_view(row, show_secrets))
            .collect(),
    }
}

fn row_view(row: &Row, show_secrets: bool) -> RowView {
    let missing = row.value == Value::Missing;
    let private = row.privacy != Privacy::Public && !missing;
    RowView {
        label: row.label.clone(),
        value: if show_secrets {
            row.full_text().to_owned()
        } else {
            row.shared_text()
        },
        privacy: row.privacy,
        hidden: private && !show_secrets,
        missing,
    }
}

/// Contexts whose explanations say the same about what the user sees share one entry.
fn seen_views(explanations: &[(Context, Explanation)]) -> Vec<SeenView> {
    let mut views: Vec<SeenView> = Vec::new();
    for (context, explanation) in explanations {
        let same = views
            .iter_mut()
            .find(|v| v.seen == explanation.seen && v.notes == explanation.notes);
        match same {
            Some(view) => view.contexts.push(*context),
            None => views.push(SeenView {
                contexts: vec![*context],
                seen: explanation.seen.clone(),
                notes: explanation.notes.clone(),
            }),
        }
    }
    views
}

fn log_views(explanations: &[(Context, Explanation)]) -> Vec<LogView> {
    let mut views: Vec<LogView> = Vec::new();
    for (context, explanation) in explanations {
        let Some(note) = &explanation.log_note else {
            continue;
        };
        match views.iter_mut().find(|v| v.note == *note) {
            Some(view) => view.contexts.push(*context),
            None => views.push(LogView {
                contexts: vec![*context],
                note: note.clone(),
            }),
        }
    }
    views
}

/// Every finding once, with the contexts it holds in, in the explanation's order (most
/// severe first) across contexts.
fn finding_views(explanations: &[(Context, Explanation)]) -> Vec<FindingView> {
    let mut views: Vec<FindingView> = Vec::new();
    for (context, explanation) in explanations {
        for finding in &explanation.findings {
            match views.iter_mut().find(|v| v.finding == *finding) {
                Some(view) => view.contexts.push(*context),
                None => views.push(FindingView {
                    finding: finding.clone(),
                    contexts: vec![*context],
                }),
            }
        }
    }
    // Stable: within a severity, the order the explanations gave.
    views.sort_by_key(|v| v.finding.severity);
    views
}

/// Counts of findings by severity, and of inputs that could not be checked.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub inputs: usize,
    pub faults: usize,
    /// A localization resource's `Error<N>Message` keys (`fix1002 strings check`).
    pub keys: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Inputs with no fault, or that could not be read.
    pub problems: usize,
    /// Findings at or above --fail-on.
    pub failing: usize,
}

impl Tally {
    pub fn add_problem(&mut self) {
        self.inputs += 1;
        self.problems += 1;
    }

    pub fn add_input(&mut self) {
        self.inputs += 1;
    }

    pub fn add_fault(&mut self, fault: &FaultView, fails: impl Fn(Severity) -> bool) {
        self.faults += 1;
        for view in &fault.findings {
            self.add_finding(view.finding.severity, &fails);
        }
    }

    pub fn add_key(&mut self, key: &KeyCheck, fails: impl Fn(Severity) -> bool) {
        self.keys += 1;
        for located in &key.findings {
            self.add_finding(located.finding.severity, &fails);
        }
    }

    fn add_finding(&mut self, severity: Severity, fails: impl Fn(Severity) -> bool) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
        if fails(severity) {
            self.failing += 1;
        }
    }

    /// 2 if any input could not be checked, else 1 if any finding fails, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.problems > 0 {
            2
        } else if self.failing > 0 {
            1
        } else {
            0
        }
    }
}
