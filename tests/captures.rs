//! Faults as developers capture them, made by the real tools on loopback (curl, a TCP relay
//! standing in for Wireshark's "Follow TCP stream", Chromium's HAR, Python's logging, curl
//! --trace-ascii, wget -S, ts, journald, pino, python-json-logger; see
//! tests/fixtures/capture/tools.mjs), answered by Node's soap, Perl's SOAP::Lite, PHP's
//! SoapServer and spyne. Each must decode, with what the tool changed noted and the request's
//! operation read, or be refused with a message that names the tool and what to paste instead.

use fix1002_core::fault::messages::Context;
use fix1002_core::fault::operation::OperationSource;
use fix1002_core::fault::{decode, decode_bytes, DecodeError, Decoded, InputKind};

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
    assert_eq!(tags(&d, 0), ["http-status-not-seen"]);
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

fn text(name: &str) -> String {
    String::from_utf8(bytes(name)).unwrap()
}

fn finding<'a>(d: &'a Decoded, tag: &str) -> &'a fix1002_core::fault::findings::Finding {
    d.faults[0]
        .findings
        .iter()
        .find(|f| f.tag == tag)
        .unwrap_or_else(|| panic!("no {tag} finding"))
}

#[test]
fn curl_trace_ascii_gives_the_response_fault_and_the_requests_credentials() {
    // Node's soap, chunked: the dump cuts the body every 64 bytes and shows the chunk sizes;
    // the body curl wrote runs straight into its next "== Info:" line.
    let d = decoded("curl-trace-ascii-chunked.txt");
    assert_eq!(d.kind, InputKind::CurlTrace);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.faults[0].code.as_deref(), Some("UnsupportedTerritory"));
    assert_eq!(d.faults[0].detail.sonos_error.as_deref(), Some("12"));
    let exchange = d.exchange_of(&d.faults[0]).unwrap();
    assert_eq!(exchange.http.status, 500);
    assert_eq!(tags(&d, 0), ["capture-chunked-already-decoded"]);
    let (context, operation) = d.suggested_context().unwrap();
    assert_eq!(
        (context, operation.name.as_str()),
        (Context::Streaming, "getMediaURI")
    );
    // The request's body exists only as the dump; its credentials still read.
    let credentials = &exchange.request.as_ref().unwrap().credentials;
    assert!(
        credentials
            .iter()
            .any(|(name, value)| name.ends_with("deviceId") && value == "00-0E-58-12-34-56:7"),
        "{credentials:?}"
    );
    // The fault is located in the body curl wrote, on the trace's last line.
    let lines = text("curl-trace-ascii-chunked.txt").lines().count();
    assert_eq!(d.faults[0].position.map(|p| p.line), Some(lines));
}

#[test]
fn curl_trace_ascii_of_a_pretty_printed_body_reads_the_body_not_the_dump() {
    // SOAP::Lite's body has bare line ends, which the dump shows as dots.
    let d = decoded("curl-trace-ascii-soaplite.txt");
    assert_eq!(d.kind, InputKind::CurlTrace);
    assert_eq!(d.faults[0].code.as_deref(), Some("ItemNotFound"));
    assert_eq!(
        d.faults[0].detail.exception_info.as_deref(),
        Some("catalogue=podcasts")
    );
    assert_eq!(
        tags(&d, 0),
        ["faultactor-ignored"],
        "no loose text in the Body"
    );
    assert_eq!(
        d.suggested_context().map(|(c, o)| (c, o.name.as_str())),
        Some((Context::Search, "search"))
    );
}

#[test]
fn curl_trace_ascii_without_the_body_says_what_to_paste() {
    let error = decode_bytes(&bytes("curl-trace-ascii-body-to-file.txt")).unwrap_err();
    assert_eq!(error, DecodeError::TraceWithoutBody);
    let message = error.to_string();
    assert!(message.contains("curl --trace-ascii output"), "{message}");
    assert!(message.contains("without -o"), "{message}");
}

#[test]
fn wget_s_finds_the_indented_status_line_of_a_fault_sent_with_200() {
    let d = decoded("wget-S-fault-with-200.txt");
    assert_eq!(d.kind, InputKind::Wget);
    assert_eq!(d.faults[0].code.as_deref(), Some("LoginInvalid"));
    assert_eq!(d.http().map(|h| h.status_text()), Some("200 OK".to_owned()));
    assert_eq!(
        tags(&d, 0),
        ["capture-chunked-already-decoded", "http-status-not-500"]
    );
    assert!(finding(&d, "http-status-not-500").found.contains("200 OK"));
    assert!(
        d.faults[0].position.is_some(),
        "the body is one stretch of the paste"
    );
}

