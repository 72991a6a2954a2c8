//! One decoded fault: code, type, meaning, what the user sees, where it is logged, the
//! findings, and the fix steps that help the owner.

use std::sync::Arc;

use leptos::prelude::*;

use super::DecoderState;
use crate::fault::explain::{explain, Choices, Seen};
use crate::fault::findings::Finding;
use crate::fault::messages::Names;
use crate::fault::secrets::{is_secret_header, is_secret_name, HIDDEN};
use crate::fault::strings::StringTable;
use crate::fault::upnp::{self, UpnpFault};
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
    table: Memo<Option<Result<Arc<StringTable>, String>>>,
) -> impl IntoView {
    let heading = match fault.position {
        Some(p) => format!("Fault {} (line {})", index + 1, p.line),
        None => format!("Fault {}", index + 1),
    };
    if let Some(upnp_fault) = fault.upnp.clone() {
        return view! { <UpnpCard heading fault upnp_fault /> }.into_any();
    }

    let code = fault.code.clone().unwrap_or_default();
    let family = fault
        .family_text
        .clone()
        .unwrap_or_else(|| "unknown".to_owned());

    // Everything below follows the context, names and custom messages without re-decoding:
    // one explanation, the same the copied report is written from.
    let explained_fault = fault.clone();
    let explanation = Memo::new(move |_| {
        let service = state.service.get();
        let item = state.item.get();
        let language = state.language.get();
        let table = table.get().and_then(Result::ok);
        let choices = Choices {
            context: state.context.get(),
            names: Names {
                service: &service,
                item: &item,
            },
            strings: table.as_deref(),
            language: &language,
        };
        explain(&explained_fault, &choices)
    });
    let revealed = RwSignal::new(false);
    let secrets = has_secrets(&fault, origin.as_ref());
    let headers = origin
        .clone()
        .map(|exchange| view! { <HeaderList exchange revealed /> });
    let first = explanation.get_untracked();
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
            <dl class="fault-facts">
                <dt>"Code"</dt>
                <dd><code data-testid="fault-code">{code}</code></dd>
                <dt>"Type"</dt>
                <dd data-testid="fault-type">{family}</dd>
                <dt>"faultcode as sent"</dt>
                <dd><code>{fault.faultcode.clone().unwrap_or_else(|| "(missing)".into())}</code></dd>
                <dt>"faultstring"</dt>
                <dd>{fault.faultstring.clone().unwrap_or_else(|| "(missing)".into())}</dd>
                <dt>"Meaning"</dt>
                <dd>{first.meaning}</dd>
                {origin_rows(origin, several)}
            </dl>
            <DetailList fault=fault.clone() revealed />
            {headers}
            {secrets.then(|| view! { <RevealSecrets revealed /> })}

            <h3>"What the user sees"</h3>
            {move || explanation.with(|e| seen_view(&e.seen, &e.notes))}
            <p class="note">
                {move || format!("Sonos logs this fault in {}. The log keeps the faultcode and the faultstring (and ExceptionInfo, if sent), so make the faultstring useful for debugging.", explanation.with(|e| e.log_location))}
            </p>

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
                <ul class="owner-steps">{steps}</ul>
            })}
        </li>
    }
    .into_any()
}

/// Which response of a capture the fault came in, and the operation its request called.
fn origin_rows(origin: Option<Exchange>, several: bool) -> Option<AnyView> {
    let origin = origin?;
    let response = several.then(|| {
        let status = format!("HTTP {}", origin.http.status_text());
        let text = match origin.label {
            Some(label) => format!("{label} ({status})"),
            None => status,
        };
        view! { <dt>"Response"</dt><dd data-testid="fault-response">{text}</dd> }
    });
    let operation = origin.operation.map(|operation| {
        view! {
            <dt>"Operation"</dt>
            <dd data-testid="fault-operation">
                <code>{operation.name}</code>
                {format!(" (from {})", operation.source.describe())}
            </dd>
        }
    });
    Some(view! { {response} {operation} }.into_any())
}

