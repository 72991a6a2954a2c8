//! Faults as developers capture them, made by the real tools on loopback (curl, a TCP relay
//! standing in for Wireshark's "Follow TCP stream", Chromium's HAR, Python's logging; see
//! tests/fixtures/capture/tools.mjs). Each must decode, with what the tool changed noted and
//! the request's operation read.

use fix1002::fault::messages::Context;
use fix1002::fault::operation::OperationSource;
use fix1002::fault::{decode, decode_bytes, DecodeError, Decoded, InputKind};

fn bytes(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/faults/captures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn decoded(name: &str) -> Decoded {
    decode_bytes(&bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tags(decoded: &Decoded, fault: usize) -> Vec<&'static str> {
    let mut tags: Vec<_> = decoded.faults[fault]
        .findings
        .iter()
        .map(|f| f.tag)
        .collect();
    tags.sort_unstable();
    tags
}

#[test]
fn curl_si_shows_chunked_headers_over_a_body_it_already_joined() {
    let d = decoded("curl-si-chunked.http");
    assert_eq!(d.kind, InputKind::HttpResponse);
    assert_eq!(d.faults[0].code.as_deref(), Some("AuthTokenExpired"));
    assert_eq!(tags(&d, 0), ["capture-chunked-already-decoded"]);
    assert!(
        d.faults[0].position.is_some(),
        "positions still point into the paste"
    );
}

#[test]
fn curl_verbose_output_gives_the_fault_and_the_operation() {
    let d = decoded("curl-v-get-media-uri.txt");
    assert_eq!(d.kind, InputKind::CurlVerbose);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.faults[0].code.as_deref(), Some("UnsupportedTerritory"));
    let (context, operation) = d.suggested_context().expect("from the SOAPAction header");
    assert_eq!(context, Context::Streaming);
    assert_eq!(operation.name, "getMediaURI");
    assert_eq!(operation.source, OperationSource::SoapAction);
    assert_eq!(tags(&d, 0), ["capture-chunked-already-decoded"]);
}

#[test]
fn an_http2_status_line_has_no_reason_phrase() {
    let d = decoded("curl-http2.http");
    let http = d.http().unwrap();
    assert_eq!((http.version.as_str(), http.status), ("HTTP/2", 500));
    assert_eq!(http.status_text(), "500");
    assert_eq!(tags(&d, 0), Vec::<&str>::new());
}

#[test]
fn curl_compressed_shows_gzip_headers_over_plain_text() {
    let d = decoded("curl-compressed-gzip.http");
    assert_eq!(d.faults[0].code.as_deref(), Some("ItemNotFound"));
    assert_eq!(tags(&d, 0), ["capture-encoding-already-decoded"]);
}

#[test]
fn a_followed_redirect_gives_two_responses_and_the_fault_of_the_last() {
    let d = decoded("curl-redirect-then-fault.http");
    assert_eq!(d.kind, InputKind::HttpResponses);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.passed_over, 1, "the 307 holds no fault");
    let exchange = d.exchange_of(&d.faults[0]).unwrap();
    assert_eq!(exchange.label.as_deref(), Some("response 2 of 2"));
}

#[test]
fn gzip_bytes_that_were_never_decompressed_are_named() {
    let error = decode_bytes(&bytes("curl-redirect-gzip-still-compressed.http")).unwrap_err();
    assert!(
        matches!(&error, DecodeError::CompressedBody { coding } if coding == "gzip"),
        "{error}"
    );
    assert!(error.to_string().contains("curl --compressed"));
    // The same bytes pasted into a text box arrive with replacement characters.
    let pasted =
        String::from_utf8_lossy(&bytes("curl-redirect-gzip-still-compressed.http")).into_owned();
    assert!(matches!(
        decode(&pasted),
        Err(DecodeError::CompressedBody { .. })
    ));
}

#[test]
fn a_tcp_stream_pairs_the_request_with_its_response() {
    let d = decoded("tcp-stream-search-with-credentials.txt");
    assert_eq!(d.kind, InputKind::HttpExchange);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.faults[0].code.as_deref(), Some("ItemNotFound"));
    let (context, operation) = d.suggested_context().unwrap();
    assert_eq!(
        (context, operation.name.as_str()),
        (Context::Search, "search")
    );
    assert_eq!(
        tags(&d, 0),
        Vec::<&str>::new(),
        "a chunked body framed as sent"
    );
}

