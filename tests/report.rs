//! The copied report: secrets hidden by name wherever they stand (detail, headers, the
//! credentials of a pasted request), never their length, and a copied message that names
//! exactly what was hidden; and the report says what the card says, from one explanation.

use fix1002_core::fault::explain::{explain_all, Choices};
use fix1002_core::fault::messages::{Context, Names};
use fix1002_core::fault::report::plain_text;
use fix1002_core::fault::{decode, decode_bytes};

fn choices() -> Choices<'static> {
    Choices {
        context: Context::Browse,
        names: Names::default(),
        strings: None,
        language: "",
    }
}

#[test]
fn a_captured_request_s_credentials_and_cookies_are_hidden() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/faults/captures/tcp-stream-search-with-credentials.txt"
    );
    let text = String::from_utf8(std::fs::read(path).unwrap()).unwrap();
    // The relay's capture, plus the session cookie a proxy would have shown.
    let text = text.replacen(
        "Accept: */*\r\n",
        "Accept: */*\r\nCookie: session=c00k1e-secret\r\nAuthorization: Bearer b3arer-secret\r\n",
        1,
    );
    let report = plain_text(&decode(&text).unwrap(), &choices());
    for secret in [
        "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0",
        "rk_5f2a9c",
        "c00k1e-secret",
        "b3arer-secret",
        // The household and device ids identify the user: not for a ticket (issue 24).
        "00-0E-58-12-34-56:7",
        "Sonos_abc",
    ] {
        assert!(
            !report.text.contains(secret),
            "{secret} leaked:\n{}",
            report.text
        );
    }
    assert!(report
        .text
        .contains("SOAP Header credentials/deviceId: present, hidden"));
    assert!(report
        .text
        .contains("SOAP Header credentials/loginToken/token: present, hidden"));
    assert_eq!(
        report.hidden,
        [
            "Cookie header",
            "Authorization header",
            "credentials credentials/deviceId",
            "credentials credentials/loginToken/token",
            "credentials credentials/loginToken/key",
            "credentials credentials/loginToken/householdId",
        ]
    );
    let message = report.copied_message();
    assert!(
        message.contains("Cookie header, Authorization header"),
        "{message}"
    );
    assert!(message.contains("faultstring, ExceptionInfo) is copied as sent"));
}

#[test]
fn secrets_in_the_detail_are_hidden_by_name_whatever_the_case_and_never_by_length() {
    let fault = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
        <faultcode>s:Client.TokenRefreshRequired</faultcode><faultstring>refresh</faultstring>
        <detail><refreshAuthTokenResult><authToken>new-auth-123</authToken><privateKey>new-key-456</privateKey></refreshAuthTokenResult>
        <debug><SessionID>sess-789</SessionID><Password>hunter2</Password><note>kept</note></debug></detail>
        </s:Fault></s:Body></s:Envelope>"#;
    let report = plain_text(&decode(fault).unwrap(), &choices());
    for secret in ["new-auth-123", "new-key-456", "sess-789", "hunter2"] {
        assert!(!report.text.contains(secret), "{secret} leaked");
    }
    assert!(
        !report.text.contains("characters"),
        "no length is given away"
    );
    assert!(report
        .text
        .contains("\n  Detail:\n    authToken: present, hidden\n"));
    assert!(report.text.contains("\n    debug/note: kept"));
    assert_eq!(
        report.hidden,
        [
            "authToken",
            "privateKey",
            "detail debug/SessionID",
            "detail debug/Password"
        ]
    );
}

#[test]
fn a_report_with_nothing_secret_says_so() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/faults/captures/curl-http2.http"
    );
    let report = plain_text(
        &decode_bytes(&std::fs::read(path).unwrap()).unwrap(),
        &choices(),
    );
    assert!(report.hidden.is_empty());
    assert!(report
        .copied_message()
        .starts_with("Report copied. Nothing in it is named like a secret."));
}

#[test]
fn the_report_says_what_the_explanation_says() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/faults/controller-log-three-faults.xml"
    );
    let decoded = decode_bytes(&std::fs::read(path).unwrap()).unwrap();
    for context in Context::ALL {
        let choices = Choices {
            context,
            ..choices()
        };
        let report = plain_text(&decoded, &choices);
        for (_, explanation) in explain_all(&decoded, &choices) {
            let seen = explanation.seen.as_ref().unwrap();
            let line = format!("User sees ({}): {}", seen.kind(), seen.text());
            assert!(report.text.contains(&line), "{line}\n{}", report.text);
            for finding in &explanation.findings {
                assert!(report.text.contains(&*finding.found));
            }
        }
    }
}

#[test]
fn a_huge_value_is_cut_in_the_report_with_its_length() {
    // Issue 24: an 8 MB faultstring on one line. The report says how long it is and carries
    // its start, not megabytes nobody can read in a ticket.
    let value = "z".repeat(8 * 1024 * 1024);
    let fault = format!(
        "<Fault><faultcode>Server.ServiceUnknownError</faultcode><faultstring>{value}</faultstring></Fault>"
    );
    let report = plain_text(&decode(&fault).unwrap(), &choices());
    let line = report
        .text
        .lines()
        .find(|l| l.starts_with("  faultstring: "))
        .unwrap();
    assert!(
        line.ends_with(&format!("… ({} characters in all)", value.len())),
        "{}",
        &line[line.len() - 60..]
    );
    assert!(report.text.len() < 10_000, "{} bytes", report.text.len());
}
