//! How the flow ends: fixed, or handed over to whoever can help, with a summary.
//!
//! Like the rest of the plan, these screens are drawn by the second wasm module (`plan`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diagnose::{support_summary, AppliedStep, HelpFrom, Journey, TypedNames};
use crate::kb::{self, Helper, QuestionId, StepId, KB};
use crate::route::Route;
use crate::ui::shared::{
    AnswerButtons, FlowControls, LinkedText, PageHeading, StartOver, StepInstructions,
};
use crate::web::storage::{self, TypedName};
use crate::web::{clipboard, clock};

/// Sonos' own page on diagnostic reports, on its public community (written by Sonos staff):
/// support may ask for one, and the app gives a reference number for it. The two guides do not
/// mention diagnostics from the app, so the reminder cites this page.
const DIAGNOSTIC_REPORTS: &str =
    "https://en.community.sonos.com/troubleshooting-228999/diagnostic-reports-how-do-they-work-6819123";

/// How long the owner's notes may be: enough for a few paragraphs, short enough to paste into
/// any support form.
const NOTES_MAX: &str = "1500";

#[component]
pub(super) fn ResolvedScreen(journey: Journey, step: StepId) -> impl IntoView {
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
        <StartOver journey class="button" />
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
    // Who can help is Fix 1002's suggestion; the guides only ever send an owner to Sonos
    // support. Said in plain sentences, and only as much as the parties listed need.
    let only_sonos = helpers.iter().all(|p| p.helper == Helper::Sonos);
    let who_note = if only_sonos {
        "The guide to error 1002 during playback sends you to Sonos support once nothing else \
         has helped."
    } else {
        "This list is Fix 1002’s suggestion, based on the causes that are still likely. The \
         guides name only Sonos support. Sonos cannot repair your home internet or a music \
         service’s own trouble, so for those, your provider or the service is the one to ask."
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
    let notes = RwSignal::new(storage::typed_name(TypedName::Notes));
    // The moment the summary was prepared, in the owner's language and time zone: the engine
    // has no clock, so the web layer describes it and the summary carries it as text.
    let prepared = clock::describe(clock::now_ms());
    let summary = {
        let journey = journey.clone();
        Memo::new(move |_| {
            let named = TypedNames {
                model: model_name.get(),
                service: service_name.get(),
                notes: notes.get(),
            };
            support_summary(
                &KB,
                &journey,
                &named,
                wants_service_name,
                prepared.as_deref(),
            )
        })
    };
    let names = view! {
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
            <NotesField value=notes />
            <p class="note" data-testid="diagnostic-reminder">
                "Sonos support may ask you to send a diagnostic report from the Sonos app. The "
                "app then shows a reference number for it: add it to your notes. See Sonos’ "
                "community page "
                <a href=DIAGNOSTIC_REPORTS target="_blank" rel="noopener noreferrer">
                    "Diagnostic Reports – How do they work?"
                </a>
                "."
            </p>
    };
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
        <p class="note" data-testid="who-can-help-note">{who_note}</p>
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
    // One cause a line: the titles are sentences of their own, which a run-on list garbles.
    let causes = (!party.causes.is_empty()).then(|| {
        let items = party
            .causes
            .iter()
            .map(|&c| view! { <li>{KB.causes[c].title}</li> })
            .collect_view();
        view! {
            <p class="still-likely">"Still likely:"</p>
            <ul class="still-likely">{items}</ul>
        }
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

/// "Anything else support should know": the owner's own words, several lines, kept on the
/// device like the typed names and put into the summary as text.
#[component]
fn NotesField(value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for="summary-notes">
                "Anything else support should know"
            </label>
            <p class="help" id="summary-notes-hint">
                "For example when it started, which rooms, or a diagnostic number. It is kept on "
                "this device, and leaves it only in the summary you copy or share."
            </p>
            <textarea
                id="summary-notes"
                rows="4"
                maxlength=NOTES_MAX
                autocomplete="off"
                aria-describedby="summary-notes-hint"
                prop:value=move || value.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    storage::save_typed_name(TypedName::Notes, &typed);
                    value.set(typed);
                }
            ></textarea>
        </div>
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