#[test]
fn wget_s_with_the_body_saved_to_a_file_says_where_it_went() {
    let error = decode_bytes(&bytes("wget-S-body-saved-to-file.txt")).unwrap_err();
    assert_eq!(error, DecodeError::WgetWithoutBody { status: 200 });
    let message = error.to_string();
    assert!(message.contains("wget -S output"), "{message}");
    assert!(message.contains("-O -"), "{message}");
    // The file's contents pasted after wget's output make it whole.
    let body = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/faults/captures/wget-S-fault-with-200.txt"),
    )
    .unwrap();
    let xml = &body[body.find("<?xml").unwrap()..body.find("</soap:Envelope>").unwrap() + 16];
    let pasted = format!("{}{xml}\n", text("wget-S-body-saved-to-file.txt"));
    let d = decode(&pasted).unwrap();
    assert_eq!(d.kind, InputKind::Wget);
    assert!(tags(&d, 0).contains(&"http-status-not-500"));
}

#[test]
fn ts_prefixes_on_every_line_are_cut_from_tags_and_texts_that_span_lines() {
    // SOAP::Lite writes the Envelope's start tag one attribute a line, and a stack trace in
    // ExceptionInfo; ts put a timestamp before each of those lines too.
    let d = decoded("ts-soaplite-readable.log");
    assert!(d.log_prefixes);
    assert_eq!(d.faults[0].code.as_deref(), Some("AuthTokenExpired"));
    assert_eq!(
        d.faults[0].detail.exception_info.as_deref(),
        Some(
            "token rejected\n  at Smapi::getMetadata line 24\n  at SOAP::Server::handle line 2768"
        )
    );
    let envelope = d.faults[0].envelope.as_ref().unwrap();
    assert_eq!(
        envelope.namespace.as_deref(),
        Some("http://schemas.xmlsoap.org/soap/envelope/")
    );
    // Line and column count in the paste, timestamps included.
    let log = text("ts-soaplite-readable.log");
    let line = log.lines().nth(8).unwrap();
    let column = line.find("<soap:Fault>").unwrap() + 1;
    assert_eq!(
        d.faults[0].position.map(|p| (p.line, p.column)),
        Some((9, column))
    );
    assert_eq!(tags(&d, 0), ["faultactor-ignored", "http-status-not-seen"]);
}

#[test]
fn journald_prefixes_are_cut_from_a_text_that_spans_lines() {
    let d = decoded("journald-soaplite-readable.log");
    assert!(d.log_prefixes);
    assert_eq!(d.faults[0].code.as_deref(), Some("ServiceUnavailable"));
    assert_eq!(
        d.faults[0].detail.exception_info.as_deref(),
        Some("upstream catalogue unreachable\n  retry after 02:00 UTC")
    );
}

#[test]
fn a_byte_order_mark_before_the_declaration_of_a_crlf_pretty_printed_body() {
    // PHP sends the mark its script file was saved with before anything else.
    let raw = bytes("php-bom-crlf-pretty.http");
    let body_start = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    assert_eq!(&raw[body_start..body_start + 3], b"\xEF\xBB\xBF");
    assert!(
        raw[body_start..]
            .windows(2)
            .filter(|w| w == b"\r\n")
            .count()
            > 5
    );
    let d = decoded("php-bom-crlf-pretty.http");
    assert_eq!(d.kind, InputKind::HttpResponse);
    assert_eq!(d.faults[0].code.as_deref(), Some("DeviceLimit"));
    assert_eq!(tags(&d, 0), Vec::<&str>::new());
    let lines: Vec<_> = text("php-bom-crlf-pretty.http")
        .lines()
        .map(str::to_owned)
        .collect();
    let line = lines
        .iter()
        .position(|l| l.contains("<SOAP-ENV:Fault>"))
        .unwrap();
    assert_eq!(d.faults[0].position.map(|p| p.line), Some(line + 1));
}