#[test]
fn the_request_body_names_the_operation_when_there_is_no_soap_action() {
    let text = String::from_utf8(bytes("tcp-stream-search-with-credentials.txt")).unwrap();
    let without = text.replace(
        "SOAPAction: \"http://www.sonos.com/Services/1.1#search\"\r\n",
        "",
    );
    assert_ne!(without, text);
    let d = decode(&without).unwrap();
    let (_, operation) = d.suggested_context().unwrap();
    assert_eq!(operation.source, OperationSource::RequestBody);
    assert_eq!(operation.name, "search");
}

#[test]
fn a_chromium_har_decodes_its_soap_responses_and_counts_the_rest() {
    let d = decoded("chromium-get-device-auth-token.har");
    assert_eq!(d.kind, InputKind::Har);
    assert_eq!(d.faults.len(), 2);
    assert_eq!(d.faults[0].code.as_deref(), Some("NOT_LINKED_RETRY"));
    assert_eq!(d.passed_over, 2, "the page and its script");
    // Chromium stored the second fault's body as base64: its type is not text.
    assert_eq!(d.faults[1].code.as_deref(), Some("UnsupportedTerritory"));
    assert!(tags(&d, 1).contains(&"content-type-not-text-xml"));
    let exchange = d.exchange_of(&d.faults[0]).unwrap();
    assert_eq!(exchange.http.status, 500);
    assert!(exchange
        .label
        .as_deref()
        .unwrap()
        .starts_with("HAR entry 3 of 4: POST http://127.0.0.1:"));
    assert_eq!(
        d.suggested_context().map(|(c, o)| (c, o.name.as_str())),
        Some((Context::AccountSetup, "getDeviceAuthToken"))
    );
    assert!(d.faults[0].position.is_none(), "no line numbers into JSON");
}

#[test]
fn python_logging_prefixes_are_set_aside() {
    let d = decoded("python-logging-prefixed.log");
    assert!(d.log_prefixes);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.faults[0].code.as_deref(), Some("AuthTokenExpired"));
    assert_eq!(
        d.faults[0].faultstring.as_deref(),
        Some("The access token expired")
    );
    // The Fault element opens on line 5 of the log.
    assert_eq!(d.faults[0].position.map(|p| p.line), Some(5));
    assert_eq!(tags(&d, 0), Vec::<&str>::new());
}

#[test]
fn files_saved_with_a_byte_order_mark_and_joined_give_every_fault() {
    // Two responses of the soap service saved with Python's "utf-8-sig" codec, then joined
    // with `cat` (tests/fixtures/capture/tools.mjs): the second mark sits mid-text.
    let d = decoded("joined-utf8-sig-files.xml");
    assert_eq!(d.kind, InputKind::Log);
    let codes: Vec<_> = d.faults.iter().map(|f| f.code.as_deref()).collect();
    assert_eq!(codes, [Some("ItemNotFound"), Some("UnsupportedTerritory")]);
    assert_eq!(
        d.faults[1].faultstring.as_deref(),
        Some("Track not licensed in this country")
    );
    assert_eq!(d.faults[1].position.map(|p| p.line), Some(2));
}

#[test]
fn a_byte_order_mark_inside_a_faults_text_is_not_kept() {
    let d = decode(
        "<s:Fault xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><faultcode>s:Client.\u{feff}ItemNotFound</faultcode><faultstring>\u{feff}Gone</faultstring></s:Fault>",
    )
    .unwrap();
    assert_eq!(d.faults[0].code.as_deref(), Some("ItemNotFound"));
    assert_eq!(d.faults[0].faultstring.as_deref(), Some("Gone"));
}

#[test]
fn a_capture_with_only_a_request_says_so() {
    let text = String::from_utf8(bytes("tcp-stream-search-with-credentials.txt")).unwrap();
    let request = &text[..text.find("HTTP/1.1 500").unwrap()];
    let error = decode(request).unwrap_err();
    assert_eq!(
        error,
        DecodeError::RequestOnly {
            operation: Some("search".into())
        }
    );
}