/// The message (quoted when it is the message itself), then what to know about it.
fn seen_view(seen: &Seen, notes: &[String]) -> AnyView {
    let text = seen.text();
    let body = if seen.is_quote() {
        view! { <blockquote class="user-message" data-testid="user-message">{text}</blockquote> }
            .into_any()
    } else {
        view! { <p class="user-message silent" data-testid="user-message">{text}</p> }.into_any()
    };
    let source = match seen {
        Seen::Custom { key, language, .. } => Some(format!(
            "Your custom message {key} ({language}), in place of Sonos’ own."
        )),
        _ => None,
    };
    view! {
        {body}
        {source.map(|s| view! { <p class="note">{s}</p> })}
        {notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view()}
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

/// One value that may be a secret: hidden (not even its length shown) until revealed.
fn value_view(value: String, secret: bool, revealed: RwSignal<bool>) -> AnyView {
    if secret {
        let shown = move || {
            if revealed.get() {
                value.clone()
            } else {
                HIDDEN.to_owned()
            }
        };
        view! { <dd class="secret">{shown}</dd> }.into_any()
    } else {
        view! { <dd>{value}</dd> }.into_any()
    }
}

/// Whether anything on this card is a secret, and so needs the Reveal button.
fn has_secrets(fault: &Fault, origin: Option<&Exchange>) -> bool {
    let detail = &fault.detail;
    detail.refresh.is_some()
        || detail.other.iter().any(|(path, _)| is_secret_name(path))
        || origin.is_some_and(|o| {
            o.http.headers.iter().any(|(n, _)| is_secret_header(n))
                || o.request.as_ref().is_some_and(|r| {
                    r.headers.iter().any(|(n, _)| is_secret_header(n))
                        || r.credentials.iter().any(|(p, _)| is_secret_name(p))
                })
        })
}

#[component]
fn DetailList(fault: Fault, revealed: RwSignal<bool>) -> impl IntoView {
    let detail = fault.detail;
    let mut rows: Vec<AnyView> = Vec::new();
    if let Some(v) = detail.exception_info {
        rows.push(view! { <dt>"ExceptionInfo"</dt><dd>{v}</dd> }.into_any());
    }
    if let Some(v) = detail.sonos_error {
        rows.push(view! { <dt>"SonosError"</dt><dd>{v}</dd> }.into_any());
    }
    if let Some(refresh) = detail.refresh {
        for (name, value) in [
            ("authToken", refresh.auth_token),
            ("privateKey", refresh.private_key),
        ] {
            let value = match value {
                Some(v) => value_view(v, true, revealed),
                None => view! { <dd>"missing"</dd> }.into_any(),
            };
            rows.push(view! { <dt>{name}</dt>{value} }.into_any());
        }
    }
    for (path, text) in detail.other.iter().cloned() {
        let secret = is_secret_name(&path);
        let value = value_view(text, secret, revealed);
        rows.push(view! { <dt><code>{path}</code></dt>{value} }.into_any());
    }
    if detail.other.more() > 0 {
        let more = format!(
            "{} more detail elements, not shown; the copied report counts them too.",
            detail.other.more()
        );
        rows.push(view! { <dt>"More"</dt><dd data-testid="detail-more">{more}</dd> }.into_any());
    }
    (!rows.is_empty()).then(|| {
        view! {
            <h3>"Detail"</h3>
            <dl class="fault-facts">{rows}</dl>
        }
    })
}

/// The request and response headers of a captured exchange, folded away by default.
#[component]
fn HeaderList(exchange: Exchange, revealed: RwSignal<bool>) -> impl IntoView {
    // Each (name, value) row, hidden until revealed when `secret` says the name is a secret.
    let rows =
        move |pairs: Vec<(String, String)>, label: fn(&str) -> String, secret: fn(&str) -> bool| {
            pairs
                .into_iter()
                .map(|(name, value)| {
                    let value = value_view(value, secret(&name), revealed);
                    view! { <dt><code>{label(&name)}</code></dt>{value} }
                })
                .collect_view()
        };
    let request = exchange.request.map(|request| {
        let headers = rows(request.headers, str::to_owned, is_secret_header);
        let credentials = rows(
            request.credentials,
            |path| format!("SOAP Header {path}"),
            is_secret_name,
        );
        view! {
            <h4>{format!("Request: {} {}", request.method, request.target)}</h4>
            <dl class="fault-facts">{headers}{credentials}</dl>
        }
    });
    let status_line = format!(
        "Response: {} {}",
        exchange.http.version,
        exchange.http.status_text()
    );
    let response = rows(exchange.http.headers, str::to_owned, is_secret_header);
    view! {
        <details class="headers">
            <summary>"Request and response headers"</summary>
            {request}
            <h4>{status_line}</h4>
            <dl class="fault-facts">{response}</dl>
        </details>
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

#[component]
fn UpnpCard(heading: String, fault: Fault, upnp_fault: UpnpFault) -> impl IntoView {
    let code = upnp_fault.code.clone().unwrap_or_default();
    let meanings = if upnp_fault.meanings.is_empty() {
        view! { <p>{upnp::unknown_note(if code.is_empty() { "(none)" } else { &code })}</p> }
            .into_any()
    } else {
        view! {
            <ul class="meanings">
                {upnp_fault
                    .meanings
                    .iter()
                    .map(|m| view! {
                        <li>
                            <strong>{m.scope}</strong> ": " {m.text}
                            <span class="source">" Source: " {m.source} "."</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <li class="fault upnp" data-testid="upnp-fault">
            <h2>{heading}</h2>
            <p class="lead">
                "This fault came from a Sonos speaker’s own UPnP control interface, not from a "
                "music service: SMAPI’s rules and messages do not apply to it."
            </p>
            <dl class="fault-facts">
                <dt>"UPnP error code"</dt>
                <dd><code data-testid="upnp-code">{code.clone()}</code></dd>
                <dt>"faultstring"</dt>
                <dd>{fault.faultstring.unwrap_or_default()}</dd>
                {upnp_fault.description.map(|d| view! { <dt>"errorDescription"</dt><dd>{d}</dd> })}
            </dl>
            <h3>"What the code means"</h3>
            {meanings}
            {(upnp_fault.meanings.len() > 1).then(|| view! {
                <p class="note">"The meaning depends on which service the request called."</p>
            })}
        </li>
    }
}
