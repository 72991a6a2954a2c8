//! One decoded fault, drawn from its [`Explanation`]: code, type, meaning, the detail and
//! headers, what the user sees, where it is logged, the findings, and the fix steps that help
//! the owner. The card decides nothing: the copied report is written from the same explanation.

use leptos::prelude::*;

use super::DecoderState;
use crate::fault::explain::{explain, Explanation, Origin, OWNER_STEPS_NOTE};
use crate::fault::findings::Finding;
use crate::fault::report::fault_heading;
use crate::fault::rows::{Privacy, Row, Section, SectionKind, Value};
use crate::fault::secrets::HIDDEN;
use crate::fault::{Exchange, Fault};
use crate::kb::KB;
use crate::route::Route;

#[component]
pub fn FaultCard(
    index: usize,
    fault: Fault,
    /// The response the fault came in, for captures.
    origin: Option<Exchange>,
    /// Whether the capture held several responses, so each card says which one it is.
    several: bool,
    state: DecoderState,
) -> impl IntoView {
    let heading = fault_heading(index, &fault);
    let upnp = fault.upnp.is_some();
    // Everything below follows the context, names and custom messages without re-decoding:
    // one explanation, the same the copied report is written from.
    let explanation = Memo::new(move |_| {
        state.choices(|choices| {
            let origin = Origin {
                exchange: origin.as_ref(),
                several,
            };
            explain(&fault, origin, choices)
        })
    });
    let revealed = RwSignal::new(false);
    // The rows do not depend on the choices: drawn once, from the first explanation.
    let first = explanation.get_untracked();
    let secrets = first
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .any(|r| r.privacy == Privacy::Secret);
    let (facts, detail, headers, meanings) = sections_view(&first.sections, revealed);

    if upnp {
        return view! {
            <li class="fault upnp" data-testid="upnp-fault">
                <h2>{heading}</h2>
                <p class="lead">{first.lead}</p>
                {facts}
                {meanings}
                <div class="seen-notes">
                    {first.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view()}
                </div>
            </li>
        }
        .into_any();
    }

    let steps = first
        .owner_steps
        .iter()
        .filter_map(|id| KB.step(id))
        .map(|step| view! { <li><a href=Route::Step(step.id.to_owned()).href()>{step.title}</a></li> })
        .collect_view();
    let has_steps = !first.owner_steps.is_empty();

    view! {
        <li class="fault" data-testid="fault">
            <h2>{heading}</h2>
            {facts}
            {detail}
            {headers}
            {secrets.then(|| view! { <RevealSecrets revealed /> })}

            <h3>"What the user sees"</h3>
            {move || explanation.with(seen_view)}
            {move || explanation.with(|e| e.log_note.clone()).map(|n| view! { <p class="note log-note">{n}</p> })}

            <h3>"Conformance"</h3>
            {move || {
                let findings = explanation.with(|e| e.findings.clone());
                if findings.is_empty() {
                    view! { <p class="ok">"No rule broken: this fault is built the way Sonos requires."</p> }.into_any()
                } else {
                    view! {
                        <ul class="findings" role="list">
                            {findings.into_iter().map(|f| view! { <FindingItem finding=f /> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}

            {has_steps.then(|| view! {
                <h3>"Fix steps for the Sonos owner"</h3>
                <p class="note">{OWNER_STEPS_NOTE}</p>
                <ul class="owner-steps">{steps}</ul>
            })}
        </li>
    }
    .into_any()
}

/// The card's sections: its facts, its detail, the request and response headers (folded away),
/// and, for a UPnP fault, what its code means.
fn sections_view(
    sections: &[Section],
    revealed: RwSignal<bool>,
) -> (AnyView, AnyView, AnyView, AnyView) {
    let list = |section: &Section| {
        let rows = section
            .rows
            .iter()
            .map(|row| row_view(row, revealed))
            .collect_view();
        view! { <dl class="fault-facts" data-section=section.heading.clone()>{rows}</dl> }
    };
    let of = |kind: SectionKind| sections.iter().filter(move |s| s.kind == kind);
    let facts = of(SectionKind::Facts).map(list).collect_view().into_any();
    let detail = of(SectionKind::Detail)
        .map(|s| view! { <h3>{s.heading.clone()}</h3>{list(s)} })
        .collect_view()
        .into_any();
    let meanings = of(SectionKind::UpnpMeanings)
        .map(|s| view! { <h3>{s.heading.clone()}</h3>{list(s)} })
        .collect_view()
        .into_any();
    let exchange: Vec<&Section> = sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Request | SectionKind::Response))
        .collect();
    let headers = (!exchange.is_empty())
        .then(|| {
            let parts = exchange
                .into_iter()
                .map(|s| view! { <h4>{s.heading.clone()}</h4>{list(s)} })
                .collect_view();
            view! {
                <details class="headers">
                    <summary>"Request and response headers"</summary>
                    {parts}
                </details>
            }
        })
        .into_any();
    (facts, detail, headers, meanings)
}

/// One row: its label, and its value, hidden until revealed if it is a secret, and cut with a
/// control to show it all if it is long.
fn row_view(row: &Row, revealed: RwSignal<bool>) -> AnyView {
    let label = if row.label_is_name {
        view! { <dt><code>{row.label.clone()}</code></dt> }.into_any()
    } else {
        view! { <dt>{row.label.clone()}</dt> }.into_any()
    };
    // A secret that is missing has nothing to hide: it says so, as the report does.
    let value = if row.privacy == Privacy::Secret && row.value != Value::Missing {
        let text = row.full_text().to_owned();
        let shown = move || {
            if revealed.get() {
                text.clone()
            } else {
                HIDDEN.to_owned()
            }
        };
        view! { <dd class="secret" data-privacy="secret">{shown}</dd> }.into_any()
    } else {
        let privacy = (row.privacy == Privacy::Identifier).then_some("identifier");
        let test_id = row.test_id;
        let text = value_text(row);
        if row.value_is_code {
            view! { <dd data-privacy=privacy><code data-testid=test_id>{text}</code></dd> }
                .into_any()
        } else {
            view! { <dd data-testid=test_id data-privacy=privacy>{text}</dd> }.into_any()
        }
    };
    view! { {label}{value} }.into_any()
}

/// A value's text: whole, or its start with its length and a button that shows it all.
fn value_text(row: &Row) -> AnyView {
    let Some(length) = row.long_length() else {
        return row.full_text().to_owned().into_any();
    };
    let whole = RwSignal::new(false);
    let start = row.cut_text().to_owned();
    let full = row.full_text().to_owned();
    let label = row.label.clone();
    view! {
        {move || if whole.get() { full.clone() } else { format!("{start}…") }}
        " "
        <span class="value-length" data-testid="value-length">
            {format!("({length} characters in all)")}
        </span>
        {move || (!whole.get()).then(|| view! {
            " "
            <button
                type="button"
                class="button small"
                on:click=move |_| whole.set(true)
            >
                "Show all"
                <span class="visually-hidden">{format!(" of {label}")}</span>
            </button>
        })}
    }
    .into_any()
}

/// What the user sees (quoted when it is the message itself), then what to know about it.
fn seen_view(explanation: &Explanation) -> AnyView {
    let Some(seen) = &explanation.seen else {
        return ().into_any();
    };
    let text = seen.text();
    let body = if seen.is_quote() {
        view! { <blockquote class="user-message" data-testid="user-message">{text}</blockquote> }
            .into_any()
    } else {
        view! { <p class="user-message silent" data-testid="user-message">{text}</p> }.into_any()
    };
    view! {
        {body}
        <div class="seen-notes">
            {explanation.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let severity = finding.severity.label();
    view! {
        <li class=format!("finding {severity}") data-testid="finding" data-tag=finding.tag>
            <p>
                <span class="severity">{severity}</span>
                " "
                <code class="tag">{finding.tag}</code>
            </p>
            <p>{finding.found}</p>
            <p class="rule">
                {format!("{}: ", finding.basis.heading())}
                {finding.rule}
                {finding.basis.url().map(|url| view! {
                    " " <a href=url rel="noopener noreferrer" target="_blank">"Read it"<span class="visually-hidden">" (opens a new tab)"</span></a>
                })}
            </p>
            <p class="fix">"Fix: " {finding.fix}</p>
        </li>
    }
}

/// Reveals or hides every secret on one card.
#[component]
fn RevealSecrets(revealed: RwSignal<bool>) -> impl IntoView {
    view! {
        <p class="reveal">
            <button
                type="button"
                class="button small"
                aria-pressed=move || revealed.get().to_string()
                on:click=move |_| revealed.update(|r| *r = !*r)
            >
                {move || if revealed.get() { "Hide secrets" } else { "Reveal secrets" }}
            </button>
            " Tokens, keys, passwords and cookies stay hidden until you ask, and the copied report always hides them."
        </p>
    }
}
