//! How the flow ends: fixed, or handed over to Sonos support with a summary.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::question::AnswerButtons;
use super::{go, FlowControls};
use crate::diagnose::{support_summary, Journey};
use crate::kb::{QuestionId, StepId, KB};
use crate::route::Route;
use crate::ui::components::PageHeading;
use crate::ui::steps::StepInstructions;
use crate::web::clipboard;

#[component]
pub fn ResolvedScreen(step: StepId) -> impl IntoView {
    let s = &KB.steps[step];
    let wifi = Route::Step("improve-wifi-signal".to_owned()).href();
    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <PageHeading>"Error 1002 is fixed"</PageHeading>
        <p class="lead">"What fixed it: " <strong>{s.title}</strong> "."</p>
        <p>
            "If the error keeps coming back every few days, the speaker is probably losing its "
            "Wi-Fi now and then: see " <a href=wifi>"Give the speaker a stronger Wi-Fi signal"</a>
            "."
        </p>
        <button type="button" class="button" on:click=|_| go(&Journey::new())>
            "Start over"
        </button>
    }
}

/// The hand-over to Sonos support. `asks` is the question for the summary not answered yet
/// (the speaker model); `early` says the owner chose to stop before the plan ran out.
#[component]
pub fn EscalateScreen(
    journey: Journey,
    step: StepId,
    asks: Option<QuestionId>,
    early: bool,
) -> impl IntoView {
    let s = &KB.steps[step];
    let lead = if early {
        "Sonos support can take it from here. The summary below tells them what you tried and \
         what you have not tried yet."
    } else {
        "You have tried the steps most likely to help. What is left needs someone who can see \
         inside your system."
    };
    let ask = asks.map(|question| {
        let q = &KB.questions[question];
        view! {
            <h2 id="summary-question">{q.text}</h2>
            {q.help.map(|help| view! { <p class="help">{help}</p> })}
            <div class="answers compact" role="group" aria-labelledby="summary-question">
                <AnswerButtons journey=journey.clone() question />
            </div>
        }
    });
    let summary = support_summary(&KB, &journey);
    let status = RwSignal::new(String::new());
    let copy = {
        let summary = summary.clone();
        move |_| {
            let summary = summary.clone();
            spawn_local(async move {
                status.set(match clipboard::copy_text(&summary).await {
                    Ok(()) => "Summary copied. Paste it into your message to Sonos support.".to_owned(),
                    Err(()) => "This browser did not allow copying; select the text above and copy it by hand.".to_owned(),
                });
            });
        }
    };
    let share = clipboard::can_share().then(|| {
        let summary = summary.clone();
        view! {
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    let summary = summary.clone();
                    spawn_local(async move {
                        let _ = clipboard::share_text("Sonos error 1002 summary", &summary).await;
                    });
                }
            >
                "Share summary"
            </button>
        }
    });

    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <PageHeading>"Time to contact Sonos support"</PageHeading>
        <p class="lead">{lead}</p>
        <article class="fix-step">
            <h2>{s.title}</h2>
            <StepInstructions step=s />
        </article>
        {ask}
        <h2 id="summary-heading">"Your summary for Sonos support"</h2>
        <textarea
            class="summary"
            readonly
            rows="12"
            aria-labelledby="summary-heading"
            data-testid="support-summary"
        >
            {summary}
        </textarea>
        <div class="button-row">
            <button type="button" class="button primary" on:click=copy>
                "Copy summary"
            </button>
            {share}
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        <FlowControls journey />
    }
}
