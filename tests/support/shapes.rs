//! Inputs of a given size for measuring the decoder: an ordinary controller log, and the
//! adversarial shapes that once made its cost grow faster than the input. Shared by the
//! regression tests (tests/decoder_cost.rs), the native bench (examples/bench_decoder.rs)
//! and the Chromium bench (tests/wasm_bench.rs) through `#[path]`, so all three measure the
//! same bytes.

#![allow(dead_code)]

const ENVELOPE_OPEN: &str =
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>";
const ENVELOPE_OPEN_HEADER: &str =
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>";
const ENVELOPE_CLOSE: &str = "</s:Body></s:Envelope>";
const FAULT_HEAD: &str =
    "<s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>x</faultstring>";

/// A controller log of `faults` entries padded to about `bytes` in all.
pub fn controller_log(faults: usize, bytes: usize) -> String {
    let padding = "x".repeat((bytes / faults).saturating_sub(420));
    let mut log = String::with_capacity(bytes + faults * 64);
    for i in 0..faults {
        log.push_str(&format!(
            "<ApplicationData><Time>2026-11-20 18:{:02}:{:02}</Time><Note>{padding}</Note>\n<Response>{ENVELOPE_OPEN}<s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>No such item {i}</faultstring><detail><ExceptionInfo>lookup {i}</ExceptionInfo></detail></s:Fault>{ENVELOPE_CLOSE}</Response></ApplicationData>\n",
            (i / 60) % 60,
            i % 60
        ));
    }
    log
}

/// A controller log of about `bytes` as a service's own logging writes one: each entry a
/// request with Sonos' credentials and its response, a browse result with a few items, and
/// every tenth response a fault. The baseline the adversarial shapes are compared with.
pub fn ordinary_log(bytes: usize) -> String {
    let mut log = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while log.len() < bytes {
        let (request, response) = ordinary_exchange(i);
        log.push_str(&format!(
            "<Entry time=\"2026-11-20T18:{:02}:{:02}Z\" level=\"info\"><Request>{request}</Request>\n<Response>{response}</Response></Entry>\n",
            (i / 60) % 60,
            i % 60
        ));
        i += 1;
    }
    log
}

/// The `i`th request and response envelopes of the ordinary log: a browse request with
/// Sonos' credentials, and a browse result with a few items, or every tenth time a fault.
fn ordinary_exchange(i: usize) -> (String, String) {
    let request = format!("{ENVELOPE_OPEN_HEADER}<credentials xmlns=\"http://www.sonos.com/Services/1.1\"><deviceId>00-0E-58-12-34-56:7</deviceId><deviceProvider>Sonos</deviceProvider><loginToken><token>token-{i}</token><key>key-{i}</key><householdId>Sonos_abcdef</householdId></loginToken></credentials></s:Header><s:Body><getMetadata xmlns=\"http://www.sonos.com/Services/1.1\"><id>playlists:{i}</id><index>0</index><count>100</count></getMetadata>{ENVELOPE_CLOSE}");
    let mut response = String::new();
    if i % 10 == 9 {
        response.push_str(&format!(
            "{ENVELOPE_OPEN}<s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>No such playlist {i}</faultstring><detail><ExceptionInfo>lookup playlists:{i}</ExceptionInfo></detail></s:Fault>{ENVELOPE_CLOSE}"
        ));
    } else {
        response.push_str(&format!("{ENVELOPE_OPEN}<getMetadataResponse xmlns=\"http://www.sonos.com/Services/1.1\"><getMetadataResult><index>0</index><count>3</count><total>3</total>"));
        for item in ["Road trip", "Focus", "Evening jazz"] {
            response.push_str(&format!("<mediaCollection><id>playlist:{i}:{item}</id><itemType>playlist</itemType><title>{item}</title><canPlay>true</canPlay><albumArtURI>https://art.example.com/{i}.jpg</albumArtURI></mediaCollection>"));
        }
        response.push_str(&format!(
            "</getMetadataResult></getMetadataResponse>{ENVELOPE_CLOSE}"
        ));
    }
    (request, response)
}

/// The ordinary log pretty-printed, one element a line, with `line_end` after each line.
fn pretty(bytes: usize, line_end: &str) -> String {
    let mut text = ordinary_log(bytes)
        .replace('\n', "")
        .replace("><", &format!(">{line_end}<"));
    text.push_str(line_end);
    text
}

// The paste shapes of issue 24, each the ordinary log's traffic as a tool or logger prints it.

