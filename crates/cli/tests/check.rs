//! `fix1002 check` run as a process against real captures: every format, exit codes, bad
//! input, standard input, help and version, and secrets.

mod support;

use std::fs;

use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::Value;
use support::{fixture, json, run, run_with_input, temp_dir};

/// A fault sent with status 200, an empty faultstring and an out-of-range SonosError.
const STATUS_200: &str = "http-200-lf-session-id.http";
/// The seed's own example: conforms to every rule.
const CONFORMING: &str = "http-500-login-unauthorized.http";
/// A request with its response, carrying credentials in its SOAP Header.
const CREDENTIALS: &str = "captures/tcp-stream-search-with-credentials.txt";
/// A chunked TokenRefreshRequired whose detail holds a new token and key.
const TOKENS: &str = "http-chunked-token-refresh.http";

fn tags(input: &Value) -> Vec<String> {
    input["faults"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .map(|f| f["tag"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn help_and_version_are_complete() {
    let help = run(&["--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    assert!(help.stdout.contains("check"), "{}", help.stdout);
    assert!(help.stdout.contains("Exit codes"), "{}", help.stdout);
    let check = run(&["check", "--help"]);
    assert_eq!(check.code, 0);
    for flag in [
        "--context",
        "--service",
        "--item",
        "--strings",
        "--language",
        "--format",
        "--fail-on",
        "--show-secrets",
        "browse",
        "setup",
        "streaming",
        "sarif",
        "junit",
        "github",
        "never",
        "standard input",
    ] {
        assert!(
            check.stdout.contains(flag),
            "{flag} missing:\n{}",
            check.stdout
        );
    }
    let version = run(&["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout.trim(),
        format!("fix1002 {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = run(&["check", &fixture(CONFORMING)]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert!(clean.stdout.contains("Nothing at or above --fail-on error"));

    let status = run(&["check", &fixture(STATUS_200)]);
    assert_eq!(status.code, 1, "{}", status.stdout);
    assert!(status.stdout.contains("error[http-status-not-500]"));
    assert_eq!(
        run(&["check", "--fail-on", "never", &fixture(STATUS_200)]).code,
        0
    );
    // The envelope alone has only an info finding (its status could not be seen).
    let envelope = fixture("envelope-no-prefix-generated-code-prefix.xml");
    let (_, doc) = json(&["--context", "browse", &envelope]);
    let severities: Vec<&str> = doc["inputs"][0]["faults"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    if severities.iter().all(|s| *s == "info") {
        assert_eq!(run(&["check", &envelope]).code, 0);
        assert_eq!(run(&["check", "--fail-on", "info", &envelope]).code, 1);
    }
    assert_eq!(
        run(&["check", "--fail-on", "warning", &fixture(STATUS_200)]).code,
        1
    );

    // No fault: 2 whatever --fail-on says, naming the file and why.
    for input in ["success-response.xml", "proxy-502-html.http", "README.md"] {
        let none = run(&["check", "--fail-on", "never", &fixture(input)]);
        assert_eq!(none.code, 2, "{input}: {}", none.stdout);
        assert!(
            none.stdout
                .contains(&format!("{}: cannot check: ", fixture(input))),
            "{}",
            none.stdout
        );
    }
    let success = run(&["check", &fixture("success-response.xml")]);
    assert!(success.stdout.contains("so the call succeeded"));

    // Usage errors.
    for args in [
        &["check", "--format", "yaml", "x"][..],
        &["check", "--no-such-flag"],
        &["check", "--context", "everywhere", "x"],
        &["check", "--language", "fr-FR", "x"],
        &["lint"],
    ] {
        let usage = run(args);
        assert_eq!(usage.code, 2, "{args:?}: {}", usage.stdout);
        assert!(!usage.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn one_bad_input_does_not_stop_the_others() {
    let dir = temp_dir("mixed");
    fs::copy(
        support::root().join(fixture(STATUS_200)),
        dir.join("a.http"),
    )
    .unwrap();
    fs::write(
        dir.join("b-binary.bin"),
        [0x3c, 0x61, 0xff, 0xfe, 0x00, 0x01],
    )
    .unwrap();
    fs::create_dir(dir.join("c")).unwrap();
    fs::copy(
        support::root().join(fixture(CONFORMING)),
        dir.join("c/d.http"),
    )
    .unwrap();
    fs::write(dir.join(".hidden.http"), "not looked at").unwrap();
    let dir_arg = dir.to_string_lossy().into_owned();
    let missing = format!("{dir_arg}/missing.http");
    let (run, doc) = json(&[&dir_arg, &missing]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let inputs = doc["inputs"].as_array().unwrap();
    let files: Vec<&str> = inputs.iter().map(|i| i["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            format!("{dir_arg}/a.http"),
            format!("{dir_arg}/b-binary.bin"),
            format!("{dir_arg}/c/d.http"),
            missing.clone(),
        ]
    );
    assert!(inputs[0]["problem"].is_null());
    assert!(tags(&inputs[0]).contains(&"http-status-not-500".to_owned()));
    let binary = inputs[1]["problem"].as_str().unwrap();
    assert!(binary.contains("not UTF-8"), "{binary}");
    assert!(inputs[2]["problem"].is_null());
    let gone = inputs[3]["problem"].as_str().unwrap();
    assert!(gone.contains("cannot be read"), "{gone}");
    assert_eq!(doc["summary"]["problems"], 2);
    assert_eq!(doc["summary"]["exit_code"], 2);
    // Standard error names each bad file and why, for the person reading the CI log.
    assert!(run.stderr.contains(&format!(
        "fix1002: {dir_arg}/b-binary.bin: This file is not UTF-8"
    )));
    assert!(run
        .stderr
        .contains(&format!("fix1002: {missing}: cannot be read")));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn an_input_over_the_limit_is_refused_with_its_size() {
    let dir = temp_dir("large");
    let path = dir.join("huge.log");
    // Sparse: 600 MB that take no disk. The web page's 16 MiB limit does not apply here.
    fs::File::create(&path)
        .unwrap()
        .set_len(600_000_000)
        .unwrap();
    let run = run(&["check", &path.to_string_lossy()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout
            .contains("This input is 600.0 MB; fix1002 reads up to 536 MB per input."),
        "{}",
        run.stdout
    );
    // Standard input has no length to read first: it is counted as it streams past.
    let piped = run_with_input(&["check", "-"], Some(&vec![b' '; 537_000_000]));
    assert_eq!(piped.code, 2);
    assert!(
        piped.stdout.contains("This input is 537.0 MB"),
        "{}",
        piped.stdout
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn standard_input_is_read_as_a_file_is() {
    let bytes = fs::read(support::root().join(fixture(STATUS_200))).unwrap();
    let piped = run_with_input(&["check", "--format", "json", "-"], Some(&bytes));
    let from_file = run(&["check", "--format", "json", &fixture(STATUS_200)]);
    assert_eq!(piped.code, 1);
    assert_eq!(
        piped.stdout.replace("\"file\":\"stdin\"", "FILE"),
        from_file
            .stdout
            .replace(&format!("\"file\":\"{}\"", fixture(STATUS_200)), "FILE")
    );
    // With no input named, a pipe is read too.
    let implicit = run_with_input(&["check"], Some(&bytes));
    assert_eq!(implicit.code, 1);
    assert!(implicit.stdout.starts_with("stdin: a raw HTTP response"));
    // An empty pipe holds no fault.
    let empty = run_with_input(&["check", "-"], Some(b""));
    assert_eq!(empty.code, 2);
    assert!(empty
        .stdout
        .contains("stdin: cannot check: Paste a SOAP fault"));
}

#[test]
fn text_reads_like_the_report_with_file_line_and_column() {
    let run = run(&["check", "--context", "browse", &fixture(STATUS_200)]);
    let out = &run.stdout;
    let name = fixture(STATUS_200);
    assert!(out.starts_with(&format!("{name}: a raw HTTP response with 1 fault\n")));
    assert!(
        out.contains(&format!("{name}:4:82: Fault 1 (line 4)\n")),
        "{out}"
    );
    assert!(
        out.contains("\n  Code: SessionIdInvalid\n  Type: Client\n"),
        "{out}"
    );
    assert!(out.contains("\n  Browse: user sees (Sonos’ message table): Unable to browse music.\n"));
    assert!(out.contains(&format!(
        "\n{name}:4:82: error[http-status-not-500]: The response's status is 200 OK.\n  Rule (Sonos SMAPI reference: error handling): "
    )));
    assert!(out.contains("\n  Fix: Set the status to 500 for every fault"));
    // Not a terminal: no colour.
    assert!(!out.contains('\u{1b}'));
    assert!(
        out.ends_with("2 findings at or above --fail-on error.\n"),
        "{out}"
    );
}

#[test]
fn json_has_a_version_and_every_part_of_the_explanation() {
    let (run, doc) = json(&[&fixture(STATUS_200)]);
    assert_eq!(run.code, 1);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["tool"]["name"], "fix1002");
    assert_eq!(
        doc["contexts"],
        serde_json::json!(["browse", "search", "setup", "streaming"])
    );
    assert_eq!(doc["fail_on"], "error");
    let fault = &doc["inputs"][0]["faults"][0];
    assert_eq!(fault["code"], "SessionIdInvalid");
    assert_eq!(fault["family"], "Client");
    assert_eq!(
        (fault["line"].as_u64(), fault["column"].as_u64()),
        (Some(4), Some(82))
    );
    let rows = fault["sections"][0]["rows"].as_array().unwrap();
    assert!(rows
        .iter()
        .any(|r| r["label"] == "Meaning"
            && r["value"] == "The session ID is invalid or has expired."));
    // Browse and search show the same message: one entry for both.
    let seen = fault["seen"].as_array().unwrap();
    assert_eq!(seen[0]["contexts"], serde_json::json!(["browse", "search"]));
    assert_eq!(seen[0]["kind"], "table");
    assert_eq!(seen[0]["text"], "Unable to browse music.");
    assert_eq!(seen[0]["quote"], true);
    assert_eq!(fault["log"].as_array().unwrap().len(), 2);
    let status = fault["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["tag"] == "http-status-not-500")
        .unwrap();
    assert_eq!(status["severity"], "error");
    assert_eq!(status["fails"], true);
    assert_eq!(
        status["basis"],
        "Rule (Sonos SMAPI reference: error handling)"
    );
    assert_eq!(
        status["contexts"],
        serde_json::json!(["browse", "search", "setup", "streaming"])
    );
    assert_eq!(doc["summary"]["errors"], 2);
    // content-type-not-text-xml and faultstring-empty; session-id-deprecated is info.
    assert_eq!(doc["summary"]["warnings"], 2);
    assert_eq!(doc["summary"]["exit_code"], 1);
}

#[test]
fn a_missing_custom_message_fails_the_build_and_only_where_it_shows() {
    let dir = temp_dir("strings");
    let missing = dir.join("missing.json");
    fs::write(&missing, r#"{"en-US": {"Error12Message": "Other"}}"#).unwrap();
    let envelope = fixture("envelope-soapenv-prefix-custom-message.xml");
    let (run, doc) = json(&["--strings", &missing.to_string_lossy(), &envelope]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let fault = &doc["inputs"][0]["faults"][0];
    let finding = fault["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["tag"] == "custom-message-missing")
        .expect("custom-message-missing");
    assert_eq!(finding["severity"], "error");
    // LoginUnsupported shows a message in every context, so the user gets the retry error in
    // each of them.
    assert_eq!(
        finding["contexts"],
        serde_json::json!(["browse", "search", "setup", "streaming"])
    );
    let seen = fault["seen"].as_array().unwrap();
    assert!(seen.iter().any(|s| s["kind"] == "retry-error"), "{seen:?}");

    // Every language has it: no finding about it, exit 0 at --fail-on error.
    let languages = [
        "en-US", "da-DK", "de-DE", "es-ES", "fr-FR", "it-IT", "ja-JP", "nb-NO", "nl-NL", "pt-BR",
        "sv-SE", "zh-CN",
    ];
    let full: serde_json::Map<String, Value> = languages
        .iter()
        .map(|l| {
            (
                l.to_string(),
                serde_json::json!({"Error27Message": "Upgrade to listen"}),
            )
        })
        .collect();
    let complete = dir.join("complete.json");
    fs::write(&complete, Value::Object(full).to_string()).unwrap();
    let (run, doc) = json(&[
        "--strings",
        &complete.to_string_lossy(),
        "--language",
        "fr-FR",
        &envelope,
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let found = tags(&doc["inputs"][0]);
    assert!(
        !found.contains(&"custom-message-missing".to_owned()),
        "{found:?}"
    );
    assert!(!found.contains(&"custom-message-languages-missing".to_owned()));
    // Still worth a warning: the message replaces one that tells the user to act.
    assert!(found.contains(&"custom-message-replaces-action".to_owned()));
    let seen = doc["inputs"][0]["faults"][0]["seen"].as_array().unwrap();
    assert!(seen
        .iter()
        .any(|s| s["kind"] == "custom" && s["text"] == "Upgrade to listen"));

    // A resource that cannot be read stops the run: exit 2, saying which and why.
    let broken = dir.join("broken.json");
    fs::write(&broken, "{\"en-US\": ").unwrap();
    let stopped = support::run(&["check", "--strings", &broken.to_string_lossy(), &envelope]);
    assert_eq!(stopped.code, 2);
    assert!(stopped.stderr.contains("--strings"), "{}", stopped.stderr);
    assert!(
        stopped.stderr.contains("The JSON is malformed"),
        "{}",
        stopped.stderr
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn sarif_has_one_rule_per_tag_and_results_at_file_line_and_column() {
    let run = run(&[
        "check",
        "--format",
        "sarif",
        &fixture(STATUS_200),
        &fixture("controller-log-three-faults.xml"),
        &fixture("not-soap.xml"),
        &fixture("captures/chromium-get-device-auth-token.har"),
    ]);
    assert_eq!(run.code, 2);
    let sarif: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "fix1002");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "one rule per tag: {ids:?}");
    for rule in rules {
        assert!(rule["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(rule["help"]["text"].as_str().unwrap().contains("Fix: "));
    }
    let content_type = rules
        .iter()
        .find(|r| r["id"] == "content-type-not-text-xml")
        .unwrap();
    assert_eq!(
        content_type["helpUri"],
        "https://www.w3.org/TR/2000/NOTE-SOAP-20000508/"
    );
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(result["ruleId"], rules[index]["id"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("tests/fixtures/faults/"), "{uri}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    let first = results
        .iter()
        .find(|r| r["ruleId"] == "http-status-not-500")
        .unwrap();
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    assert_eq!(
        first["locations"][0]["physicalLocation"]["region"]["startColumn"],
        82
    );
    assert_eq!(first["level"], "error");
    // The input with no fault is a notification, and the run says it did not succeed.
    let invocation = &run0["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["exitCode"], 2);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("not-soap.xml: This is XML, but not SOAP"));
}

/// The JUnit report is well-formed XML with a suite per input, a case per fault and a
/// failure per finding at or above --fail-on.
#[test]
fn junit_is_well_formed_with_failures_at_fail_on() {
    let run = run(&[
        "check",
        "--format",
        "junit",
        "--fail-on",
        "warning",
        &fixture(STATUS_200),
        &fixture("controller-log-three-faults.xml"),
        &fixture("truncated.xml"),
    ]);
    assert_eq!(run.code, 2);
    let mut reader = Reader::from_str(&run.stdout);
    let (mut suites, mut cases, mut failures, mut errors) = (0, 0, 0, 0);
    let mut depth = 0i32;
    let mut failure_types = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                match e.name().as_ref() {
                    "testsuite" => suites += 1,
                    "testcase" => cases += 1,
                    "failure" => {
                        failures += 1;
                        let kind = e.try_get_attribute("type").unwrap().unwrap();
                        failure_types.push(kind.value.to_string());
                    }
                    "error" => errors += 1,
                    _ => {}
                }
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert_eq!(suites, 3);
    assert_eq!(cases, 1 + 3 + 1);
    assert_eq!(errors, 1);
    // The 200 fault's two errors and three warnings.
    assert_eq!(
        failure_types
            .iter()
            .filter(|t| t.starts_with("http-status"))
            .count(),
        1
    );
    assert!(failures >= 5, "{failures}: {failure_types:?}");
    assert!(run
        .stdout
        .contains("name=\"Fault 1 (line 4): SessionIdInvalid\""));
}

#[test]
fn github_annotations_escape_properties_and_messages() {
    let dir = temp_dir("github");
    let odd = dir.join("a,b:c%.http");
    fs::copy(support::root().join(fixture(STATUS_200)), &odd).unwrap();
    let run = run(&[
        "check",
        "--format",
        "github",
        &odd.to_string_lossy(),
        &fixture("not-soap.xml"),
    ]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let escaped = dir
        .to_string_lossy()
        .replace('%', "%25")
        .replace(':', "%3A")
        .replace(',', "%2C");
    let status = lines
        .iter()
        .find(|l| l.contains("title=http-status-not-500"))
        .expect("an annotation for the status");
    assert_eq!(
        *status,
        format!(
            "::error file={escaped}/a%2Cb%3Ac%25.http,line=4,col=82,title=http-status-not-500::Fault 1 (line 4): The response's status is 200 OK.%0AFix: Set the status to 500 for every fault, Client faults included.%0ARule (Sonos SMAPI reference: error handling): Return HTTP status 500 Internal Server Error with any SOAP fault, whatever its cause."
        )
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::warning ") && l.contains("title=faultstring-empty")));
    assert!(lines.contains(
        &"::error file=tests/fixtures/faults/not-soap.xml,title=fix1002%3A cannot check::This is XML, but not SOAP: its root element is <rss> and it holds no Envelope or Fault."
    ));
    // Every line is a workflow command, but the closing summary.
    for line in &lines[..lines.len() - 1] {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        assert!(!line.contains('\r'));
    }
    assert!(lines[lines.len() - 1].starts_with("fix1002 check: 2 inputs"));
    let _ = fs::remove_dir_all(dir);
}

/// Secrets and identifiers never reach any format unless --show-secrets asks.
#[test]
fn secrets_are_hidden_in_every_format_until_asked() {
    let secrets = [
        "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0",
        "rk_5f2a9c",
        "00-0E-58-12-34-56:7",
        "Sonos_abc",
    ];
    let inputs = [fixture(CREDENTIALS), fixture(TOKENS)];
    for format in ["text", "json", "sarif", "junit", "github"] {
        let run = run(&["check", "--format", format, &inputs[0], &inputs[1]]);
        for secret in secrets {
            assert!(!run.stdout.contains(secret), "{format} leaked {secret}");
            assert!(!run.stderr.contains(secret), "{format} leaked {secret}");
        }
    }
    let text = run(&["check", &inputs[0], &inputs[1]]).stdout;
    assert!(text.contains("SOAP Header credentials/loginToken/token: present, hidden"));
    assert!(text.contains("authToken: present, hidden"), "{text}");
    let (_, doc) = json(&[&inputs[1]]);
    let detail = &doc["inputs"][0]["faults"][0]["sections"][1];
    let token = detail["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "authToken")
        .unwrap();
    assert_eq!(token["hidden"], true);
    assert_eq!(token["privacy"], "secret");
    assert_eq!(token["value"], "present, hidden");

    let shown = run(&["check", "--show-secrets", &inputs[0]]).stdout;
    for secret in secrets {
        assert!(shown.contains(secret), "{secret} not shown:\n{shown}");
    }
    let (_, doc) = json(&["--show-secrets", &inputs[1]]);
    assert_eq!(doc["secrets_shown"], true);
    let rows = doc["inputs"][0]["faults"][0]["sections"][1]["rows"]
        .as_array()
        .unwrap();
    let token = rows.iter().find(|r| r["label"] == "authToken").unwrap();
    assert_eq!(token["hidden"], false);
    assert_ne!(token["value"], "present, hidden");
}

/// Every fixture decodes to faults or to a message; none makes the binary panic.
#[test]
fn every_fixture_gives_a_result_or_a_reason() {
    let files = support::fixture_files();
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let run = run(&args);
    assert_eq!(run.code, 2, "some fixtures hold no fault: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"));
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let inputs = doc["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), files.len());
    for input in inputs {
        let faults = input["faults"].as_array().unwrap().len();
        assert!(
            (faults > 0) != input["problem"].is_string(),
            "{}: {faults} faults, problem {}",
            input["file"],
            input["problem"]
        );
    }
}

#[test]
fn compose_round_trips_every_code_through_check() {
    // Issue 25 §4: `fix1002 compose --code X | fix1002 check --fail-on warning -` exits 0 for
    // every code Sonos defines.
    use fix1002_core::fault::codes::Code;
    for code in Code::ALL {
        let composed = std::process::Command::new(env!("CARGO_BIN_EXE_fix1002"))
            .args(["compose", "--code", code.name()])
            .output()
            .unwrap();
        assert!(composed.status.success(), "{}: {:?}", code.name(), composed);
        assert!(composed
            .stdout
            .starts_with(b"HTTP/1.1 500 Internal Server Error\r\n"));
        let mut check = std::process::Command::new(env!("CARGO_BIN_EXE_fix1002"))
            .args(["check", "--fail-on", "warning", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write as _;
        check
            .stdin
            .take()
            .unwrap()
            .write_all(&composed.stdout)
            .unwrap();
        let checked = check.wait_with_output().unwrap();
        assert_eq!(
            checked.status.code(),
            Some(0),
            "{}:\n{}",
            code.name(),
            String::from_utf8_lossy(&checked.stdout)
        );
    }
}

#[test]
fn compose_with_a_custom_message_gives_its_entries_and_refuses_bad_requests() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fix1002"))
        .args([
            "compose",
            "--code",
            "LoginUnsupported",
            "--sonos-error",
            "27",
            "--message",
            "Premium only.",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["strings"]["key"], "Error27Message");
    assert_eq!(doc["user_sees"]["streaming"], "Premium only.");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_fix1002"))
        .args(["compose", "--code", "loginInvalid"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("case-sensitive"));
}
