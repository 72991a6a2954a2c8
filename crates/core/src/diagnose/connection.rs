//! Reading the phone's connection check: timed requests in, a verdict the flow can use out.
//!
//! The measuring itself happens in `web::connection`; this is the part worth testing: what
//! counts as offline, as unstable, or as fine, and which answer that gives.

use super::largest_first::largest_first;

/// What the check concludes about this phone's connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The browser says it is offline, or no request got through.
    Offline,
    /// Requests got through, but slowly, unevenly, or not all of them.
    Unstable,
    /// Every request came back quickly and evenly.
    Good,
}

/// The check's figures and verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionReport {
    pub verdict: Verdict,
    pub attempts: usize,
    pub failed: usize,
    /// Median round trip of the requests that got through, in milliseconds.
    pub median_ms: Option<f64>,
    /// Slowest minus fastest round trip, in milliseconds.
    pub spread_ms: Option<f64>,
}

/// A round trip slower than this is unusual on home broadband or 4G and points at trouble.
pub const SLOW_MEDIAN_MS: f64 = 1000.0;
/// Round trips that differ by more than this are the jitter the update guide warns about.
pub const UNSTABLE_SPREAD_MS: f64 = 300.0;

/// Judges a set of timed requests. `round_trips` holds one entry per attempt: the time in
/// milliseconds, or `None` where the request failed or timed out.
pub fn assess(browser_says_online: bool, round_trips: &[Option<f64>]) -> ConnectionReport {
    let measured: Vec<f64> = round_trips.iter().flatten().copied().collect();
    let times: Vec<f64> = largest_first(&measured)
        .into_iter()
        .rev()
        .map(|i| measured[i])
        .collect();
    let failed = round_trips.len() - times.len();
    let median_ms = match times.len() {
        0 => None,
        n if n % 2 == 1 => Some(times[n / 2]),
        n => Some((times[n / 2 - 1] + times[n / 2]) / 2.0),
    };
    let spread_ms = match (times.first(), times.last()) {
        (Some(fastest), Some(slowest)) => Some(slowest - fastest),
        _ => None,
    };
    let verdict = if !browser_says_online || times.is_empty() {
        Verdict::Offline
    } else if failed > 0
        || median_ms.is_some_and(|m| m > SLOW_MEDIAN_MS)
        || spread_ms.is_some_and(|s| s > UNSTABLE_SPREAD_MS)
    {
        Verdict::Unstable
    } else {
        Verdict::Good
    };
    ConnectionReport {
        verdict,
        attempts: round_trips.len(),
        failed,
        median_ms,
        spread_ms,
    }
}

impl Verdict {
    /// The answer to the knowledge base's `internet` question that this verdict stands for.
    pub fn internet_answer(self) -> &'static str {
        match self {
            Verdict::Offline => "no",
            Verdict::Unstable => "unstable",
            Verdict::Good => "yes",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KB;

    #[test]
    fn the_browser_flag_alone_can_say_offline() {
        assert_eq!(assess(false, &[]).verdict, Verdict::Offline);
        assert_eq!(assess(false, &[Some(20.0)]).verdict, Verdict::Offline);
    }

    #[test]
    fn no_request_through_is_offline_even_if_the_flag_says_online() {
        let report = assess(true, &[None, None, None]);
        assert_eq!(report.verdict, Verdict::Offline);
        assert_eq!(report.failed, 3);
        assert_eq!(report.median_ms, None);
    }

    #[test]
    fn quick_even_round_trips_are_good_with_their_median_and_spread() {
        let report = assess(true, &[Some(40.0), Some(30.0), Some(50.0), Some(35.0)]);
        assert_eq!(report.verdict, Verdict::Good);
        assert_eq!(report.median_ms, Some(37.5));
        assert_eq!(report.spread_ms, Some(20.0));
    }

    #[test]
    fn jitter_a_slow_median_or_a_lost_request_is_unstable() {
        assert_eq!(
            assess(true, &[Some(30.0), Some(600.0), Some(40.0)]).verdict,
            Verdict::Unstable
        );
        assert_eq!(
            assess(true, &[Some(1500.0), Some(1400.0), Some(1450.0)]).verdict,
            Verdict::Unstable
        );
        assert_eq!(
            assess(true, &[Some(30.0), None, Some(40.0)]).verdict,
            Verdict::Unstable
        );
    }

    #[test]
    fn every_verdict_names_a_real_answer_of_the_internet_question() {
        let question = KB.question("internet").expect("the internet question");
        assert!(question.phone_check);
        for verdict in [Verdict::Offline, Verdict::Unstable, Verdict::Good] {
            assert!(
                question.answer(verdict.internet_answer()).is_some(),
                "{verdict:?}"
            );
        }
    }
}
