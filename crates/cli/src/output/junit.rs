//! `--format junit`: JUnit XML as GitLab, Jenkins and most CI servers read it. A test suite per
//! input, a test case per fault, a failure per finding at or above `--fail-on`; every finding
//! is listed in the case's output. An input that could not be checked is a suite with one
//! case in error. A suite's opening tag carries its counts, so its cases are gathered in memory
//! until the input's last fault: this format holds one input's report at a time.

use std::io::{self, Write};

use super::{context_labels, Render, Setting};
use crate::checked::{FaultView, InputHead, Tally};

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

    fn case(&self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<bool> {
        let title = match &fault.code {
            Some(code) if !code.is_empty() => format!("{}: {code}", fault.heading),
            _ => fault.heading.clone(),
        };
        write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
            escape(&title),
            escape(name),
            escape(name)
        )?;
        if let Some(p) = fault.position {
            write!(out, " line=\"{}\"", p.line)?;
        }
        writeln!(out, ">")?;
        let place = match fault.position {
            Some(p) => format!("{name}:{}:{}", p.line, p.column),
            None => name.to_owned(),
        };
        let mut listing = String::new();
        let mut fails = false;
        for view in &fault.findings {
            let finding = &view.finding;
            let mut body = format!(
                "{place}: {}[{}]: {}\n{}: {}\nFix: {}",
                finding.severity.label(),
                finding.tag,
                finding.found,
                finding.basis.heading(),
                finding.rule,
                finding.fix
            );
            if view.contexts.len() < self.setting.contexts.len() {
                body.push_str(&format!("\nOnly in: {}", context_labels(&view.contexts)));
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

/// Text for XML content and attribute values: the five special characters escaped, line
/// ends kept in attributes as character references, and characters XML 1.0 forbids replaced.
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
        writeln!(out, "<testsuites name=\"fix1002 check\">")
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
            "    <testcase name=\"holds a fault to check\" classname=\"{name}\" file=\"{name}\">"
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
        let fails = self.case(&mut cases, name, fault)?;
        self.cases = cases;
        self.tests += 1;
        self.failing += usize::from(fails);
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
