//! Faults captured byte for byte from real SOAP server stacks on loopback (Node's `soap`,
//! Python's spyne, PHP's SoapServer; see tests/fixtures/capture/README.md). Real stacks differ
//! in prefixes, status codes, chunking and detail shapes; each capture must decode, and the
//! decoder must say exactly where each stack breaks Sonos' rules.

use fix1002_core::fault::{decode, DecodeError, Fault};

fn capture(name: &str) -> Result<Vec<Fault>, DecodeError> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/faults/stacks")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode(&text).map(|d| d.faults)
}

fn one(name: &str) -> Fault {
    let mut faults = capture(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(faults.len(), 1, "{name}");
    faults.remove(0)
}

fn tags(fault: &Fault) -> Vec<&'static str> {
    let mut tags: Vec<_> = fault.findings.iter().map(|f| f.tag).collect();
    tags.sort_unstable();
    tags
}

#[test]
fn node_soap_with_a_status_is_clean_and_chunked() {
    let fault = one("node-soap-status-500.http");
    assert_eq!(fault.code.as_deref(), Some("LoginUnauthorized"));
    assert_eq!(tags(&fault), Vec::<&str>::new());
}

#[test]
fn node_soap_without_a_status_answers_200() {
    let fault = one("node-soap-no-status.http");
    assert_eq!(fault.code.as_deref(), Some("AuthTokenExpired"));
    assert_eq!(tags(&fault), ["http-status-not-500"]);
}

#[test]
fn node_soap_custom_message_detail_is_read() {
    let fault = one("node-soap-custom-message.http");
    assert_eq!(fault.detail.sonos_error.as_deref(), Some("27"));
    assert_eq!(
        fault.detail.exception_info.as_deref(),
        Some("Feature Unsupported for User Type")
    );
}

#[test]
fn node_soap_exceptions_come_out_soap12_shaped() {
    let fault = one("node-soap-exception.http");
    assert!(fault.soap12_shape);
    assert_eq!(
        fault.faultstring.as_deref(),
        Some("Error: unexpected input")
    );
    assert_eq!(fault.code.as_deref(), Some("InternalServerError"));
    assert_eq!(tags(&fault), ["soap12-shape", "unknown-code"]);
}

#[test]
fn spyne_prefixes_the_code_and_sends_an_empty_faultactor() {
    let fault = one("spyne-login-invalid.http");
    assert_eq!(fault.prefix.as_deref(), Some("soap11env"));
    assert_eq!(fault.code.as_deref(), Some("LoginInvalid"));
    assert_eq!(tags(&fault), ["faultactor-ignored"]);
    let fault = one("spyne-custom-message.http");
    assert_eq!(fault.detail.sonos_error.as_deref(), Some("27"));
    let fault = one("spyne-exception.http");
    assert_eq!(tags(&fault), ["faultactor-ignored", "faultcode-malformed"]);
}

#[test]
fn php_soapserver_faults_and_its_detail_outside_detail() {
    let fault = one("php-soapserver-item-not-found.http");
    assert_eq!(fault.code.as_deref(), Some("ItemNotFound"));
    assert_eq!(tags(&fault), Vec::<&str>::new());

    let fault = one("php-soapserver-token-refresh.http");
    assert_eq!(
        tags(&fault),
        ["fault-unexpected-element", "token-refresh-missing-tokens"]
    );
    let missing = fault
        .findings
        .iter()
        .find(|f| f.tag == "token-refresh-missing-tokens")
        .unwrap();
    assert!(missing.found.contains("outside <detail>"));
}

#[test]
fn an_uncaught_php_exception_is_an_empty_500() {
    assert_eq!(
        capture("php-soapserver-exception.http"),
        Err(DecodeError::EmptyBody { status: 500 })
    );
}