#[test]
fn a_pino_log_gives_the_one_fault_among_its_lines_and_says_it_came_from_a_log() {
    let d = decoded("pino-php-soapserver.log");
    assert_eq!(d.kind, InputKind::JsonLog);
    assert!(d.kind.describe().contains("log"));
    assert_eq!(d.faults.len(), 1, "the request line holds no fault");
    assert_eq!(d.faults[0].code.as_deref(), Some("ItemNotFound"));
    assert_eq!(
        d.faults[0].faultstring.as_deref(),
        Some("No such album: al-42")
    );
    // Located at the string that holds it, on the log's third line.
    assert_eq!(d.faults[0].position.map(|p| p.line), Some(3));
    assert_eq!(tags(&d, 0), ["http-status-not-seen"]);
}

#[test]
fn a_python_json_logger_line_with_unicode_escapes_decodes() {
    let log = text("python-json-logger-spyne.log");
    assert!(
        log.contains("\\u201cCaf\\u00e9"),
        "json.dumps escaped the text"
    );
    let d = decoded("python-json-logger-spyne.log");
    assert_eq!(d.kind, InputKind::JsonLog);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.faults[0].prefix.as_deref(), Some("soap11env"));
    assert_eq!(
        d.faults[0].faultstring.as_deref(),
        Some("No album \u{201c}Café del Mar\u{201d} in this catalogue")
    );
    assert_eq!(d.faults[0].position.map(|p| p.line), Some(2));
}

#[test]
fn a_structured_log_without_a_fault_says_what_to_log_or_paste() {
    let log = text("pino-php-soapserver.log");
    let without: String = log
        .lines()
        .filter(|l| !l.contains("Fault"))
        .map(|l| format!("{l}\n"))
        .collect();
    let error = decode(&without).unwrap_err();
    assert_eq!(
        error,
        DecodeError::JsonLogWithoutFault {
            records: 3,
            undecoded: None
        }
    );
    assert!(error.to_string().contains("paste the response itself"));
    // A response cut short in the log: the message says where and why.
    let cut = log.replace("</SOAP-ENV:Envelope>", "");
    let error = decode(&cut).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("structured log (4 JSON lines)"),
        "{message}"
    );
    assert!(message.contains("on line 3"), "{message}");
    assert!(message.contains("looks truncated"), "{message}");
}

#[test]
fn a_fault_without_a_status_line_is_no_all_clear() {
    // A fault built the way Sonos asks, read from a log without its HTTP head.
    let d = decoded("ts-soaplite-readable.log");
    let not_seen = finding(&d, "http-status-not-seen");
    assert_eq!(
        not_seen.basis,
        fix1002_core::fault::findings::Basis::ErrorReference
    );
    assert!(not_seen.rule.contains("500 Internal Server Error"));
    assert!(not_seen.found.contains("status 500 could not be checked"));
    // A HAR entry has its status; so does every response of a capture.
    let har = decoded("chromium-get-device-auth-token.har");
    assert!(har
        .faults
        .iter()
        .all(|f| f.findings.iter().all(|x| x.tag != "http-status-not-seen")));
}

#[test]
fn an_error_in_a_prefixed_log_points_at_the_pastes_own_column() {
    let log = text("ts-soaplite-readable.log");
    let broken = log.replacen("The access token", "The access &bogus; token", 1);
    let (line, column) = broken
        .lines()
        .enumerate()
        .find_map(|(n, l)| Some((n + 1, l.find("&bogus;")? + 1)))
        .unwrap();
    match decode(&broken).unwrap_err() {
        DecodeError::MalformedXml { position, .. } => {
            assert_eq!((position.line, position.column), (line, column))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_broken_string_in_a_structured_log_leaves_the_others_decoded() {
    let log = text("pino-php-soapserver.log");
    let fault_line = log.lines().find(|l| l.contains("Fault")).unwrap();
    // The same fault logged again, cut short by a logger's length limit, two lines earlier.
    let cut = &fault_line[..fault_line.find("</SOAP-ENV:Body>").unwrap()];
    let with_cut = log.replacen(fault_line, &format!("{cut}\"}}\n{fault_line}"), 1);
    let d = decode(&with_cut).unwrap();
    assert_eq!(d.kind, InputKind::JsonLog);
    assert_eq!(d.faults.len(), 1);
    assert_eq!(d.faults[0].position.map(|p| p.line), Some(4));
}