/// `curl --trace-ascii -` of a large response: curl reads it 16 KB at a time, dumps each
/// read as numbered 64-byte lines and writes it after the dump, so the body comes in pieces
/// between the dumps.
pub fn curl_trace_ascii(bytes: usize) -> String {
    let body = ordinary_log(bytes * 10 / 21);
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("== Info:   Trying 127.0.0.1:8080...\n=> Send header, 46 bytes (0x2e)\n0000: POST /smapi HTTP/1.1\n0016: Host: x\n001f: Accept: */*\n002c: \n");
    for header in [
        "HTTP/1.1 500 Internal Server Error",
        "Content-Type: text/xml; charset=utf-8",
        "",
    ] {
        out.push_str(&format!(
            "<= Recv header, {0} bytes (0x{0:x})\n0000: {header}\n",
            header.len() + 2
        ));
    }
    let mut rest = body.as_str();
    while !rest.is_empty() {
        let mut cut = rest.len().min(16 * 1024);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (piece, after) = rest.split_at(cut);
        out.push_str(&format!("<= Recv data, {0} bytes (0x{0:x})\n", piece.len()));
        let dumped: String = piece
            .chars()
            .map(|c| {
                if c == ' ' || c.is_ascii_graphic() {
                    c
                } else {
                    '.'
                }
            })
            .collect();
        for (n, line) in dumped.as_bytes().chunks(64).enumerate() {
            out.push_str(&format!(
                "{:04x}: {}\n",
                n * 64,
                std::str::from_utf8(line).unwrap()
            ));
        }
        out.push_str(piece);
        rest = after;
    }
    out.push_str("== Info: Connection #0 to host 127.0.0.1 left intact\n");
    out
}

/// `wget -S -O -`: wget's notes, the head indented, the body, then its progress.
pub fn wget_s(bytes: usize) -> String {
    let body = ordinary_log(bytes);
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("--2026-12-03 23:58:08--  http://127.0.0.1:8080/smapi\nConnecting to 127.0.0.1:8080... connected.\nHTTP request sent, awaiting response... \n  HTTP/1.1 500 Internal Server Error\n  Content-Type: text/xml; charset=utf-8\nLength: unspecified [text/xml]\nSaving to: ‘STDOUT’\n\n");
    out.push_str(&body);
    for k in (0..body.len() / 1024).step_by(50) {
        out.push_str(&format!(
            "{k:>6}K .......... .......... .......... .......... ..........  1% 43.6M 0s\n"
        ));
    }
    out.push_str("\n2026-12-03 23:58:08 (43.6 MB/s) - written to stdout [4194304]\n\n");
    out
}

/// A structured log as pino writes it: each request and each response a JSON line, the
/// envelope a string value with its quotes escaped.
pub fn json_lines_log(bytes: usize) -> String {
    let escape = |xml: &str| xml.replace('"', "\\\"");
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while out.len() < bytes {
        let (request, response) = ordinary_exchange(i);
        out.push_str(&format!(
            "{{\"level\":30,\"time\":{},\"pid\":4242,\"hostname\":\"smapi-1\",\"request\":\"{}\",\"msg\":\"SOAP request\"}}\n",
            1_796_342_290_362u64 + i as u64,
            escape(&request)
        ));
        out.push_str(&format!(
            "{{\"level\":{},\"time\":{},\"pid\":4242,\"hostname\":\"smapi-1\",\"status\":500,\"response\":\"{}\",\"msg\":\"SOAP response\"}}\n",
            if i % 10 == 9 { 50 } else { 30 },
            1_796_342_290_362u64 + i as u64,
            escape(&response)
        ));
        i += 1;
    }
    out
}

/// A structured log in which every line holds a small fault: each is decoded on its own.
pub fn json_lines_all_faults(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!(
            "{{\"level\":50,\"time\":{},\"response\":\"{}<s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>No such playlist {i}</faultstring></s:Fault>{}\"}}\n",
            1_796_342_290_362u64 + i as u64,
            ENVELOPE_OPEN.replace('"', "\\\""),
            ENVELOPE_CLOSE
        ));
        i += 1;
    }
    out
}

/// The ordinary log pretty-printed, each line behind a timestamp as `ts` writes it.
pub fn every_line_prefixed(bytes: usize) -> String {
    // A 16-byte prefix on lines of about 40: a third of the bytes are prefixes.
    let body = pretty(bytes * 2 / 3, "\n");
    let mut out = String::with_capacity(bytes + 4096);
    for (n, line) in body.lines().enumerate() {
        out.push_str(&format!(
            "Dec 03 23:{:02}:{:02} {line}\n",
            n / 60 % 60,
            n % 60
        ));
    }
    out
}

/// A raw response whose body starts with a byte-order mark and is pretty-printed with
/// CRLF line ends, as a PHP service saved on Windows sends it.
pub fn bom_crlf_pretty_response(bytes: usize) -> String {
    format!(
        "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml; charset=utf-8\r\n\r\n\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n{}",
        pretty(bytes, "\r\n")
    )
}

/// One envelope whose Body holds half its bytes in stray elements and half in faults: every
/// fault once carried a copy of every stray name.
pub fn stray_body_elements_and_faults(bytes: usize) -> String {
    let fault = format!("{FAULT_HEAD}</s:Fault>");
    let half = bytes / 2;
    let mut out = String::with_capacity(bytes + 256);
    out.push_str(ENVELOPE_OPEN);
    while out.len() < half {
        out.push_str("<extra/>");
    }
    while out.len() < bytes {
        out.push_str(&fault);
    }
    out.push_str(ENVELOPE_CLOSE);
    out
}

