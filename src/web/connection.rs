//! The phone's connection check: a few timed requests that no cache can answer.

use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout;
use web_sys::{AbortController, RequestCache};

use crate::diagnose::connection::{assess, ConnectionReport};

/// How many requests the check makes, one after another.
const ATTEMPTS: usize = 5;
/// A request still unanswered after this long counts as failed, so the check never hangs.
const TIMEOUT: Duration = Duration::from_secs(4);

/// Times `ATTEMPTS` requests for the app's own page and judges the connection.
///
/// Each request carries a unique query and `cache: no-store`, so neither the HTTP cache nor a
/// service worker can answer it: only the network can. Nothing about the owner is sent.
pub async fn check_connection() -> ConnectionReport {
    let online = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(false);
    if !online {
        return assess(false, &[]);
    }
    let mut round_trips = Vec::with_capacity(ATTEMPTS);
    for attempt in 0..ATTEMPTS {
        round_trips.push(time_one_request(attempt).await);
    }
    assess(true, &round_trips)
}

async fn time_one_request(attempt: usize) -> Option<f64> {
    let controller = AbortController::new().ok()?;
    let abort = controller.clone();
    set_timeout(move || abort.abort(), TIMEOUT);
    let url = format!("./?connection-check={}-{attempt}", now_ms() as u64);
    let started = now_ms();
    let response = Request::get(&url)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&controller.signal()))
        .send()
        .await
        .ok()?;
    // Any HTTP answer proves the network path works; the status does not matter.
    let _ = response.status();
    Some(now_ms() - started)
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}
