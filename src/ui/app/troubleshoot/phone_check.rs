//! "Check this phone's connection": a measured answer to the internet question.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diagnose::connection::{ConnectionReport, Verdict};
use crate::diagnose::{Event, Journey};
use crate::i18n::{kb, t, tf};
use crate::i18n_args;
use crate::kb::QuestionId;
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
                {t("phone_check.button")}
            </button>
            <div role="status" aria-live="polite" class="phone-check-result">
                {move || match state.get() {
                    CheckState::Idle => ().into_any(),
                    CheckState::Running => view! { <p>{t("phone_check.running")}</p> }.into_any(),
                    CheckState::Done(report) => {
                        let verdict = report.verdict;
                        let answer = kb().questions[question]
                            .answers
                            .iter()
                            .position(|a| a.id == verdict.internet_answer());
                        let use_it = answer.map(|answer| {
                            let after = journey.with(Event::Answered { question, answer });
                            let label = kb().questions[question].answers[answer].label;
                            view! {
                                <button type="button" class="button primary" on:click=move |_| flow.go(&after)>
                                    {tf("phone_check.use_result", i18n_args!(answer = label))}
                                </button>
                            }
                        });
                        view! {
                            <p data-testid="phone-check-verdict" data-verdict=verdict_id(verdict)>
                                {describe(&report)}
                            </p>
                            <p class="note">
                                {t("phone_check.inference")}
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
        (Some(median), Some(spread)) => tf(
            "phone_check.figures",
            i18n_args!(
                median = median.round() as u64,
                spread = spread.round() as u64,
                answered = (report.attempts - report.failed) as u64,
                attempts = report.attempts as u64
            ),
        ),
        _ => String::new(),
    };
    match report.verdict {
        Verdict::Offline if report.attempts == 0 => t("phone_check.offline_no_network").to_owned(),
        Verdict::Offline => tf(
            "phone_check.offline",
            i18n_args!(attempts = report.attempts as u64),
        ),
        Verdict::Unstable => tf("phone_check.unstable", i18n_args!(figures = figures)),
        Verdict::Good => tf("phone_check.good", i18n_args!(figures = figures)),
    }
}