/// One fault whose detail nests `depth` elements (or as many as `bytes` allows).
pub fn deep_nesting_in_a_fault(bytes: usize) -> String {
    let depth = (bytes - 200) / 7;
    let mut out = String::with_capacity(bytes + 256);
    out.push_str(ENVELOPE_OPEN);
    out.push_str(FAULT_HEAD);
    out.push_str("<detail>");
    out.push_str(&"<a>".repeat(depth));
    out.push_str(&"</a>".repeat(depth));
    out.push_str("</detail></s:Fault>");
    out.push_str(ENVELOPE_CLOSE);
    out
}

/// One fault whose detail holds a `depth`-deep path with leaves filling the rest of `bytes`.
pub fn deep_path_above_many_leaves(bytes: usize, depth: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    out.push_str(ENVELOPE_OPEN);
    out.push_str(FAULT_HEAD);
    out.push_str("<detail>");
    out.push_str(&"<p>".repeat(depth));
    let close = "</p>".repeat(depth);
    while out.len() + close.len() + 64 < bytes {
        out.push_str("<leaf>v</leaf>");
    }
    out.push_str(&close);
    out.push_str("</detail></s:Fault>");
    out.push_str(ENVELOPE_CLOSE);
    out
}

/// One fault with as many detail rows as `bytes` allows.
pub fn many_detail_rows(bytes: usize) -> String {
    deep_path_above_many_leaves(bytes, 0)
}

/// Every adversarial shape at `bytes`, named. The deep path comes twice: past the depth
/// cap (refused at once) and just under it (every leaf read).
pub fn adversarial(bytes: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "stray Body elements and faults",
            stray_body_elements_and_faults(bytes),
        ),
        ("deep nesting in a fault", deep_nesting_in_a_fault(bytes)),
        (
            "2,000-deep path above many leaves",
            deep_path_above_many_leaves(bytes, 2000),
        ),
        (
            "190-deep path above many leaves",
            deep_path_above_many_leaves(bytes, 190),
        ),
        ("many detail rows", many_detail_rows(bytes)),
        ("curl --trace-ascii", curl_trace_ascii(bytes)),
        ("wget -S", wget_s(bytes)),
        ("JSON lines (pino)", json_lines_log(bytes)),
        (
            "JSON lines, a fault on every line",
            json_lines_all_faults(bytes),
        ),
        ("every line prefixed (ts)", every_line_prefixed(bytes)),
        (
            "byte-order mark, CRLF, pretty-printed",
            bom_crlf_pretty_response(bytes),
        ),
        ("one huge faultstring", one_huge_value(bytes)),
    ]
}

/// One fault whose faultstring fills the input on one line, with no spaces (issue 24): the
/// value a card and a report must not draw whole.
pub fn one_huge_value(bytes: usize) -> String {
    let head = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Server.ServiceUnknownError</faultcode><faultstring>";
    let tail = "</faultstring></s:Fault></s:Body></s:Envelope>";
    let mut out = String::with_capacity(bytes);
    out.push_str(head);
    out.push_str(&"x".repeat(bytes.saturating_sub(head.len() + tail.len())));
    out.push_str(tail);
    out
}

/// Times an ordinary 4 MB log and every adversarial 4 MB shape, and returns the figures as one
/// JSON object: each shape's median time, the slowest shape, and its ratio to the ordinary log
/// (the budget is 3). `run_ms` decodes its input once and returns how long that took.
///
/// The machines this runs on share their CPUs, so a burst of load can slow one measurement
/// and not the next. Each shape is therefore timed in pairs with the ordinary log, one right
/// after the other, and its ratio is the median of the pairs' ratios.
pub fn adversarial_figures(run_ms: impl Fn(&str) -> f64) -> String {
    const SIZE: usize = 4 * 1024 * 1024;
    const PAIRS: usize = 9;
    let median = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    let ordinary = ordinary_log(SIZE);
    run_ms(&ordinary); // warm up
    let mut ordinary_times = Vec::new();
    let mut slowest = ("", 0.0f64);
    let mut cases = Vec::new();
    for (name, text) in adversarial(SIZE) {
        let (mut times, mut ratios) = (Vec::new(), Vec::new());
        for _ in 0..PAIRS {
            let base = run_ms(&ordinary);
            let shape = run_ms(&text);
            ordinary_times.push(base);
            times.push(shape);
            ratios.push(shape / base);
        }
        let (ms, ratio) = (median(times), median(ratios));
        if ratio > slowest.1 {
            slowest = (name, ratio);
        }
        cases.push(format!(
            "{{\"shape\":\"{name}\",\"ms\":{ms:.2},\"ratio\":{ratio:.2}}}"
        ));
    }
    format!(
        "{{\"bytes\":{SIZE},\"ordinary_ms\":{:.2},\"shapes\":[{}],\"slowest\":\"{}\",\"slowest_ratio\":{:.2}}}",
        median(ordinary_times),
        cases.join(","),
        slowest.0,
        slowest.1
    )
}
