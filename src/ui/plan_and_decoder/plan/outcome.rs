//! How the flow ends: fixed, or handed over to whoever can help, with a summary.
//!
//! Like the rest of the plan, these screens are drawn by the second wasm module (`plan`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diagnose::{support_summary, AppliedStep, HelpFrom, Journey, TypedNames};
use crate::kb::{self, Helper, QuestionId, StepId, KB};
use crate::route::Route;
use crate::ui::shared::{
    use_flow, AnswerButtons, FlowControls, LinkedText, PageHeading, StepInstructions,
};
use crate::web::clipboard;
use crate::web::storage::{self, TypedName};

#[component]
pub(super) fn ResolvedScreen(step: StepId) -> impl IntoView {
    let flow = use_flow();
    let s = &KB.steps[step];
    let wifi = Route::step(kb::step::IMPROVE_WIFI_SIGNAL).href();
    view! {
        <p class="eyebrow">"Troubleshoot error 1002"</p>
        <PageHeading>"Error 1002 is fixed"</PageHeading>
        <p class="lead">"What fixed it: " <strong>{s.title}</strong> "."</p>
        <p>
            "If the error keeps coming back every few days, the speaker is probably losing its "
            "Wi-Fi now and then: see " <a href=wifi>"Give the speaker a stronger Wi-Fi signal"</a>
            "."
        </p>
        <button type="button" class="button" on:click=move |_| flow.go(&Journey::new())>
            "Start over"
        </button>
    }
    .into_any()
}

/// The hand-over: who can help with the causes still likely (`helpers`), with Sonos support's
/// step and a summary. `asks` is the question for the summary not answered yet (the speaker
/// model); `early` says the owner chose to stop before the plan ran out; the `wants_…` say
/// which names the owner may type for the summary.
#[component]
pub(super) fn EscalateScreen(
    journey: Journey,
    step: AppliedStep,
    helpers: Vec<HelpFrom>,
    asks: Option<QuestionId>,
    early: bool,
    wants_model_name: bool,
    wants_service_name: bool,
) -> impl IntoView {
    let heading = if helpers[0].helper == Helper::Sonos {
        "Time to contact Sonos support"
    } else {
        "Who can help from here"
    };
    let parties = helpers
        .into_iter()
        .map(|party| view! { <Party party /> })
        .collect_view();
    let lead = if early {
        "Here is who can help with what is still likely. The summary below tells them what you \
         tried and what you have not tried yet."
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
    // The names the owner types go into the summary as typed; they stay on this device.
    let model_name = RwSignal::new(storage::typed_name(TypedName::Model));
    let service_name = RwSignal::new(storage::typed_name(TypedName::Service));
    let summary = {
        let journey = journey.clone();
        Memo::new(move |_| {
            let named = TypedNames {
                model: model_name.get(),
                service: service_name.get(),
            };
            support_summary(&KB, &journey, &named, wants_service_name)
        })
    };
    let names = (wants_model_name || wants_service_name).then(|| {
        view! {
            <h2>"For your summary"</h2>
            {wants_model_name.then(|| view! {
                <NameField
                    id="model-name"
                    label="Speaker model, if it is not in the list"
                    hint="For example Roam, Sub or Ray"
                    name=TypedName::Model
                    value=model_name
                />
            })}
            {wants_service_name.then(|| view! {
                <NameField
                    id="service-name"
                    label="Which music service fails?"
                    hint="For example Spotify or Apple Music"
                    name=TypedName::Service
                    value=service_name
                />
            })}
        }
    });
    let status = RwSignal::new(String::new());
    let copy = {
        move |_| {
            let summary = summary.get_untracked();
            spawn_local(async move {
                status.set(match clipboard::copy_text(&summary).await {
                    Ok(()) => "Summary copied. Paste it into your message to Sonos support.".to_owned(),
                    Err(()) => "This browser did not allow copying; select the text above and copy it by hand.".to_owned(),
                });
            });
        }
    };
    let share = clipboard::can_share().then(|| {
        view! {
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    let summary = summary.get_untracked();
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
        <PageHeading>{heading}</PageHeading>
        <p class="lead">{lead}</p>
        <h2 id="who-can-help">"Who can help"</h2>
        <p class="note">
            "Fix 1002’s suggestion from the causes still likely. The guides name only Sonos "
            "support, which cannot mend a home internet outage or a music service’s own trouble."
        </p>
        <ol class="helpers" aria-labelledby="who-can-help" data-testid="who-can-help">
            {parties}
        </ol>
        <article class="fix-step">
            <h2>{step.title}</h2>
            <StepInstructions step />
        </article>
        {ask}
        {names}
        <h2 id="summary-heading">"Your summary for Sonos support"</h2>
        <textarea
            class="summary"
            readonly
            rows="12"
            aria-labelledby="summary-heading"
            data-testid="support-summary"
            prop:value=move || summary.get()
        ></textarea>
        <div class="button-row">
            <button type="button" class="button primary" on:click=copy>
                "Copy summary"
            </button>
            {share}
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        <FlowControls journey />
    }
    .into_any()
}

/// One party that can help, what they can do, and the likely causes that are theirs.
#[component]
fn Party(party: HelpFrom) -> impl IntoView {
    // The texts are the knowledge base's ([[helper]] in kb/error1002.toml), their web address
    // already a link.
    let text = KB.helper_text(party.helper);
    let (id, name, what) = (text.id, text.name, text.what);
    let causes = (!party.causes.is_empty()).then(|| {
        let titles: Vec<&str> = party.causes.iter().map(|&c| KB.causes[c].title).collect();
        view! { <p class="still-likely">"Still likely: " {titles.join("; ")} "."</p> }
    });
    let status = (party.helper == Helper::MusicService).then(|| {
        view! {
            <p>
                <a href=Route::step(kb::step::CHECK_SERVICE_STATUS).href()>
                    "How to check a service’s status"
                </a>
            </p>
        }
    });
    view! {
        <li class="helper" data-helper=id>
            <strong>{name}</strong>
            <p><LinkedText text=what /></p>
            {causes}
            {status}
        </li>
    }
    .into_any()
}

/// A short text field whose words go into the summary as typed (as text, never as markup).
#[component]
fn NameField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    name: TypedName,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for=id>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                maxlength="60"
                placeholder=hint
                prop:value=move || value.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    storage::save_typed_name(name, &typed);
                    value.set(typed);
                }
            />
        </div>
    }
    .into_any()
}
