//! Diagnosis engine speed, natively: the time to compute the next screen after an answer and
//! after a step that did not help (re-planning), on journeys from the guides' stories.
//!
//! `cargo run --release --example bench_engine [-- --json]`

use std::hint::black_box;
use std::time::{Duration, Instant};

use fix1002_core::diagnose::{next, Event, Journey, Outcome, Screen};
use fix1002_core::kb::{KB, NOT_SURE};

/// A journey that answers as given ("Not sure" otherwise) until the causes, then, if asked,
/// begins the plan and lets `failed` steps fail.
fn journey(answers: &[(&str, &str)], plan: bool, failed: usize) -> Journey {
    let mut journey = Journey::new();
    loop {
        match next(&KB, &journey) {
            Screen::Ask { question, .. } => {
                let q = &KB.questions[question];
                let wanted = answers
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map_or(NOT_SURE, |(_, a)| *a);
                let answer = q
                    .answers
                    .iter()
                    .position(|a| a.id == wanted)
                    .expect("a valid answer");
                journey = journey.with(Event::Answered { question, answer });
            }
            Screen::Causes { .. } if plan => journey = journey.with(Event::BeganPlan),
            Screen::Fix { step, .. }
                if journey
                    .events()
                    .iter()
                    .filter(|e| matches!(e, Event::Tried { .. }))
                    .count()
                    < failed =>
            {
                journey = journey.with(Event::Tried {
                    step,
                    outcome: Outcome::NotFixed,
                });
            }
            _ => return journey,
        }
    }
}

fn median_micros(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..201)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1e6
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let playback = [
        ("when", "playback"),
        ("internet", "yes"),
        ("services", "one"),
    ];
    let update = [
        ("when", "update"),
        ("update-stage", "stalls"),
        ("rooms", "some"),
    ];
    let cases = [
        ("first question", Journey::new()),
        (
            "after the first answer",
            Journey::new().with(journey(&[("when", "not-sure")], false, 0).events()[0]),
        ),
        (
            "likely causes (playback story)",
            journey(&playback, false, 0),
        ),
        ("re-plan after a failed step", journey(&playback, true, 1)),
        (
            "re-plan after three failed steps (update story)",
            journey(&update, true, 3),
        ),
    ];
    let mut figures = Vec::new();
    for (name, journey) in cases {
        let micros = median_micros(|| {
            black_box(next(&KB, black_box(&journey)));
        });
        figures.push((name, micros));
    }
    if json {
        let items: Vec<String> = figures
            .iter()
            .map(|(name, us)| format!("{{\"case\":\"{name}\",\"micros\":{us:.1}}}"))
            .collect();
        println!("[{}]", items.join(","));
    } else {
        for (name, us) in figures {
            println!("engine, {name}: {us:.1} µs");
        }
    }
}
