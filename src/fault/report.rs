//! The plain-text report behind "Copy report": every fault, what the user sees, and every
//! finding, with secrets redacted so the report is safe to paste into a ticket.

use super::decode::{Decoded, Fault};
use super::explain::{explain, Choices};
use super::upnp;

/// How a secret is shown until the user asks to reveal it.
pub fn redacted(secret: &str) -> String {
    format!("present, {} characters, hidden", secret.chars().count())
}

/// The report as plain text. Secrets are always redacted here, whatever the screen shows.
pub fn plain_text(decoded: &Decoded, choices: &Choices) -> String {
    let mut out = vec![format!(
        "SMAPI fault report (Fix 1002): {} with {} fault{}",
        decoded.kind.describe(),
        decoded.faults.len(),
        if decoded.faults.len() == 1 { "" } else { "s" }
    )];
    if let Some(http) = decoded.http() {
        out.push(http_line(http));
    }
    if decoded.passed_over > 0 {
        out.push(format!(
            "Responses with no SOAP fault, not shown: {}",
            decoded.passed_over
        ));
    }
    out.push(format!("Context: {}", choices.context.label()));
    for (i, fault) in decoded.faults.iter().enumerate() {
        out.push(String::new());
        out.push(format!("Fault {}", i + 1));
        if let Some(exchange) = decoded
            .exchange_of(fault)
            .filter(|_| decoded.http().is_none())
        {
            if let Some(label) = &exchange.label {
                out.push(format!("  From {label}"));
            }
            out.push(format!("  {}", http_line(&exchange.http)));
        }
        if let Some(operation) = decoded
            .exchange_of(fault)
            .and_then(|e| e.operation.as_ref())
        {
            out.push(format!(
                "  Operation: {} (from {})",
                operation.name,
                operation.source.describe()
            ));
        }
        fault_lines(fault, choices, &mut out);
    }
    out.join("\n")
}

fn http_line(http: &super::http::HttpHead) -> String {
    format!(
        "HTTP status: {}; Content-Type: {}",
        http.status_text(),
        http.content_type.as_deref().unwrap_or("(none)")
    )
}

fn fault_lines(fault: &Fault, choices: &Choices, out: &mut Vec<String>) {
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "(missing)".to_owned());
    out.push(format!("  faultcode: {}", field(&fault.faultcode)));
    out.push(format!("  faultstring: {}", field(&fault.faultstring)));
    if let Some(upnp_fault) = &fault.upnp {
        let code = upnp_fault
            .code
            .clone()
            .unwrap_or_else(|| "(none)".to_owned());
        out.push(format!(
            "  UPnP error from a Sonos speaker, not a music service: code {code}"
        ));
        if upnp_fault.meanings.is_empty() {
            out.push(format!("  {}", upnp::unknown_note(&code)));
        }
        for meaning in &upnp_fault.meanings {
            out.push(format!(
                "  {}: {} ({})",
                meaning.scope, meaning.text, meaning.source
            ));
        }
        return;
    }
    out.push(format!(
        "  Code: {} ({})",
        fault.code.as_deref().unwrap_or("(none)"),
        fault.family_text.as_deref().unwrap_or("no type")
    ));
    let detail = &fault.detail;
    if let Some(v) = &detail.exception_info {
        out.push(format!("  ExceptionInfo: {v}"));
    }
    if let Some(v) = &detail.sonos_error {
        out.push(format!("  SonosError: {v}"));
    }
    if let Some(refresh) = &detail.refresh {
        let show = |v: &Option<String>| v.as_deref().map_or("missing".to_owned(), redacted);
        out.push(format!("  authToken: {}", show(&refresh.auth_token)));
        out.push(format!("  privateKey: {}", show(&refresh.private_key)));
    }
    for (path, text) in &detail.other {
        out.push(format!("  detail {path}: {text}"));
    }
    let explanation = explain(fault, choices);
    out.push(format!("  Meaning: {}", explanation.meaning));
    out.push(format!(
        "  User sees ({}): {}",
        explanation.seen.kind(),
        explanation.seen.text()
    ));
    for note in &explanation.notes {
        out.push(format!("  Note: {note}"));
    }
    for finding in &explanation.findings {
        out.push(format!(
            "  [{}] {}: {}",
            finding.severity.label(),
            finding.tag,
            finding.found
        ));
    }
}
