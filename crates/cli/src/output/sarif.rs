//! `--format sarif`: SARIF 2.1.0, the format GitHub code scanning reads. One rule per finding
//! tag; one result per finding, at the fault's file, line and column. Results are written as
//! inputs are checked; the rules met and the inputs that could not be checked close the run
//! (a JSON object's members may come in any order).

use std::collections::HashMap;
use std::io::{self, Write};

use fix1002_core::fault::findings::{Finding, Severity};
use fix1002_core::fault::strings::KeyCheck;
use fix1002_core::fault::Position;
use serde_json::{json, Value};

use super::{context_id, Render, Setting};
use crate::checked::{FaultView, InputHead, Tally};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct Sarif<'a> {
    setting: Setting<'a>,
    /// The rules met so far, in the order met; a result names its rule by index.
    rules: Vec<Value>,
    rule_index: HashMap<&'static str, usize>,
    /// The inputs that could not be checked, as the run's notifications.
    notifications: Vec<Value>,
    first: bool,
}

impl<'a> Sarif<'a> {
    pub fn new(setting: Setting<'a>) -> Self {
        Sarif {
            setting,
            rules: Vec::new(),
            rule_index: HashMap::new(),
            notifications: Vec::new(),
            first: true,
        }
    }

    fn rule(&mut self, finding: &Finding) -> usize {
        if let Some(&index) = self.rule_index.get(finding.tag) {
            return index;
        }
        let heading = finding.basis.heading();
        let mut rule = json!({
            "id": finding.tag,
            "name": rule_name(finding.tag),
            "shortDescription": {"text": finding.rule},
            "fullDescription": {"text": format!("{heading}: {}", finding.rule)},
            "help": {
                "text": format!("{heading}: {}\nFix: {}", finding.rule, finding.fix),
                "markdown": format!("**{heading}:** {}\n\n**Fix:** {}", finding.rule, finding.fix),
            },
            "defaultConfiguration": {"level": level(finding.severity)},
            "properties": {"tags": ["smapi", "sonos"]},
        });
        // Only the rules whose document is a public page have one to point at; the others
        // carry their explanation in `help` (see crates/cli/README.md).
        if let Some(url) = finding.basis.url() {
            rule["helpUri"] = json!(url);
        }
        let index = self.rules.len();
        self.rules.push(rule);
        self.rule_index.insert(finding.tag, index);
        index
    }

    fn results(&mut self, name: &str, fault: &FaultView) -> Vec<Value> {
        fault
            .findings
            .iter()
            .map(|view| {
                let properties = json!({
                    "fault": fault.heading,
                    "code": fault.code,
                    "contexts": view.contexts.iter().map(|c| context_id(*c)).collect::<Vec<_>>(),
                });
                self.result(name, fault.position, &view.finding, properties)
            })
            .collect()
    }

    fn result(
        &mut self,
        name: &str,
        position: Option<Position>,
        finding: &Finding,
        properties: Value,
    ) -> Value {
        // GitHub code scanning places only results with a line; one whose line is not known
        // (a fault read from a HAR file, a key the resource lacks) is placed at the start.
        let region = match position {
            Some(p) => json!({"startLine": p.line, "startColumn": p.column}),
            None => json!({"startLine": 1}),
        };
        let physical = json!({"artifactLocation": artifact(name), "region": region});
        json!({
            "ruleId": finding.tag,
            "ruleIndex": self.rule(finding),
            "level": level(finding.severity),
            "message": {"text": format!("{} Fix: {}", finding.found, finding.fix)},
            "locations": [{"physicalLocation": physical}],
            "properties": properties,
        })
    }

    fn write_result(&mut self, out: &mut dyn Write, result: Value) -> io::Result<()> {
        let separator = if self.first { "" } else { "," };
        self.first = false;
        write!(out, "{separator}\n{result}")
    }
}

/// SARIF's level for a severity: info findings are notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `http-status-not-500` → `HttpStatusNot500`: SARIF's rule name is an identifier.
fn rule_name(tag: &str) -> String {
    tag.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Where an input is: a path relative to the working directory (GitHub resolves it against
/// the repository's root, `%SRCROOT%`), or a `file:` URI for one outside it.
fn artifact(name: &str) -> Value {
    let path = std::path::Path::new(name);
    if path.is_absolute() {
        let relative = std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(|p| p.to_path_buf()));
        return match relative {
            Some(relative) if !relative.as_os_str().is_empty() => json!({
                "uri": encode(&relative.to_string_lossy()),
                "uriBaseId": "%SRCROOT%",
            }),
            _ => json!({"uri": format!("file://{}", encode(name))}),
        };
    }
    json!({"uri": encode(name), "uriBaseId": "%SRCROOT%"})
}

/// Percent-encodes all but URI's unreserved characters and `/`.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Render for Sarif<'_> {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }

    fn problem(&mut self, _out: &mut dyn Write, name: &str, message: &str) -> io::Result<()> {
        self.notifications.push(json!({
            "level": "error",
            "message": {"text": format!("{name}: {message}")},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(name)}}],
        }));
        Ok(())
    }

    fn begin(&mut self, _out: &mut dyn Write, _name: &str, _head: &InputHead) -> io::Result<()> {
        Ok(())
    }

    fn fault(&mut self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()> {
        for result in self.results(name, fault) {
            self.write_result(out, result)?;
        }
        Ok(())
    }

    fn key(&mut self, out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<()> {
        for located in &key.findings {
            let properties = json!({"key": key.key, "usedBy": key.used_by});
            let result = self.result(name, located.position, &located.finding, properties);
            self.write_result(out, result)?;
        }
        Ok(())
    }

    fn end(&mut self, _out: &mut dyn Write, _name: &str) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let tool = json!({
            "driver": {
                "name": "fix1002",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": self.rules,
            }
        });
        let invocation = json!({
            "executionSuccessful": tally.problems == 0,
            "exitCode": tally.exit_code(),
            "toolExecutionNotifications": self.notifications,
            "properties": {"failOn": self.setting.fail_on.name()},
        });
        writeln!(
            out,
            "\n],\"tool\":{tool},\"invocations\":[{invocation}]}}]}}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(rule_name("http-status-not-500"), "HttpStatusNot500");
        assert_eq!(rule_name("soap12-shape"), "Soap12Shape");
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(encode("captures/a b#1.http"), "captures/a%20b%231.http");
        assert_eq!(encode("é.xml"), "%C3%A9.xml");
        assert_eq!(artifact("x/y.http")["uriBaseId"], "%SRCROOT%");
    }
}
