//! The decoder's speed inside Chromium's WebAssembly engine, beside plain quick-xml event
//! iteration over the same bytes. A measurement, not a test: it is ignored by `make test` and
//! run in release mode by `make bench` (`--include-ignored`), which reads the line it prints.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

#[path = "support/shapes.rs"]
mod shapes;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn time_ms(f: &mut impl FnMut()) -> f64 {
    let start = now();
    f();
    now() - start
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The medians of `a` and `b`, timed in turns after a few untimed runs of each. Timing all of
/// one and then all of the other let the engine's tiering and the machine's load favour
/// whichever ran second: the two figures then moved by a factor of two between runs.
fn paired_medians_ms(mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64) {
    for _ in 0..3 {
        a();
        b();
    }
    let (mut times_a, mut times_b) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        times_a.push(time_ms(&mut a));
        times_b.push(time_ms(&mut b));
    }
    (median(times_a), median(times_b))
}

#[wasm_bindgen_test]
#[ignore]
fn adversarial_shapes_in_chromium() {
    let figures = shapes::adversarial_figures(|text| {
        let start = now();
        // A refused shape (past the depth cap) counts too: refusing must be quick.
        let _ = std::hint::black_box(fix1002_core::fault::decode(text));
        now() - start
    });
    console_log!("WASM_ADVERSARIAL {figures}");
}

#[wasm_bindgen_test]
#[ignore]
fn decoder_speed_in_chromium() {
    let log = shapes::controller_log(1000, 5_000_000);
    let (decoder, plain) = paired_medians_ms(
        || {
            let decoded = fix1002_core::fault::decode(&log).unwrap();
            assert_eq!(decoded.faults.len(), 1000);
        },
        || {
            let mut reader = quick_xml::Reader::from_str(&log);
            while !matches!(
                reader.read_event(),
                Ok(quick_xml::events::Event::Eof) | Err(_)
            ) {}
        },
    );
    let mb = log.len() as f64 / 1e6;
    // One JSON line for scripts/bench.mjs.
    console_log!(
        "WASM_BENCH {{\"log_bytes\":{},\"decoder_ms\":{decoder:.2},\"decoder_mb_per_s\":{:.0},\"quick_xml_ms\":{plain:.2},\"quick_xml_mb_per_s\":{:.0},\"time_ratio\":{:.2},\"throughput_ratio\":{:.2}}}",
        log.len(),
        mb / (decoder / 1000.0),
        mb / (plain / 1000.0),
        decoder / plain,
        plain / decoder
    );
}
