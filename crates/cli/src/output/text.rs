//! `--format text`: for people. It reads like the web page's copied report (the same rows,
//! labels and sentences), with each fault and finding prefixed by `file:line:column`, as
//! compilers print them, so editors and terminals can jump there.

use std::io::{self, Write};

use fix1002_core::fault::explain::OWNER_STEPS_NOTE;
use fix1002_core::fault::findings::{Finding, Severity};
use fix1002_core::fault::messages::Context;
use fix1002_core::fault::strings::KeyCheck;
use fix1002_core::fault::Position;

use super::{context_labels, count, Render, Setting, Subject};
use crate::checked::{FaultView, InputHead, SeenView, Tally};

pub struct Text<'a> {
    setting: Setting<'a>,
    first: bool,
    /// The number of languages of the resource being printed.
    languages: usize,
}

impl<'a> Text<'a> {
    pub fn new(setting: Setting<'a>) -> Self {
        Text {
            setting,
            first: true,
            languages: 0,
        }
    }

    /// A blank line between inputs.
    fn separate(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.first {
            writeln!(out)?;
        }
        self.first = false;
        Ok(())
    }

    /// `text` in an ANSI style, when colour is on.
    fn paint(&self, style: &str, text: &str) -> String {
        if self.setting.colour {
            format!("\x1b[{style}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(&self, severity: Severity) -> String {
        let style = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(style, severity.label())
    }

    fn write_fault(&self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()> {
        writeln!(out)?;
        let heading = format!("{}: {}", place(name, fault.position), fault.heading);
        writeln!(out, "{}", self.paint("1", &heading))?;
        if let Some(lead) = fault.lead {
            writeln!(out, "  {lead}")?;
        }
        for section in &fault.sections {
            let indent = if section.facts {
                "  "
            } else {
                writeln!(out, "  {}:", section.heading)?;
                "    "
            };
            for row in &section.rows {
                // A value of several lines keeps them, further indented, as in the report.
                let mut lines = row.value.lines();
                let first = lines.next().unwrap_or_default();
                writeln!(out, "{indent}{}: {first}", row.label)?;
                for more in lines {
                    writeln!(out, "{indent}  {more}")?;
                }
            }
        }
        for seen in &fault.seen {
            self.seen(out, seen)?;
        }
        for log in &fault.log {
            if fault.log.len() == 1 {
                writeln!(out, "  Log: {}", log.note)?;
            } else {
                writeln!(
                    out,
                    "  Log, {}: {}",
                    context_labels(&log.contexts),
                    log.note
                )?;
            }
        }
        if !fault.owner_steps.is_empty() {
            let titles: Vec<&str> = fault.owner_steps.iter().map(|(_, title)| *title).collect();
            writeln!(
                out,
                "  Fix steps for the Sonos owner ({OWNER_STEPS_NOTE}): {}",
                titles.join("; ")
            )?;
        }
        for view in &fault.findings {
            // A finding that holds in only some of the chosen contexts says in which.
            let only_in = (view.contexts.len() < self.setting.contexts.len())
                .then_some(view.contexts.as_slice());
            self.finding(out, name, fault.position, &view.finding, only_in)?;
        }
        Ok(())
    }

    fn write_key(&self, out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<()> {
        let mut heading = match key.languages.len() {
            0 => format!("{}: in no language", key.key),
            n if n == self.languages => format!("{}: in every language of the resource", key.key),
            _ => format!("{}: in {}", key.key, key.languages.join(", ")),
        };
        if !key.used_by.is_empty() {
            heading.push_str(&format!("; asked for by {}", key.used_by.join(", ")));
        }
        writeln!(out, "  {heading}")?;
        for located in &key.findings {
            self.finding(out, name, located.position, &located.finding, None)?;
        }
        Ok(())
    }

    fn seen(&self, out: &mut dyn Write, view: &SeenView) -> io::Result<()> {
        let contexts = context_labels(&view.contexts);
        let indent = match &view.seen {
            Some(seen) => {
                writeln!(
                    out,
                    "  {contexts}: user sees ({}): {}",
                    seen.kind(),
                    seen.text()
                )?;
                "    "
            }
            // A speaker's fault: no message applies, but the notes still do.
            None => "  ",
        };
        for note in &view.notes {
            writeln!(out, "{indent}Note: {note}")?;
        }
        Ok(())
    }

    fn finding(
        &self,
        out: &mut dyn Write,
        name: &str,
        position: Option<Position>,
        finding: &Finding,
        only_in: Option<&[Context]>,
    ) -> io::Result<()> {
        writeln!(
            out,
            "{}: {}[{}]: {}",
            place(name, position),
            self.severity(finding.severity),
            finding.tag,
            finding.found
        )?;
        writeln!(out, "  {}: {}", finding.basis.heading(), finding.rule)?;
        writeln!(out, "  Fix: {}", finding.fix)?;
        if let Some(url) = finding.basis.url() {
            writeln!(out, "  See: {url}")?;
        }
        if let Some(contexts) = only_in {
            writeln!(out, "  Only in: {}", context_labels(contexts))?;
        }
        Ok(())
    }
}

/// `name:line:column`, or the name alone when the fault has no position.
fn place(name: &str, position: Option<Position>) -> String {
    match position {
        Some(p) => format!("{name}:{}:{}", p.line, p.column),
        None => name.to_owned(),
    }
}

impl Render for Text<'_> {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn problem(&mut self, out: &mut dyn Write, name: &str, message: &str) -> io::Result<()> {
        self.separate(out)?;
        let label = self.paint("1;31", "cannot check");
        writeln!(out, "{name}: {label}: {message}")
    }

    fn begin(&mut self, out: &mut dyn Write, name: &str, head: &InputHead) -> io::Result<()> {
        self.separate(out)?;
        if self.setting.subject == Subject::Strings {
            self.languages = head.languages.len();
            return writeln!(
                out,
                "{}: {} in {} ({}), with {}",
                self.paint("1", name),
                head.kind,
                count(head.languages.len(), "language", "languages"),
                head.languages.join(", "),
                count(head.items, "Error<N>Message key", "Error<N>Message keys")
            );
        }
        writeln!(
            out,
            "{}: {} with {}",
            self.paint("1", name),
            head.kind,
            count(head.items, "fault", "faults")
        )?;
        if head.passed_over > 0 {
            writeln!(
                out,
                "Responses with no SOAP fault, not shown: {}",
                head.passed_over
            )?;
        }
        Ok(())
    }

    fn fault(&mut self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()> {
        self.write_fault(out, name, fault)
    }

    fn key(&mut self, out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<()> {
        self.write_key(out, name, key)
    }

    fn end(&mut self, _out: &mut dyn Write, _name: &str) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        writeln!(out)?;
        let mut line = match self.setting.subject {
            Subject::Faults => format!(
                "Checked {} ({}): {}, {}, {}, {}.",
                count(tally.inputs, "input", "inputs"),
                context_labels(self.setting.contexts),
                count(tally.faults, "fault", "faults"),
                count(tally.errors, "error", "errors"),
                count(tally.warnings, "warning", "warnings"),
                count(tally.infos, "info", "infos"),
            ),
            Subject::Strings => format!(
                "Checked {}: {}, {}, {}.",
                count(tally.keys, "key", "keys"),
                count(tally.errors, "error", "errors"),
                count(tally.warnings, "warning", "warnings"),
                count(tally.infos, "info", "infos"),
            ),
        };
        if tally.problems > 0 {
            line.push_str(&format!(
                " {} could not be checked.",
                count(tally.problems, "input", "inputs")
            ));
        }
        let verdict = match tally.exit_code() {
            0 => format!(
                "Nothing at or above --fail-on {}.",
                self.setting.fail_on.name()
            ),
            1 => format!(
                "{} at or above --fail-on {}.",
                count(tally.failing, "finding", "findings"),
                self.setting.fail_on.name()
            ),
            _ => match self.setting.subject {
                Subject::Faults => "Exit code 2: not every input holds a fault to check.",
                Subject::Strings => "Exit code 2: not every input could be checked.",
            }
            .to_owned(),
        };
        writeln!(out, "{} {}", line, self.paint("1", &verdict))
    }
}
