//! `--format json`: one document, schema version 1, described in crates/cli/README.md. Each
//! input is written on its own line as soon as it is checked; the totals close the document.

use std::io::{self, Write};

use fix1002_core::fault::explain::Seen;
use fix1002_core::fault::messages::UserMessage;
use fix1002_core::fault::rows::Privacy;
use serde_json::{json, Value};

use super::{context_id, Render, Setting};
use crate::checked::{FaultView, InputHead, SeenView, Tally};

/// Raised when a field changes meaning or disappears; adding fields keeps it.
pub const SCHEMA_VERSION: u32 = 1;

pub struct Json<'a> {
    setting: Setting<'a>,
    /// Whether no input has been written yet.
    first: bool,
    /// Whether no fault of the current input has been written yet.
    first_fault: bool,
}

impl<'a> Json<'a> {
    pub fn new(setting: Setting<'a>) -> Self {
        Json {
            setting,
            first: true,
            first_fault: true,
        }
    }

    fn fault_value(&self, fault: &FaultView) -> Value {
        json!({
            "heading": fault.heading,
            "line": fault.position.map(|p| p.line),
            "column": fault.position.map(|p| p.column),
            "code": fault.code,
            "family": fault.family,
            "lead": fault.lead,
            "sections": fault.sections.iter().map(|section| json!({
                "heading": section.heading,
                "facts": section.facts,
                "rows": section.rows.iter().map(|row| json!({
                    "label": row.label,
                    "value": row.value,
                    "privacy": privacy(row.privacy),
                    "hidden": row.hidden,
                    "missing": row.missing,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "seen": fault.seen.iter().map(seen).collect::<Vec<_>>(),
            "log": fault.log.iter().map(|log| json!({
                "contexts": log.contexts.iter().map(|c| context_id(*c)).collect::<Vec<_>>(),
                "text": log.note,
            })).collect::<Vec<_>>(),
            "findings": fault.findings.iter().map(|view| {
                let finding = &view.finding;
                json!({
                    "tag": finding.tag,
                    "severity": finding.severity.label(),
                    "found": &*finding.found,
                    "rule": finding.rule,
                    "fix": finding.fix,
                    "basis": finding.basis.heading(),
                    "basis_url": finding.basis.url(),
                    "contexts": view.contexts.iter().map(|c| context_id(*c)).collect::<Vec<_>>(),
                    "fails": self.setting.fail_on.fails(finding.severity),
                })
            }).collect::<Vec<_>>(),
            "owner_steps": fault.owner_steps.iter().map(|(id, title)| json!({
                "id": id,
                "title": title,
            })).collect::<Vec<_>>(),
        })
    }
}

fn privacy(privacy: Privacy) -> &'static str {
    match privacy {
        Privacy::Public => "public",
        Privacy::Identifier => "identifier",
        Privacy::Secret => "secret",
    }
}

/// A stable id for the kind of message the user sees.
fn seen_kind(seen: &Seen) -> &'static str {
    match seen {
        Seen::Custom { .. } => "custom",
        Seen::RetryError { .. } => "retry-error",
        Seen::CustomUnchecked { .. } => "custom-unchecked",
        Seen::Table(UserMessage::Shown { .. }) => "table",
        Seen::Table(UserMessage::Wizard { .. }) => "wizard",
        Seen::Table(UserMessage::Silent { .. }) => "silent",
        Seen::Table(UserMessage::NotDefined { .. }) => "not-defined",
        Seen::NoCode => "no-code",
    }
}

fn seen(view: &SeenView) -> Value {
    let contexts: Vec<&str> = view.contexts.iter().map(|c| context_id(*c)).collect();
    let (kind, kind_text, text, quote) = match &view.seen {
        Some(seen) => (
            Some(seen_kind(seen)),
            Some(seen.kind()),
            Some(seen.text()),
            seen.is_quote(),
        ),
        None => (None, None, None, false),
    };
    json!({
        "contexts": contexts,
        "kind": kind,
        "kind_text": kind_text,
        "text": text,
        "quote": quote,
        "notes": view.notes,
    })
}

impl Json<'_> {
    /// The comma before every input but the first.
    fn separator(&mut self) -> &'static str {
        let separator = if self.first { "" } else { "," };
        self.first = false;
        separator
    }
}

impl Render for Json<'_> {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let head = json!({
            "version": SCHEMA_VERSION,
            "tool": {"name": "fix1002", "version": env!("CARGO_PKG_VERSION")},
            "contexts": self.setting.contexts.iter().map(|c| context_id(*c)).collect::<Vec<_>>(),
            "fail_on": self.setting.fail_on.name(),
            "secrets_shown": self.setting.show_secrets,
        });
        // The head's fields, then the inputs one per line: the document is written as it goes.
        let head = head.to_string();
        let open = head.strip_suffix('}').unwrap_or(&head);
        write!(out, "{open},\"inputs\":[")
    }

    fn problem(&mut self, out: &mut dyn Write, name: &str, message: &str) -> io::Result<()> {
        let value = json!({
            "file": name,
            "problem": message,
            "kind": null,
            "passed_over": 0,
            "faults": [],
        });
        write!(out, "{}\n{value}", self.separator())
    }

    fn begin(&mut self, out: &mut dyn Write, name: &str, head: &InputHead) -> io::Result<()> {
        // The input's fields, then its faults as they are explained.
        let fields = json!({
            "file": name,
            "problem": null,
            "kind": head.kind,
            "passed_over": head.passed_over,
        })
        .to_string();
        let open = fields.strip_suffix('}').unwrap_or(&fields);
        self.first_fault = true;
        write!(out, "{}\n{open},\"faults\":[", self.separator())
    }

    fn fault(&mut self, out: &mut dyn Write, _name: &str, fault: &FaultView) -> io::Result<()> {
        let separator = if self.first_fault { "" } else { "," };
        self.first_fault = false;
        write!(out, "{separator}{}", self.fault_value(fault))
    }

    fn end(&mut self, out: &mut dyn Write, _name: &str) -> io::Result<()> {
        write!(out, "]}}")
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let summary = json!({
            "inputs": tally.inputs,
            "faults": tally.faults,
            "errors": tally.errors,
            "warnings": tally.warnings,
            "infos": tally.infos,
            "problems": tally.problems,
            "failing": tally.failing,
            "exit_code": tally.exit_code(),
        });
        writeln!(out, "\n],\"summary\":{summary}}}")
    }
}
