//! Decoder speed, natively: a typical single fault, and a 5 MB controller log holding 1,000
//! faults, each beside plain quick-xml event iteration over the same bytes.
//!
//! Run with `cargo run --release --example bench_decoder` (or `make bench`). Prints figures
//! only; no budget is enforced here.

use std::hint::black_box;
use std::time::{Duration, Instant};

use fix1002_core::fault::decode;

#[path = "../tests/support/shapes.rs"]
mod shapes;
use shapes::controller_log;

const TYPICAL: &str = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml; charset=utf-8\r\n\r\n<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client.LoginUnsupported</faultcode><faultstring>Unsupported action for account type</faultstring><detail><ns:ExceptionInfo xmlns:ns=\"http://www.sonos.com/Services/1.1\">Feature Unsupported for User Type</ns:ExceptionInfo><ns:SonosError xmlns:ns=\"http://www.sonos.com/Services/1.1\">27</ns:SonosError></detail></s:Fault></s:Body></s:Envelope>";

/// Iterates over every quick-xml event and does nothing else: the floor for any decoder.
fn plain_iteration(xml: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return events,
            Ok(event) => {
                black_box(event);
                events += 1;
            }
        }
    }
}

/// The median time of `f` over enough runs to last about `budget`.
fn median_time(budget: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(50));
    let runs = (budget.as_nanos() / once.as_nanos()).clamp(5, 100_000) as usize;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The median times of `a` and `b`, timed in turns for about `budget` after a few untimed runs
/// of each, so that neither gains from running second on a warmer (or quieter) machine.
fn paired_median_times(
    budget: Duration,
    mut a: impl FnMut(),
    mut b: impl FnMut(),
) -> (Duration, Duration) {
    let start = Instant::now();
    for _ in 0..3 {
        a();
        b();
    }
    let pair = (start.elapsed() / 3).max(Duration::from_nanos(100));
    let runs = (budget.as_nanos() / pair.as_nanos()).clamp(5, 100_000) as usize;
    let (mut times_a, mut times_b) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        let t = Instant::now();
        a();
        times_a.push(t.elapsed());
        let t = Instant::now();
        b();
        times_b.push(t.elapsed());
    }
    times_a.sort();
    times_b.sort();
    (times_a[runs / 2], times_b[runs / 2])
}

/// Tells glibc's allocator to keep freed memory, as the allocator inside wasm does (linear
/// memory never shrinks). By default glibc hands a large freed block (here the 0.5 MB list of
/// a log's 1,000 faults) back to the system after each of the bench's hundreds of decodes and
/// faults its pages in again on the next. Whether it does depends on where the heap happens to
/// lie, so from one run to the next the same build measured a throughput ratio of 0.47 or
/// 0.54, with 2.4 times the page faults in the slower runs. Both figures are printed.
fn keep_freed_memory() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_TRIM_THRESHOLD: i32 = -1;
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only changes glibc's tuning; it is called before any timing and
        // while no other thread allocates.
        unsafe {
            mallopt(M_TRIM_THRESHOLD, i32::MAX) == 1 && mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    false
}

/// The decoder's and plain quick-xml's median times over `log`, in turns.
fn decoder_and_floor(log: &str) -> (Duration, Duration) {
    paired_median_times(
        Duration::from_secs(4),
        || {
            black_box(decode(black_box(log)).unwrap());
        },
        || {
            black_box(plain_iteration(black_box(log)));
        },
    )
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

/// Each adversarial shape at 4 MB beside an ordinary 4 MB log, as JSON.
fn adversarial_figures() -> String {
    shapes::adversarial_figures(|text| {
        let start = Instant::now();
        // A refused shape (past the depth cap) is measured too: refusing must be quick.
        let _ = black_box(decode(black_box(text)));
        start.elapsed().as_secs_f64() * 1e3
    })
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let typical = median_time(Duration::from_millis(500), || {
        black_box(decode(black_box(TYPICAL)).unwrap());
    });
    let log = controller_log(1000, 5_000_000);
    let decoded = decode(&log).unwrap();
    assert_eq!(decoded.faults.len(), 1000);
    // First with glibc's default behaviour, then with freed memory kept (see keep_freed_memory).
    let (returning_decoder, returning_floor) = decoder_and_floor(&log);
    let kept = keep_freed_memory();
    let (decoder, floor) = if kept {
        decoder_and_floor(&log)
    } else {
        (returning_decoder, returning_floor)
    };
    let returning_ratio = returning_floor.as_secs_f64() / returning_decoder.as_secs_f64();

    let size = log.len();
    let (typical_us, decoder_ms, floor_ms) = (
        typical.as_secs_f64() * 1e6,
        decoder.as_secs_f64() * 1e3,
        floor.as_secs_f64() * 1e3,
    );
    let ratio = decoder_ms / floor_ms;
    let adversarial = adversarial_figures();
    if json {
        println!(
            "{{\"typical_fault_micros\":{typical_us:.2},\"log_bytes\":{size},\"log_faults\":1000,\"decoder_ms\":{decoder_ms:.2},\"decoder_mb_per_s\":{:.0},\"quick_xml_ms\":{floor_ms:.2},\"quick_xml_mb_per_s\":{:.0},\"time_ratio\":{ratio:.2},\"throughput_ratio\":{:.2},\"memory_kept\":{kept},\"throughput_ratio_memory_returned\":{returning_ratio:.2},\"adversarial\":{adversarial}}}",
            mb_per_s(size, decoder),
            mb_per_s(size, floor),
            1.0 / ratio
        );
    } else {
        println!("4 MB shapes against an ordinary 4 MB log: {adversarial}");
        println!(
            "typical fault ({} bytes): {typical_us:.1} µs per decode",
            TYPICAL.len()
        );
        println!(
            "5 MB log, 1000 faults ({:.2} MB): decoder {decoder_ms:.1} ms ({:.0} MB/s); plain quick-xml iteration {floor_ms:.1} ms ({:.0} MB/s); decoder/plain time ratio {ratio:.2}, throughput ratio {:.2}",
            size as f64 / 1e6,
            mb_per_s(size, decoder),
            mb_per_s(size, floor),
            1.0 / ratio
        );
        println!(
            "  (freed memory kept as in wasm: {kept}; with glibc returning it after each decode, throughput ratio {returning_ratio:.2})"
        );
    }
}
