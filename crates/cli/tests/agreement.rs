//! `fix1002 check --format json` says what the web card and the copied report say, for every
//! fixture and every context: the same rows, the same message for the user, the same notes
//! and the same findings, because all of them render one explanation.

mod support;

use fix1002_core::fault::decode_bytes;
use fix1002_core::fault::explain::{explain_all, Choices};
use fix1002_core::fault::messages::{Context, Names};
use fix1002_core::fault::report::{fault_heading, plain_text};
use serde_json::Value;

fn context_arg(context: Context) -> &'static str {
    match context {
        Context::Browse => "browse",
        Context::Search => "search",
        Context::AccountSetup => "setup",
        Context::Streaming => "streaming",
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_command_line_and_the_report_agree_on_every_fixture_in_every_context() {
    let files = support::fixture_files();
    let mut compared = 0;
    for context in Context::ALL {
        let mut args = vec!["--context", context_arg(context)];
        args.extend(files.iter().map(String::as_str));
        let (_, doc) = support::json(&args);
        let inputs = doc["inputs"].as_array().unwrap();
        assert_eq!(inputs.len(), files.len());
        let choices = Choices {
            context,
            names: Names::default(),
            strings: None,
            language: "",
        };
        for (file, input) in files.iter().zip(inputs) {
            let bytes = std::fs::read(support::root().join(file)).unwrap();
            let decoded = match decode_bytes(&bytes) {
                Ok(decoded) => decoded,
                Err(error) => {
                    assert_eq!(input["problem"], error.to_string(), "{file}");
                    continue;
                }
            };
            let report = plain_text(&decoded, &choices).text;
            let report_lines: Vec<&str> = report.lines().map(str::trim_start).collect();
            assert_eq!(input["kind"], decoded.kind.describe(), "{file}");
            let faults = input["faults"].as_array().unwrap();
            assert_eq!(faults.len(), decoded.faults.len(), "{file}");
            for (i, ((fault, explanation), json)) in
                explain_all(&decoded, &choices).zip(faults).enumerate()
            {
                let at = format!("{file} fault {} {context:?}", i + 1);
                assert_eq!(json["heading"], fault_heading(i, fault), "{at}");
                // What the user sees, its notes, and the log.
                let seen = &json["seen"].as_array().unwrap()[..];
                assert_eq!(seen.len(), 1, "{at}");
                match &explanation.seen {
                    Some(expected) => {
                        assert_eq!(seen[0]["text"], expected.text(), "{at}");
                        assert_eq!(seen[0]["kind_text"], expected.kind(), "{at}");
                        let line = format!("User sees ({}): {}", expected.kind(), expected.text());
                        assert!(report_lines.contains(&line.as_str()), "{at}: {line}");
                    }
                    None => assert!(seen[0]["text"].is_null(), "{at}"),
                }
                assert_eq!(strings(&seen[0]["notes"]), explanation.notes, "{at}");
                match &explanation.log_note {
                    Some(note) => assert_eq!(json["log"][0]["text"], *note, "{at}"),
                    None => assert_eq!(json["log"], serde_json::json!([]), "{at}"),
                }
                // Every row, as the report prints it (its first line).
                let sections = json["sections"].as_array().unwrap();
                assert_eq!(sections.len(), explanation.sections.len(), "{at}");
                for (section, expected) in sections.iter().zip(&explanation.sections) {
                    assert_eq!(section["heading"], expected.heading, "{at}");
                    for (row, expected) in section["rows"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .zip(&expected.rows)
                    {
                        assert_eq!(row["label"], expected.label, "{at}");
                        assert_eq!(row["value"], expected.shared_text(), "{at}");
                        let value = row["value"].as_str().unwrap();
                        let line = format!(
                            "{}: {}",
                            expected.label,
                            value.lines().next().unwrap_or_default()
                        );
                        assert!(
                            report_lines.contains(&line.trim_end())
                                || report_lines.contains(&line.as_str()),
                            "{at}: report lacks {line:?}"
                        );
                    }
                }
                // The findings, in the explanation's order, with their severity and text.
                let findings = json["findings"].as_array().unwrap();
                let got: Vec<(String, String, String)> = findings
                    .iter()
                    .map(|f| {
                        (
                            f["tag"].as_str().unwrap().to_owned(),
                            f["severity"].as_str().unwrap().to_owned(),
                            f["found"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect();
                let expected: Vec<(String, String, String)> = explanation
                    .findings
                    .iter()
                    .map(|f| {
                        (
                            f.tag.to_owned(),
                            f.severity.label().to_owned(),
                            f.found.to_string(),
                        )
                    })
                    .collect();
                assert_eq!(got, expected, "{at}");
                for finding in &explanation.findings {
                    let line = format!(
                        "[{}] {}: {} ({})",
                        finding.severity.label(),
                        finding.tag,
                        finding.found,
                        finding.basis.heading()
                    );
                    assert!(report_lines.contains(&line.as_str()), "{at}: {line}");
                }
                compared += 1;
            }
        }
    }
    // Every context of every fault of the fixtures that hold one.
    assert!(compared > 4 * 400, "{compared}");
}

/// With several contexts chosen, each finding holds in the contexts whose explanation has it.
#[test]
fn findings_are_gathered_across_contexts_without_loss() {
    let file = support::fixture("envelope-soapenv-prefix-custom-message.xml");
    let (_, doc) = support::json(&[&file]);
    let bytes = std::fs::read(support::root().join(&file)).unwrap();
    let decoded = decode_bytes(&bytes).unwrap();
    let fault_json = &doc["inputs"][0]["faults"][0];
    for context in Context::ALL {
        let choices = Choices {
            context,
            names: Names::default(),
            strings: None,
            language: "",
        };
        let (_, explanation) = explain_all(&decoded, &choices).next().unwrap();
        let id = context_arg(context);
        let in_context: Vec<&str> = fault_json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["contexts"].as_array().unwrap().iter().any(|c| c == id))
            .map(|f| f["tag"].as_str().unwrap())
            .collect();
        let mut expected: Vec<&str> = explanation.findings.iter().map(|f| f.tag).collect();
        let mut got = in_context.clone();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{context:?}");
        let seen = fault_json["seen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["contexts"].as_array().unwrap().iter().any(|c| c == id))
            .unwrap();
        assert_eq!(seen["text"], explanation.seen.as_ref().unwrap().text());
    }
}
