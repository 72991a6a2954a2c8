//! The plain-text report behind "Copy report": every fault, what the user sees, and every
//! finding, with secrets redacted so the report is safe to paste into a ticket.

use super::explain::{explain_all, Choices, Explanation, OWNER_STEPS_NOTE};
use super::model::{Decoded, Fault};
use super::rows::{Privacy, Row, Section, SectionKind, Value};
use crate::kb::KB;

/// The copied report: its text, and the name of everything it hides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub text: String,
    /// What was hidden, each name once, in the order met (`authToken`, `Authorization header`).
    pub hidden: Vec<String>,
}

impl Report {
    /// The message shown once the report is on the clipboard: exactly what was hidden, and
    /// that free text goes as it was sent.
    pub fn copied_message(&self) -> String {
        let free_text = "Free text (faultstring, ExceptionInfo) is copied as sent: check it before you share the report.";
        if self.hidden.is_empty() {
            format!("Report copied. Nothing in it is named like a secret. {free_text}")
        } else {
            format!(
                "Report copied, with these hidden: {}. {free_text}",
                self.hidden.join(", ")
            )
        }
    }
}

/// Collects the report's lines and what they hide.
struct Writer {
    lines: Vec<String>,
    hidden: Vec<String>,
}

impl Writer {
    fn line(&mut self, line: String) {
        self.lines.push(line);
    }

    /// One row, as `label: value`, its value hidden if it is private (and remembered).
    fn row(&mut self, indent: &str, section: &Section, row: &Row) {
        if row.privacy != Privacy::Public && row.value != Value::Missing {
            let name = section.hidden_name(row);
            if !self.hidden.contains(&name) {
                self.hidden.push(name);
            }
        }
        // A value of several lines keeps them, each further indented, so the report still
        // reads as one row per label.
        let text = row.shared_text();
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        self.line(format!("{indent}{}: {first}", row.label));
        for more in lines {
            self.line(format!("{indent}  {more}"));
        }
    }
}

/// The report as plain text: the explanation of each fault, line by line. Private values are
/// always hidden here, whatever the screen shows.
pub fn plain_text(decoded: &Decoded, choices: &Choices) -> Report {
    let mut out = Writer {
        lines: Vec::new(),
        hidden: Vec::new(),
    };
    out.line(format!(
        "SMAPI fault report (Fix 1002): {} with {} fault{}",
        decoded.kind.describe(),
        decoded.faults.len(),
        if decoded.faults.len() == 1 { "" } else { "s" }
    ));
    if decoded.passed_over > 0 {
        out.line(format!(
            "Responses with no SOAP fault, not shown: {}",
            decoded.passed_over
        ));
    }
    out.line(format!("Context: {}", choices.context.label()));
    for (i, (fault, explanation)) in explain_all(decoded, choices).enumerate() {
        out.line(String::new());
        out.line(fault_heading(i, fault));
        explanation_lines(&explanation, &mut out);
    }
    Report {
        text: out.lines.join("\n"),
        hidden: out.hidden,
    }
}

/// "Fault 3 (line 120)": the heading the card shows too.
pub fn fault_heading(index: usize, fault: &Fault) -> String {
    match fault.position {
        Some(p) => format!("Fault {} (line {})", index + 1, p.line),
        None => format!("Fault {}", index + 1),
    }
}

fn explanation_lines(explanation: &Explanation, out: &mut Writer) {
    if let Some(lead) = explanation.lead {
        out.line(format!("  {lead}"));
    }
    for section in &explanation.sections {
        let indent = if section.kind == SectionKind::Facts {
            "  "
        } else {
            out.line(format!("  {}:", section.heading));
            "    "
        };
        for row in &section.rows {
            out.row(indent, section, row);
        }
    }
    if let Some(seen) = &explanation.seen {
        out.line(format!("  User sees ({}): {}", seen.kind(), seen.text()));
    }
    for note in &explanation.notes {
        out.line(format!("  Note: {note}"));
    }
    if let Some(log_note) = &explanation.log_note {
        out.line(format!("  Log: {log_note}"));
    }
    for finding in &explanation.findings {
        out.line(format!(
            "  [{}] {}: {} ({})",
            finding.severity.label(),
            finding.tag,
            finding.found,
            finding.basis.heading()
        ));
    }
    let steps: Vec<&str> = explanation
        .owner_steps
        .iter()
        .filter_map(|id| KB.step(id))
        .map(|step| step.title)
        .collect();
    if !steps.is_empty() {
        out.line(format!(
            "  Fix steps for the Sonos owner ({OWNER_STEPS_NOTE}): {}",
            steps.join("; ")
        ));
    }
}
