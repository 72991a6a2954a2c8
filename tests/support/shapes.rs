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
        log.push_str(&format!(
            "<Entry time=\"2026-11-20T18:{:02}:{:02}Z\" level=\"info\"><Request>{ENVELOPE_OPEN_HEADER}<credentials xmlns=\"http://www.sonos.com/Services/1.1\"><deviceId>00-0E-58-12-34-56:7</deviceId><deviceProvider>Sonos</deviceProvider><loginToken><token>token-{i}</token><key>key-{i}</key><householdId>Sonos_abcdef</householdId></loginToken></credentials></s:Header><s:Body><getMetadata xmlns=\"http://www.sonos.com/Services/1.1\"><id>playlists:{i}</id><index>0</index><count>100</count></getMetadata>{ENVELOPE_CLOSE}</Request>\n<Response>",
            (i / 60) % 60,
            i % 60
        ));
        if i % 10 == 9 {
            log.push_str(&format!(
                "{ENVELOPE_OPEN}<s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>No such playlist {i}</faultstring><detail><ExceptionInfo>lookup playlists:{i}</ExceptionInfo></detail></s:Fault>{ENVELOPE_CLOSE}"
            ));
        } else {
            log.push_str(&format!("{ENVELOPE_OPEN}<getMetadataResponse xmlns=\"http://www.sonos.com/Services/1.1\"><getMetadataResult><index>0</index><count>3</count><total>3</total>"));
            for item in ["Road trip", "Focus", "Evening jazz"] {
                log.push_str(&format!("<mediaCollection><id>playlist:{i}:{item}</id><itemType>playlist</itemType><title>{item}</title><canPlay>true</canPlay><albumArtURI>https://art.example.com/{i}.jpg</albumArtURI></mediaCollection>"));
            }
            log.push_str(&format!(
                "</getMetadataResult></getMetadataResponse>{ENVELOPE_CLOSE}"
            ));
        }
        log.push_str("</Response></Entry>\n");
        i += 1;
    }
    log
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
    ]
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
