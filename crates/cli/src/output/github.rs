//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,title=…::message`), shown on the run and on the pull
//! request's files. Values are escaped as the runner reads them back: `%`, CR and LF in the
//! message, and also `:` and `,` in the properties.

use std::io::{self, Write};

use fix1002_core::fault::findings::Severity;

use super::{context_labels, count, Render, Setting};
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
        let file = property(name);
        let place = match fault.position {
            Some(p) => format!("file={file},line={},col={}", p.line, p.column),
            None => format!("file={file}"),
        };
        for view in &fault.findings {
            let finding = &view.finding;
            let mut message = format!("{}: {}\nFix: {}", fault.heading, finding.found, finding.fix);
            message.push_str(&format!("\n{}: {}", finding.basis.heading(), finding.rule));
            if view.contexts.len() < self.setting.contexts.len() {
                message.push_str(&format!("\nOnly in: {}", context_labels(&view.contexts)));
            }
            writeln!(
                out,
                "::{} {place},title={}::{}",
                command(finding.severity),
                property(finding.tag),
                data(&message)
            )?;
        }
        Ok(())
    }

    fn end(&mut self, _out: &mut dyn Write, _name: &str) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        // A plain line for the log: the runner shows lines that are not commands as they are.
        writeln!(
            out,
            "fix1002 check: {}, {}: {}, {}, {}; {} could not be checked; exit code {}.",
            count(tally.inputs, "input", "inputs"),
            count(tally.faults, "fault", "faults"),
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
