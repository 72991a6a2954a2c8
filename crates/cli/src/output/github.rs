//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,title=…::message`), shown on the run and on the pull
//! request's files. Values are escaped as the runner reads them back: `%`, CR and LF in the
//! message, and also `:` and `,` in the properties.

use std::io::{self, Write};

use fix1002_core::fault::findings::{Finding, Severity};
use fix1002_core::fault::strings::KeyCheck;
use fix1002_core::fault::Position;

use super::{context_labels, count, Render, Setting, Subject};
use crate::checked::{FaultView, InputHead, Tally};

pub struct Github<'a> {
    setting: Setting<'a>,
}

impl<'a> Github<'a> {
    pub fn new(setting: Setting<'a>) -> Self {
        Github { setting }
    }
}

/// The runner's escaping of a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The runner's escaping of a property's value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// What was found, the fix, and the rule with its basis.
fn annotation_text(finding: &Finding) -> String {
    format!(
        "{}\nFix: {}\n{}: {}",
        finding.found,
        finding.fix,
        finding.basis.heading(),
        finding.rule
    )
}

/// One workflow command, at the file, line and column when they are known.
fn annotate(
    out: &mut dyn Write,
    name: &str,
    position: Option<Position>,
    finding: &Finding,
    message: &str,
) -> io::Result<()> {
    let file = property(name);
    let place = match position {
        Some(p) => format!("file={file},line={},col={}", p.line, p.column),
        None => format!("file={file}"),
    };
    writeln!(
        out,
        "::{} {place},title={}::{}",
        command(finding.severity),
        property(finding.tag),
        data(message)
    )
}

impl Render for Github<'_> {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn problem(&mut self, out: &mut dyn Write, name: &str, message: &str) -> io::Result<()> {
        writeln!(
            out,
            "::error file={},title={}::{}",
            property(name),
            property("fix1002: cannot check"),
            data(message)
        )
    }

    fn begin(&mut self, _out: &mut dyn Write, _name: &str, _head: &InputHead) -> io::Result<()> {
        Ok(())
    }

    fn fault(&mut self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()> {
        for view in &fault.findings {
            let mut message = format!("{}: {}", fault.heading, annotation_text(&view.finding));
            // A finding that holds in only some of the chosen contexts says in which.
            if view.contexts.len() < self.setting.contexts.len() {
                message.push_str(&format!("\nOnly in: {}", context_labels(&view.contexts)));
            }
            annotate(out, name, fault.position, &view.finding, &message)?;
        }
        Ok(())
    }

    fn key(&mut self, out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<()> {
        for located in &key.findings {
            let message = format!("{}: {}", key.key, annotation_text(&located.finding));
            annotate(out, name, located.position, &located.finding, &message)?;
        }
        Ok(())
    }

    fn end(&mut self, _out: &mut dyn Write, _name: &str) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        // A plain line for the log: the runner shows lines that are not commands as they are.
        let items = match self.setting.subject {
            Subject::Faults => count(tally.faults, "fault", "faults"),
            Subject::Strings => count(tally.keys, "key", "keys"),
        };
        writeln!(
            out,
            "{}: {}, {items}: {}, {}, {}; {} could not be checked; exit code {}.",
            self.setting.subject.command(),
            count(tally.inputs, "input", "inputs"),
            count(tally.errors, "error", "errors"),
            count(tally.warnings, "warning", "warnings"),
            count(tally.infos, "info", "infos"),
            count(tally.problems, "input", "inputs"),
            tally.exit_code()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_reads() {
        assert_eq!(data("100%\r\nok: a,b"), "100%25%0D%0Aok: a,b");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
