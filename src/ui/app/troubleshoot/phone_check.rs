//! "Check this phone's connection": a measured answer to the internet question.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diagnose::connection::{ConnectionReport, Verdict};
use crate::diagnose::{Event, Journey};
use crate::kb::{QuestionId, KB};
use crate::ui::shared::use_flow;
use crate::web::connection::check_connection;

#[derive(Clone, PartialEq)]
enum CheckState {
    Idle,
    Running,
    Done(ConnectionReport),
}

#[component]
pub fn PhoneCheck(journey: Journey, question: QuestionId) -> impl IntoView {
    let flow = use_flow();
    let state = RwSignal::new(CheckState::Idle);
    let run = move |_| {
        state.set(CheckState::Running);
        spawn_local(async move {
            let report = check_connection().await;
            state.set(CheckState::Done(report));
        });
    };

    view! {
        <div class="phone-check">
            <button
                type="button"
                class="button"
                on:click=run
                disabled=move || state.get() == CheckState::Running
            >
                "Check this phone’s connection"
            </button>
            <div role="status" aria-live="polite" class="phone-check-result">
                {move || match state.get() {
                    CheckState::Idle => ().into_any(),
                    CheckState::Running => view! { <p>"Checking… this takes a few seconds."</p> }.into_any(),
                    CheckState::Done(report) => {
                        let verdict = report.verdict;
                        let answer = KB.questions[question]
                            .answers
                            .iter()
                            .position(|a| a.id == verdict.internet_answer());
                        let use_it = answer.map(|answer| {
                            let after = journey.with(Event::Answered { question, answer });
                            let label = KB.questions[question].answers[answer].label;
                            view! {
                                <button type="button" class="button primary" on:click=move |_| flow.go(&after)>
                                    "Use this result: “" {label} "”"
                                </button>
                            }
                        });
                        view! {
                            <p data-testid="phone-check-verdict" data-verdict=verdict_id(verdict)>
                                {describe(&report)}
                            </p>
                            <p class="note">
                                "This measures this phone’s own connection, which usually shares "
                                "the speakers’ Wi-Fi; what it says about the speakers is an inference."
                            </p>
                            {use_it}
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}

fn verdict_id(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Offline => "offline",
        Verdict::Unstable => "unstable",
        Verdict::Good => "good",
    }
}

fn describe(report: &ConnectionReport) -> String {
    let figures = match (report.median_ms, report.spread_ms) {
        (Some(median), Some(spread)) => format!(
            " Median round trip {} ms, spread {} ms, {} of {} requests answered.",
            median.round() as u64,
            spread.round() as u64,
            report.attempts - report.failed,
            report.attempts
        ),
        _ => String::new(),
    };
    match report.verdict {
        Verdict::Offline if report.attempts == 0 => {
            "This phone is offline: the browser reports no network connection.".to_owned()
        }
        Verdict::Offline => format!(
            "This phone is offline: none of {} requests got through.",
            report.attempts
        ),
        Verdict::Unstable => {
            format!("This phone is online, but the connection is uneven.{figures}")
        }
        Verdict::Good => format!("This phone’s connection looks fine.{figures}"),
    }
}
