//! `--format json`: one document, schema version 1, described in crates/cli/README.md. Each
//! input is written on its own line as soon as it is checked; the totals close the document.

use std::io::{self, Write};

use fix1002_core::fault::explain::Seen;
use fix1002_core::fault::findings::Finding;
use fix1002_core::fault::messages::UserMessage;
use fix1002_core::fault::rows::Privacy;
use fix1002_core::fault::strings::KeyCheck;
use serde_json::{json, Value};

use super::{context_id, Render, Setting, Subject};
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
                let mut value = self.finding_value(&view.finding);
                value["contexts"] = json!(view.contexts.iter().map(|c| context_id(*c)).collect::<Vec<_>>());
                value
            }).collect::<Vec<_>>(),
            "owner_steps": fault.owner_steps.iter().map(|(id, title)| json!({
                "id": id,
                "title": title,
            })).collect::<Vec<_>>(),
        })
    }
}

impl Json<'_> {
    fn finding_value(&self, finding: &Finding) -> Value {
        json!({
            "tag": finding.tag,
            "severity": finding.severity.label(),
            "found": &*finding.found,
            "rule": finding.rule,
            "fix": finding.fix,
            "basis": finding.basis.heading(),
            "basis_url": finding.basis.url(),
            "fails": self.setting.fail_on.fails(finding.severity),
        })
    }

    fn key_value(&self, key: &KeyCheck) -> Value {
        json!({
            "key": key.key,
            "number": key.number,
            "languages": key.languages,
            "used_by": key.used_by,
            "findings": key.findings.iter().map(|located| {
                let mut value = self.finding_value(&located.finding);
                value["line"] = json!(located.position.map(|p| p.line));
                value["column"] = json!(located.position.map(|p| p.column));
                value
            }).collect::<Vec<_>>(),
        })
    }

    /// What an input's list of items is called: its faults, or a resource's keys.
    fn items(&self) -> &'static str {
        match self.setting.subject {
            Subject::Faults => "faults",
            Subject::Strings => "keys",
        }
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
            "command": self.setting.subject.command(),
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
        let mut value = json!({
            "file": name,
            "problem": message,
            "kind": null,
            "passed_over": 0,
        });
        value[self.items()] = json!([]);
        write!(out, "{}\n{value}", self.separator())
    }

    fn begin(&mut self, out: &mut dyn Write, name: &str, head: &InputHead) -> io::Result<()> {
        // The input's fields, then its faults as they are explained.
        let mut fields = json!({
            "file": name,
            "problem": null,
            "kind": head.kind,
            "passed_over": head.passed_over,
        });
        if self.setting.subject == Subject::Strings {
            fields["languages"] = json!(head.languages);
        }
        let fields = fields.to_string();
        let open = fields.strip_suffix('}').unwrap_or(&fields);
        self.first_fault = true;
        let items = self.items();
        write!(out, "{}\n{open},\"{items}\":[", self.separator())
    }

    fn fault(&mut self, out: &mut dyn Write, _name: &str, fault: &FaultView) -> io::Result<()> {
        let separator = if self.first_fault { "" } else { "," };
        self.first_fault = false;
        write!(out, "{separator}{}", self.fault_value(fault))
    }

    fn key(&mut self, out: &mut dyn Write, _name: &str, key: &KeyCheck) -> io::Result<()> {
        let separator = if self.first_fault { "" } else { "," };
        self.first_fault = false;
        write!(out, "{separator}{}", self.key_value(key))
    }

    fn end(&mut self, out: &mut dyn Write, _name: &str) -> io::Result<()> {
        write!(out, "]}}")
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let summary = json!({
            "inputs": tally.inputs,
            "faults": tally.faults,
            "keys": tally.keys,
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
