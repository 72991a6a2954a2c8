//! The SMAPI fault codes (`kb/smapi_faults.toml`): their shape, their checks, and the `Code`
//! enum with its tables (`$OUT_DIR/smapi_codes.rs`, included by `src/fault/codes.rs`).
//!
//! As for the knowledge base, every mistake is reported, each naming its code, before the
//! build fails; the enum is written only for a file with none.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::schema::Sections;
use crate::validate::{entry, Report};

pub struct CodesFile {
    default: DefaultRow,
    codes: Vec<CodeEntry>,
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
    wizard: Option<String>,
}

/// The contexts of Sonos' message table: the file's key and the `Context` variant.
const CONTEXTS: [(&str, &str); 4] = [
    ("browse", "Browse"),
    ("search", "Search"),
    ("account_setup", "AccountSetup"),
    ("streaming", "Streaming"),
];

impl DefaultRow {
    /// The default row's message in each context of [`CONTEXTS`], in its order.
    fn cells(&self) -> [&str; 4] {
        [
            &self.browse,
            &self.search,
            &self.account_setup,
            &self.streaming,
        ]
    }
}

impl CodeEntry {
    /// The code's cell in each context of [`CONTEXTS`], in its order.
    fn cells(&self) -> [Option<&CellEntry>; 4] {
        [
            self.browse.as_ref(),
            self.search.as_ref(),
            self.account_setup.as_ref(),
            self.streaming.as_ref(),
        ]
    }
}

impl CodesFile {
    /// Reads the file, or lists every structural mistake in it.
    pub fn parse(text: &str) -> Result<CodesFile, Vec<String>> {
        let mut sections = Sections::parse(text)?;
        let default = sections.table("default");
        let codes = sections.entries("code", "name");
        sections.finish()?;
        Ok(CodesFile {
            // `finish` has reported a [default] row that could not be read.
            default: default.ok_or_else(Vec::new)?,
            codes,
        })
    }

    /// Every mistake in the file. `steps` are the knowledge base's step ids, which every
    /// `owner_steps` entry must name; `None` when the knowledge base itself could not be read,
    /// and then those references are not checked.
    pub fn validate(&self, steps: Option<&HashSet<&str>>) -> Vec<String> {
        let mut report = Report::default();
        let mut seen = HashSet::new();
        for code in &self.codes {
            let here = entry("code", &code.name);
            report.check(
                seen.insert(code.name.as_str()),
                &here,
                "the code is listed twice",
            );
            report.check(
                code.family == "Client" || code.family == "Server",
                &here,
                format!("family must be Client or Server, not {:?}", code.family),
            );
            report.check(
                !code.meaning.trim().is_empty(),
                &here,
                "say what the code means",
            );
            for step in &code.owner_steps {
                report.check(
                    steps.is_none_or(|steps| steps.contains(step.as_str())),
                    &here,
                    format!("owner step {step:?} is not a step of kb/error1002.toml"),
                );
            }
            for ((context, _), cell) in CONTEXTS.iter().zip(code.cells()) {
                if let Some(cell) = cell {
                    check_cell(&mut report, &format!("{here}, {context}"), cell);
                }
            }
        }
        for ((context, _), text) in CONTEXTS.iter().zip(self.default.cells()) {
            check_template(&mut report, &format!("[default], {context}"), text);
        }
        report.0
    }
}

fn check_cell(report: &mut Report, here: &str, cell: &CellEntry) {
    let kinds = [
        cell.text.is_some(),
        cell.blank,
        cell.na,
        cell.silent.is_some(),
        cell.wizard.is_some(),
    ];
    report.check(
        kinds.iter().filter(|k| **k).count() == 1,
        here,
        "a cell is exactly one of text, blank, na, silent or wizard",
    );
    report.check(
        cell.note.is_none() || cell.text.is_some() || cell.blank,
        here,
        "only a text or blank cell takes a note",
    );
    if let Some(text) = &cell.text {
        check_template(report, here, text);
    }
    if let Some(why) = &cell.silent {
        report.check(!why.trim().is_empty(), here, "say why nothing is shown");
    }
    if let Some(what) = &cell.wizard {
        report.check(!what.trim().is_empty(), here, "say which wizard is shown");
    }
}

/// A message template: only {service} and {item} may stand in braces.
fn check_template(report: &mut Report, here: &str, text: &str) {
    report.check(!text.trim().is_empty(), here, "the message is empty");
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            report.add(here, format!("an unclosed {{ in “{text}”"));
            return;
        };
        let name = &rest[open + 1..open + close];
        report.check(
            name == "service" || name == "item",
            here,
            format!("{{{name}}} is not a name; use {{service}} or {{item}}"),
        );
        rest = &rest[open + close + 1..];
    }
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

/// A `Cell` literal, for a cell `validate` has passed.
fn cell_literal(cell: Option<&CellEntry>) -> String {
    match cell {
        None => "Cell::NoRow".to_owned(),
        Some(CellEntry {
            text: Some(text),
            note,
            ..
        }) => format!("Cell::Text {{ template: {text:?}, note: {note:?} }}"),
        Some(CellEntry {
            blank: true, note, ..
        }) => format!("Cell::Blank {{ note: {note:?} }}"),
        Some(CellEntry { na: true, .. }) => "Cell::NotApplicable".to_owned(),
        Some(CellEntry {
            wizard: Some(what), ..
        }) => format!("Cell::Wizard({what:?})"),
        Some(CellEntry { silent, .. }) => {
            format!("Cell::Silent({:?})", silent.as_deref().unwrap_or_default())
        }
    }
}

impl CodesFile {
    /// The `Code` enum and its tables.
    pub fn emit(&self) -> String {
        let codes = &self.codes;
        let mut out = String::from(
            "// Generated by build/smapi.rs from kb/smapi_faults.toml. Do not edit.\n\n",
        );
        out.push_str("/// The fault codes Sonos defines, in the seed's order.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Code {\n");
        for code in codes {
            let _ = writeln!(out, "    {},", variant_name(&code.name));
        }
        out.push_str("}\n\nimpl Code {\n");
        let _ = writeln!(
            out,
            "    /// Every code, in the seed's order.\n    pub const ALL: [Code; {}] = [",
            codes.len()
        );
        for code in codes {
            let _ = writeln!(out, "        Code::{},", variant_name(&code.name));
        }
        out.push_str("    ];\n\n");
        let arms = |f: &dyn Fn(&CodeEntry) -> String| -> String {
            codes
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
            codes
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
        out.push_str("    /// The seed's message-table cell for this code in `context`.\n    pub const fn cell(self, context: Context) -> Cell {\n        match context {\n");
        for (pick, (_, variant)) in CONTEXTS.iter().enumerate() {
            let _ = writeln!(out, "            Context::{variant} => match self {{");
            for code in codes {
                let _ = writeln!(
                    out,
                    "                Code::{} => {},",
                    variant_name(&code.name),
                    cell_literal(code.cells()[pick])
                );
            }
            out.push_str("            },\n");
        }
        out.push_str("        }\n    }\n}\n\n");
        out.push_str("/// The default row's message for `context`: for codes with no row of their own, blank\n/// cells and unknown codes.\npub const fn default_template(context: Context) -> &'static str {\n    match context {\n");
        for ((_, variant), text) in CONTEXTS.iter().zip(self.default.cells()) {
            let _ = writeln!(out, "        Context::{variant} => {text:?},");
        }
        out.push_str("    }\n}\n");
        out
    }
}
