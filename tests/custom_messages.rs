//! Custom error messages: SonosError N looked up as Error<N>Message in a localization
//! resource, and every way that can go wrong for the user.

use fix1002_core::fault::messages::Context;
use fix1002_core::fault::strings::{custom_message, parse, StringTable, SONOS_LANGUAGES};
use fix1002_core::fault::{decode, Fault};

fn fault_with(code: &str, sonos_error: &str) -> Fault {
    let xml = format!(
        "<Fault><faultcode>Client.{code}</faultcode><faultstring>x</faultstring><detail><ExceptionInfo>log</ExceptionInfo><SonosError>{sonos_error}</SonosError></detail></Fault>"
    );
    decode(&xml).unwrap().faults.remove(0)
}

fn json_table(entries: &[(&str, &str)]) -> StringTable {
    let body: Vec<String> = entries
        .iter()
        .map(|(lang, text)| {
            format!("\"{lang}\": {{\"integration\": {{\"Error27Message\": \"{text}\"}}}}")
        })
        .collect();
    parse(&format!("{{{}}}", body.join(","))).unwrap()
}

fn tags(findings: &[fix1002_core::fault::findings::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.tag).collect()
}

#[test]
fn the_message_in_the_chosen_language_replaces_the_default() {
    let table = json_table(&[
        ("en-US", "Rating is only available to premium members."),
        ("de-DE", "Nur für Premium-Mitglieder."),
    ]);
    let fault = fault_with("ItemNotFound", "27");
    let custom = custom_message(&fault, &table, "de-DE", Context::Browse).unwrap();
    assert_eq!(custom.key, "Error27Message");
    assert_eq!(custom.text.as_deref(), Some("Nur für Premium-Mitglieder."));
    assert_eq!(tags(&custom.findings), ["custom-message-languages-missing"]);
    assert!(custom.findings[0]
        .found
        .contains("10 of Sonos' 12 languages"));
}

#[test]
fn all_twelve_languages_and_short_texts_give_no_findings() {
    let entries: Vec<(&str, &str)> = SONOS_LANGUAGES
        .iter()
        .map(|l| (*l, "Premium only."))
        .collect();
    let custom = custom_message(
        &fault_with("ItemNotFound", "27"),
        &json_table(&entries),
        "en-US",
        Context::Search,
    )
    .unwrap();
    assert!(custom.findings.is_empty(), "{:?}", custom.findings);
}

#[test]
fn a_missing_key_warns_of_the_retry_loop() {
    let table = json_table(&[("en-US", "x")]);
    let custom = custom_message(
        &fault_with("ItemNotFound", "28"),
        &table,
        "en-US",
        Context::Browse,
    )
    .unwrap();
    assert_eq!(custom.text, None);
    assert_eq!(tags(&custom.findings), ["custom-message-missing"]);
    assert!(custom.findings[0].rule.contains("loop"));
}

#[test]
fn a_message_over_125_characters_is_flagged() {
    let long = "a".repeat(126);
    let entries: Vec<(&str, &str)> = SONOS_LANGUAGES
        .iter()
        .map(|l| (*l, long.as_str()))
        .collect();
    let custom = custom_message(
        &fault_with("ItemNotFound", "27"),
        &json_table(&entries),
        "en-US",
        Context::Browse,
    )
    .unwrap();
    assert_eq!(tags(&custom.findings), ["custom-message-too-long"]);
    let exactly = "a".repeat(125);
    let entries: Vec<(&str, &str)> = SONOS_LANGUAGES
        .iter()
        .map(|l| (*l, exactly.as_str()))
        .collect();
    assert!(custom_message(
        &fault_with("ItemNotFound", "27"),
        &json_table(&entries),
        "en-US",
        Context::Browse
    )
    .unwrap()
    .findings
    .is_empty());
}

#[test]
fn replacing_a_message_that_asks_the_user_to_act_is_flagged() {
    let entries: Vec<(&str, &str)> = SONOS_LANGUAGES.iter().map(|l| (*l, "Nope.")).collect();
    let table = json_table(&entries);
    let upgrade = custom_message(
        &fault_with("LoginUnauthorized", "27"),
        &table,
        "en-US",
        Context::Streaming,
    )
    .unwrap();
    assert_eq!(tags(&upgrade.findings), ["custom-message-replaces-action"]);
    let reauth = custom_message(
        &fault_with("AuthTokenExpired", "27"),
        &table,
        "en-US",
        Context::Browse,
    )
    .unwrap();
    assert_eq!(tags(&reauth.findings), ["custom-message-replaces-action"]);
    let plain = custom_message(
        &fault_with("ServiceUnknownError", "27"),
        &table,
        "en-US",
        Context::Browse,
    )
    .unwrap();
    assert!(plain.findings.is_empty());
}

#[test]
fn an_out_of_range_sonos_error_is_a_fault_finding_and_looks_nothing_up() {
    let fault = fault_with("ItemNotFound", "1000");
    assert!(fault
        .findings
        .iter()
        .any(|f| f.tag == "sonos-error-out-of-range"));
    assert_eq!(
        custom_message(
            &fault,
            &json_table(&[("en-US", "x")]),
            "en-US",
            Context::Browse
        ),
        None
    );
}

#[test]
fn the_legacy_xml_table_works_the_same_way() {
    let xml = r#"<stringtables xmlns="http://sonos.com/sonosapi"><stringtable rev="1" xml:lang="en-US"><string stringId="Error6Message">Please restart the sign-in.</string></stringtable></stringtables>"#;
    let table = parse(xml).unwrap();
    let fault = decode(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/faults/bare-fault-device-link.xml"
        ))
        .unwrap(),
    )
    .unwrap()
    .faults
    .remove(0);
    let custom = custom_message(&fault, &table, "en-US", Context::AccountSetup).unwrap();
    assert_eq!(custom.text.as_deref(), Some("Please restart the sign-in."));
}
