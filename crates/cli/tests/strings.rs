//! `fix1002 strings check`, run as a process against localization resources written by
//! Python's json module and xml.dom.minidom (tests/fixtures/strings/make.py) and captures from
//! real SOAP stacks.

mod support;

use serde_json::Value;
use support::{fixture, run, run_with_input};

const COMPLETE: &str = "tests/fixtures/strings/complete.json";
const INCOMPLETE: &str = "tests/fixtures/strings/incomplete.xml";
const TRUNCATED: &str = "tests/fixtures/strings/truncated.json";

/// Captures from Node's soap and Python's spyne that ask for Error27Message.
fn asking_for_27() -> [String; 2] {
    [
        fixture("stacks/node-soap-custom-message.http"),
        fixture("stacks/spyne-custom-message.http"),
    ]
}

fn strings_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["strings", "check", "--format", "json"];
    all.extend_from_slice(args);
    let run = run(&all);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    (run.code, value)
}

/// Every finding's tag, key by key: ("Error31Message", "custom-message-too-long").
fn findings(document: &Value) -> Vec<(String, String)> {
    document["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|input| input["keys"].as_array().cloned().unwrap_or_default())
        .flat_map(|key| {
            let name = key["key"].as_str().unwrap().to_owned();
            key["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |f| (name.clone(), f["tag"].as_str().unwrap().to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn help_names_every_rule_and_exit_code() {
    let help = run(&["strings", "check", "--help"]);
    assert_eq!(help.code, 0);
    for needle in [
        "125 characters",
        "zh-CN",
        "0 to 999",
        "--used-by <CAPTURES>...",
        "--format <FORMAT>",
        "--fail-on <SEVERITY>",
        "Exit codes:",
        "fix1002 strings check strings.json",
    ] {
        assert!(
            help.stdout.contains(needle),
            "{needle} in:\n{}",
            help.stdout
        );
    }
    let top = run(&["--help"]);
    assert!(top.stdout.contains("strings"), "{}", top.stdout);
    let missing_file = run(&["strings", "check"]);
    assert_eq!(missing_file.code, 2);
    assert!(
        missing_file.stderr.contains("<FILE>"),
        "{}",
        missing_file.stderr
    );
}

#[test]
fn a_complete_resource_passes_and_one_that_breaks_the_rules_fails() {
    let (code, document) = strings_json(&[COMPLETE]);
    assert_eq!(code, 0);
    assert_eq!(document["version"], 1);
    assert_eq!(document["command"], "fix1002 strings check");
    let input = &document["inputs"][0];
    assert_eq!(input["file"], COMPLETE);
    assert_eq!(input["kind"], "an i18next JSON resource");
    assert_eq!(input["languages"].as_array().unwrap().len(), 12);
    // File order, not the alphabetical order a JSON map keeps.
    assert_eq!(input["languages"][1], "da-DK");
    assert_eq!(input["keys"][0]["key"], "Error27Message");
    assert!(findings(&document).is_empty());

    let (code, document) = strings_json(&[INCOMPLETE]);
    assert_eq!(code, 1, "a message over 125 characters is an error");
    assert_eq!(
        findings(&document),
        [
            ("Error27Message", "custom-message-languages-missing"),
            ("Error31Message", "custom-message-too-long"),
            ("Error31Message", "custom-message-languages-missing"),
            ("Error1000Message", "custom-message-out-of-range"),
        ]
        .map(|(k, t)| (k.to_owned(), t.to_owned()))
    );
    // The long message is placed at its own <string> element.
    let long = &document["inputs"][0]["keys"][1]["findings"][0];
    assert_eq!(
        (long["line"].as_u64(), long["column"].as_u64()),
        (Some(5), Some(5))
    );
    assert!(long["found"].as_str().unwrap().contains("146 characters"));
    assert_eq!(document["summary"]["errors"], 1);
    assert_eq!(document["summary"]["warnings"], 3);

    assert_eq!(
        run(&["strings", "check", "--fail-on", "never", INCOMPLETE]).code,
        0
    );
    assert_eq!(
        run(&["strings", "check", "--fail-on", "warning", COMPLETE]).code,
        0
    );
}

#[test]
fn captures_asking_for_a_message_the_resource_lacks_fail_the_check() {
    let [node, spyne] = asking_for_27();
    let lacks_27 = support::temp_dir("lacks-27").join("strings.json");
    std::fs::write(
        &lacks_27,
        r#"{"en-US": {"integration": {"Error12Message": "Try again later."}}}"#,
    )
    .unwrap();
    let lacks_27 = lacks_27.to_str().unwrap();

    let (code, document) = strings_json(&[lacks_27, "--used-by", &node, &spyne]);
    assert_eq!(code, 1);
    let keys = document["inputs"].as_array().unwrap().last().unwrap()["keys"]
        .as_array()
        .unwrap()
        .clone();
    let missing = keys.iter().find(|k| k["key"] == "Error27Message").unwrap();
    assert_eq!(missing["findings"][0]["tag"], "custom-message-missing");
    assert_eq!(missing["findings"][0]["line"], Value::Null);
    let used_by: Vec<&str> = missing["used_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(used_by.len(), 2);
    assert!(used_by[0].starts_with(&format!("{node}:")), "{used_by:?}");
    // The captures count as inputs; the resource is the last.
    assert_eq!(document["summary"]["inputs"], 3);

    // The complete resource has the message: nothing fails, even at warning.
    let passing = run(&[
        "strings",
        "check",
        COMPLETE,
        "--used-by",
        &node,
        &spyne,
        "--fail-on",
        "warning",
    ]);
    assert_eq!(passing.code, 0, "{}", passing.stdout);
    assert!(
        passing.stdout.contains("asked for by"),
        "{}",
        passing.stdout
    );
}

#[test]
fn unreadable_resources_and_captures_exit_2_and_say_why() {
    let broken = run(&["strings", "check", TRUNCATED]);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stdout.contains(&format!(
            "{TRUNCATED}: cannot check: The JSON is malformed at line 31"
        )),
        "{}",
        broken.stdout
    );
    let absent = run(&["strings", "check", "--format", "json", "no/such.json"]);
    assert_eq!(absent.code, 2);
    assert!(
        absent.stderr.contains("no/such.json: cannot be read"),
        "{}",
        absent.stderr
    );
    let document: Value = serde_json::from_str(&absent.stdout).unwrap();
    assert!(document["inputs"][0]["problem"].as_str().is_some());

    // A capture with no fault is a problem too, but the resource is still checked.
    let mixed = run(&[
        "strings",
        "check",
        INCOMPLETE,
        "--used-by",
        &fixture("success-response.xml"),
    ]);
    assert_eq!(mixed.code, 2);
    assert!(mixed.stdout.contains("success-response.xml: cannot check"));
    assert!(
        mixed.stdout.contains("custom-message-too-long"),
        "{}",
        mixed.stdout
    );
}

#[test]
fn standard_input_holds_the_resource_or_the_captures_but_not_both() {
    let resource = std::fs::read(support::root().join(INCOMPLETE)).unwrap();
    let piped = run_with_input(&["strings", "check", "-"], Some(&resource));
    assert_eq!(piped.code, 1);
    assert!(
        piped.stdout.starts_with("stdin: a legacy XML string table"),
        "{}",
        piped.stdout
    );
    assert!(piped
        .stdout
        .contains("stdin:5:5: error[custom-message-too-long]"));

    let capture =
        std::fs::read(support::root().join(fixture("stacks/node-soap-custom-message.http")))
            .unwrap();
    let captures_piped = run_with_input(
        &["strings", "check", COMPLETE, "--used-by", "-"],
        Some(&capture),
    );
    assert_eq!(captures_piped.code, 0, "{}", captures_piped.stdout);
    assert!(captures_piped.stdout.contains("asked for by stdin:"));

    let both = run(&["strings", "check", "-", "--used-by", "-"]);
    assert_eq!(both.code, 2);
    assert!(
        both.stderr.contains("standard input can be read once"),
        "{}",
        both.stderr
    );
}

#[test]
fn every_format_places_each_finding_at_its_string() {
    let sarif = run(&["strings", "check", "--format", "sarif", INCOMPLETE]);
    assert_eq!(sarif.code, 1);
    let log: Value = serde_json::from_str(&sarif.stdout).unwrap();
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(result["ruleId"], rules[index]["id"]);
    }
    let too_long = results
        .iter()
        .find(|r| r["ruleId"] == "custom-message-too-long")
        .unwrap();
    let location = &too_long["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], INCOMPLETE);
    assert_eq!(location["region"]["startLine"], 5);
    assert_eq!(too_long["properties"]["key"], "Error31Message");
    let languages = rules
        .iter()
        .find(|r| r["id"] == "custom-message-languages-missing")
        .unwrap();
    assert!(languages["helpUri"]
        .as_str()
        .unwrap()
        .contains("strings-and-localization"));

    let github = run(&["strings", "check", "--format", "github", INCOMPLETE]);
    assert_eq!(github.code, 1);
    let annotation = github
        .stdout
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap();
    assert!(
        annotation.starts_with(&format!(
            "::error file={INCOMPLETE},line=5,col=5,title=custom-message-too-long::Error31Message: "
        )),
        "{annotation}"
    );
    assert_eq!(
        github
            .stdout
            .lines()
            .filter(|l| l.starts_with("::warning "))
            .count(),
        3
    );
    assert!(github
        .stdout
        .contains("fix1002 strings check: 1 input, 3 keys"));

    let junit = run(&["strings", "check", "--format", "junit", INCOMPLETE]);
    assert_eq!(junit.code, 1);
    let mut reader = quick_xml::Reader::from_str(&junit.stdout);
    let (mut cases, mut failures) = (Vec::new(), 0);
    loop {
        match reader.read_event().expect("well-formed JUnit") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "testcase" => {
                let name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "name")
                    .map(|a| a.value.into_owned())
                    .unwrap();
                cases.push(name);
            }
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "failure" => failures += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        cases,
        ["Error27Message", "Error31Message", "Error1000Message"]
    );
    assert_eq!(failures, 1, "only the error fails at --fail-on error");
}
