//! `--format junit`: JUnit XML as GitLab, Jenkins and most CI servers read it. A test suite per
//! input, a test case per fault, a failure per finding at or above `--fail-on`; every finding
//! is listed in the case's output. An input that could not be checked is a suite with one
//! case in error. A suite's opening tag carries its counts, so its cases are gathered in memory
//! until the input's last fault: this format holds one input's report at a time.

use std::io::{self, Write};

use super::{context_labels, Render, Setting, Subject};
use crate::checked::{FaultView, InputHead, Tally};
use fix1002_core::fault::findings::Finding;
use fix1002_core::fault::strings::KeyCheck;
use fix1002_core::fault::Position;

pub struct Junit<'a> {
    setting: Setting<'a>,
    /// The current input's test cases, and how many of them fail.
    cases: Vec<u8>,
    tests: usize,
    failing: usize,
}

impl<'a> Junit<'a> {
    pub fn new(setting: Setting<'a>) -> Self {
        Junit {
            setting,
            cases: Vec::new(),
            tests: 0,
            failing: 0,
        }
    }

    fn fault_case(&self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<bool> {
        let title = match &fault.code {
            Some(code) if !code.is_empty() => format!("{}: {code}", fault.heading),
            _ => fault.heading.clone(),
        };
        let findings = fault.findings.iter().map(|view| {
            // A finding that holds in only some of the chosen contexts says in which.
            let only_in = (view.contexts.len() < self.setting.contexts.len())
                .then(|| context_labels(&view.contexts));
            (fault.position, &view.finding, only_in)
        });
        self.case(out, name, &title, fault.position, findings)
    }

    fn key_case(&self, out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<bool> {
        let position = key.findings.first().and_then(|l| l.position);
        let findings = key
            .findings
            .iter()
            .map(|located| (located.position, &located.finding, None));
        self.case(out, name, &key.key, position, findings)
    }

    /// One test case: a failure for each finding at or above --fail-on, and every finding in
    /// its output. Whether it failed.
    fn case<'f>(
        &self,
        out: &mut dyn Write,
        name: &str,
        title: &str,
        position: Option<Position>,
        findings: impl Iterator<Item = (Option<Position>, &'f Finding, Option<String>)>,
    ) -> io::Result<bool> {
        write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
            escape(title),
            escape(name),
            escape(name)
        )?;
        if let Some(p) = position {
            write!(out, " line=\"{}\"", p.line)?;
        }
        writeln!(out, ">")?;
        let mut listing = String::new();
        let mut fails = false;
        for (position, finding, only_in) in findings {
            let place = match position {
                Some(p) => format!("{name}:{}:{}", p.line, p.column),
                None => name.to_owned(),
            };
            let mut body = format!(
                "{place}: {}[{}]: {}\n{}: {}\nFix: {}",
                finding.severity.label(),
                finding.tag,
                finding.found,
                finding.basis.heading(),
                finding.rule,
                finding.fix
            );
            if let Some(contexts) = only_in {
                body.push_str(&format!("\nOnly in: {contexts}"));
            }
            if self.setting.fail_on.fails(finding.severity) {
                fails = true;
                writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    escape(finding.tag),
                    escape(&finding.found),
                    escape(&body)
                )?;
            }
            listing.push_str(&body);
            listing.push_str("\n\n");
        }
        if !listing.is_empty() {
            writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape(listing.trim_end())
            )?;
        }
        writeln!(out, "    </testcase>")?;
        Ok(fails)
    }
}

impl Junit<'_> {
    /// Keeps the suite's cases written so far, and counts the one just written.
    fn count(&mut self, cases: Vec<u8>, fails: bool) {
        self.cases = cases;
        self.tests += 1;
        self.failing += usize::from(fails);
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

impl Render for Junit<'_> {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"{}\">",
            self.setting.subject.command()
        )
    }

    fn problem(&mut self, out: &mut dyn Write, name: &str, message: &str) -> io::Result<()> {
        let name = escape(name);
        let message = escape(message);
        writeln!(
            out,
            "  <testsuite name=\"{name}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"
        )?;
        writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"{name}\" file=\"{name}\">",
            match self.setting.subject {
                Subject::Faults => "holds a fault to check",
                Subject::Strings => "can be checked",
            }
        )?;
        writeln!(
            out,
            "      <error type=\"no-fault\" message=\"{message}\">{name}: {message}</error>"
        )?;
        writeln!(out, "    </testcase>")?;
        writeln!(out, "  </testsuite>")
    }

    fn begin(&mut self, _out: &mut dyn Write, _name: &str, _head: &InputHead) -> io::Result<()> {
        self.cases.clear();
        self.tests = 0;
        self.failing = 0;
        Ok(())
    }

    fn fault(&mut self, _out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()> {
        let mut cases = std::mem::take(&mut self.cases);
        let fails = self.fault_case(&mut cases, name, fault)?;
        self.count(cases, fails);
        Ok(())
    }

    fn key(&mut self, _out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<()> {
        let mut cases = std::mem::take(&mut self.cases);
        let fails = self.key_case(&mut cases, name, key)?;
        self.count(cases, fails);
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, name: &str) -> io::Result<()> {
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            escape(name),
            self.tests,
            self.failing
        )?;
        out.write_all(&self.cases)?;
        self.cases.clear();
        writeln!(out, "  </testsuite>")
    }

    fn finish(&mut self, out: &mut dyn Write, _tally: &Tally) -> io::Result<()> {
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{1}y\nz"), "x\u{fffd}y&#10;z");
    }
}
