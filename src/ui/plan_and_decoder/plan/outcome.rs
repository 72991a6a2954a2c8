//! How the flow ends: fixed, or handed over to whoever can help, with a summary.
//!
//! Like the rest of the plan, these screens are drawn by the second wasm module (`plan`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diagnose::{
    stated_model, support_summary_in, AppliedStep, Event, HelpFrom, Journey, TypedNames,
};
use crate::i18n::{kb, t};
use crate::kb::{self, Helper, QuestionId, StepId};
use crate::route::Route;
use crate::ui::shared::{
    summary_words, AnswerButtons, FlowControls, LinkedText, PageHeading, StartOver,
    StepInstructions,
};
use crate::web::embed::{self, HandOver};
use crate::web::storage::{self, TypedName};
use crate::web::{clipboard, clock};
use crate::widget_events::outcome_name;

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
    let s = &kb().steps[step];
    let wifi = Route::step(kb::step::IMPROVE_WIFI_SIGNAL).href();
    let wifi_title = kb().steps[kb::step::IMPROVE_WIFI_SIGNAL].title;
    view! {
        <p class="eyebrow">{t("common.eyebrow_troubleshoot")}</p>
        <PageHeading>{t("outcome.fixed_heading")}</PageHeading>
        <p class="lead">
            {t("outcome.what_fixed")} <strong>{s.title}</strong> {t("common.sentence_end")}
        </p>
        <p>
            {t("outcome.keeps_coming_back")} <a href=wifi>{wifi_title}</a>
            {t("common.sentence_end")}
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
        t("outcome.contact_heading")
    } else {
        t("outcome.who_heading")
    };
    // Who can help is Fix 1002's suggestion; the guides only ever send an owner to Sonos
    // support. Said in plain sentences, and only as much as the parties listed need.
    let only_sonos = helpers.iter().all(|p| p.helper == Helper::Sonos);
    let who_note = if only_sonos {
        t("outcome.only_sonos")
    } else {
        t("outcome.suggestion")
    };
    // The likely causes still open, for the host's hand-over: ids, likeliest party first.
    let open_causes: Vec<&'static str> = helpers
        .iter()
        .flat_map(|party| party.causes.iter().map(|&c| kb::KB.causes[c].id))
        .collect();
    let parties = helpers
        .into_iter()
        .map(|party| view! { <Party party /> })
        .collect_view();
    let lead = if early {
        t("outcome.lead_early")
    } else {
        t("outcome.lead_late")
    };
    let ask = asks.map(|question| {
        let q = &kb().questions[question];
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
    let prepared = clock::describe(clock::now_ms(), crate::i18n::language().tag());
    let summary = {
        let journey = journey.clone();
        Memo::new(move |_| {
            let named = TypedNames {
                model: model_name.get(),
                service: service_name.get(),
                notes: notes.get(),
            };
            support_summary_in(
                kb(),
                &journey,
                &named,
                wants_service_name,
                prepared.as_deref(),
                &summary_words(),
            )
        })
    };
    let names = view! {
            <h2>{t("outcome.for_summary")}</h2>
            {wants_model_name.then(|| view! {
                <NameField
                    id="model-name"
                    label=t("outcome.model_label")
                    hint=t("outcome.model_hint")
                    name=TypedName::Model
                    value=model_name
                />
            })}
            {wants_service_name.then(|| view! {
                <NameField
                    id="service-name"
                    label=t("outcome.service_label")
                    hint=t("outcome.service_hint")
                    name=TypedName::Service
                    value=service_name
                />
            })}
            <NotesField value=notes />
            <p class="note" data-testid="diagnostic-reminder">
                {t("outcome.diagnostic_before")}
                <a href=DIAGNOSTIC_REPORTS target="_blank" rel="noopener noreferrer">
                    {t("outcome.diagnostic_link")}
                </a>
                {t("common.sentence_end")}
            </p>
    };
    let host_label = embed::host_handover_label();
    let status = RwSignal::new(String::new());
    let copy = {
        move |_| {
            let summary = summary.get_untracked();
            spawn_local(async move {
                status.set(match clipboard::copy_text(&summary).await {
                    Ok(()) => t("outcome.copied").to_owned(),
                    Err(()) => t("outcome.copy_refused").to_owned(),
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
                        let _ = clipboard::share_text(t("outcome.share_title"), &summary).await;
                    });
                }
            >
                {t("outcome.share")}
            </button>
        }
    });

    view! {
        <p class="eyebrow">{t("common.eyebrow_troubleshoot")}</p>
        <PageHeading>{heading}</PageHeading>
        <p class="lead">{lead}</p>
        <h2 id="who-can-help">{t("outcome.who_can_help")}</h2>
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
        <h2 id="summary-heading">{t("outcome.summary_heading")}</h2>
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
                {t("outcome.copy")}
            </button>
            {share}
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        {host_label.map(|label| view! {
            <HostHandOver label journey=journey.clone() summary model_name service_name causes=open_causes />
        })}
        <FlowControls journey />
    }
    .into_any()
}

/// Inside a help site's widget that takes the hand-over into its own support
/// (`data-handover="host"`): a button in the site's words that passes the summary above, as
/// shown, to the site's own form or chat. Only the click passes it; the click is the consent.
#[component]
fn HostHandOver(
    label: String,
    journey: Journey,
    summary: Memo<String>,
    model_name: RwSignal<String>,
    service_name: RwSignal<String>,
    causes: Vec<&'static str>,
) -> impl IntoView {
    let label = if label.is_empty() {
        t("outcome.handover_default").to_owned()
    } else {
        label
    };
    let sent = RwSignal::new(false);
    let send = move |_| {
        let steps = journey
            .events()
            .iter()
            .filter_map(|event| match *event {
                Event::Tried { step, outcome } => {
                    Some((kb::KB.steps[step].id, outcome_name(outcome)))
                }
                _ => None,
            })
            .collect();
        let service = service_name.get_untracked();
        embed::hand_over_to_host(&HandOver {
            summary: &summary.get_untracked(),
            steps,
            causes: causes.clone(),
            model: stated_model(kb(), &journey, &model_name.get_untracked()),
            service: Some(service.trim().to_owned()).filter(|s| !s.is_empty()),
            language: crate::i18n::language().tag(),
        });
        sent.set(true);
    };
    view! {
        <section class="host-handover" aria-labelledby="host-handover-heading">
            <h2 id="host-handover-heading">{label.clone()}</h2>
            <p>{t("outcome.handover_what")}</p>
            <button type="button" class="button primary" data-testid="host-handover" on:click=send>
                {label}
            </button>
            <p role="status" aria-live="polite">
                {move || sent.get().then(|| t("outcome.handover_sent"))}
            </p>
        </section>
    }
}

/// One party that can help, what they can do, and the likely causes that are theirs.
#[component]
fn Party(party: HelpFrom) -> impl IntoView {
    // The texts are the knowledge base's ([[helper]] in kb/error1002.toml), their web address
    // already a link.
    let text = kb().helper_text(party.helper);
    let (id, name, what) = (text.id, text.name, text.what);
    // One cause a line: the titles are sentences of their own, which a run-on list garbles.
    let causes = (!party.causes.is_empty()).then(|| {
        let items = party
            .causes
            .iter()
            .map(|&c| view! { <li>{kb().causes[c].title}</li> })
            .collect_view();
        view! {
            <p class="still-likely">{t("outcome.still_likely")}</p>
            <ul class="still-likely">{items}</ul>
        }
    });
    let status = (party.helper == Helper::MusicService).then(|| {
        view! {
            <p>
                <a href=Route::step(kb::step::CHECK_SERVICE_STATUS).href()>
                    {t("outcome.check_status")}
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
                {t("outcome.notes_label")}
            </label>
            <p class="help" id="summary-notes-hint">
                {t("outcome.notes_hint")}
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
