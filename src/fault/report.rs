//! The plain-text report behind "Copy report": every fault, what the user sees, and every
//! finding, with secrets redacted so the report is safe to paste into a ticket.

use super::explain::{explain, Choices};
use super::model::{Decoded, Exchange, Fault};
use super::secrets::{is_identifier_name, is_secret_header, is_secret_name, HIDDEN};
use super::upnp;

/// The copied report: its text, and the name of everything it hides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub text: String,
    /// What was hidden, each name once, in the order met (`authToken`, `Authorization header`).
    pub hidden: Vec<String>,
}

impl Report {
    /// The message shown once the report is on the clipboard: exactly what was hidden, and
    /// that free text goes as it was sent.
    pub fn copied_message(&self) -> String {
        let free_text = "Free text (faultstring, ExceptionInfo) is copied as sent: check it before you share the report.";
        if self.hidden.is_empty() {
            format!("Report copied. Nothing in it is named like a secret. {free_text}")
        } else {
            format!(
                "Report copied, with these hidden: {}. {free_text}",
                self.hidden.join(", ")
            )
        }
    }
}

/// Collects the report's lines and what they hide.
struct Writer {
    lines: Vec<String>,
    hidden: Vec<String>,
}

impl Writer {
    fn line(&mut self, line: String) {
        self.lines.push(line);
    }

    /// `value`, or the hidden marker if it is a secret (remembered under `name`).
    fn value(&mut self, name: String, value: &str, secret: bool) -> String {
        if !secret {
            return value.to_owned();
        }
        if !self.hidden.contains(&name) {
            self.hidden.push(name);
        }
        HIDDEN.to_owned()
    }
}

/// The report as plain text. Secrets are always hidden here, whatever the screen shows.
pub fn plain_text(decoded: &Decoded, choices: &Choices) -> Report {
    let mut out = Writer {
        lines: Vec::new(),
        hidden: Vec::new(),
    };
    out.line(format!(
        "SMAPI fault report (Fix 1002): {} with {} fault{}",
        decoded.kind.describe(),
        decoded.faults.len(),
        if decoded.faults.len() == 1 { "" } else { "s" }
    ));
    if decoded.passed_over > 0 {
        out.line(format!(
            "Responses with no SOAP fault, not shown: {}",
            decoded.passed_over
        ));
    }
    out.line(format!("Context: {}", choices.context.label()));
    let mut described = Vec::new();
    for (i, fault) in decoded.faults.iter().enumerate() {
        out.line(String::new());
        out.line(format!("Fault {}", i + 1));
        if let (Some(index), Some(exchange)) = (fault.exchange, decoded.exchange_of(fault)) {
            // A response's headers are listed with its first fault only.
            let first = !described.contains(&index);
            described.push(index);
            exchange_lines(exchange, first, &mut out);
        }
        fault_lines(fault, choices, &mut out);
    }
    Report {
        text: out.lines.join("\n"),
        hidden: out.hidden,
    }
}

fn exchange_lines(exchange: &Exchange, with_headers: bool, out: &mut Writer) {
    if let Some(label) = &exchange.label {
        out.line(format!("  From {label}"));
    }
    if let Some(operation) = &exchange.operation {
        out.line(format!(
            "  Operation: {} (from {})",
            operation.name,
            operation.source.describe()
        ));
    }
    out.line(format!("  {}", http_line(&exchange.http)));
    if !with_headers {
        return;
    }
    if let Some(request) = &exchange.request {
        out.line(format!("  Request: {} {}", request.method, request.target));
        for (name, value) in &request.headers {
            let shown = out.value(format!("{name} header"), value, is_secret_header(name));
            out.line(format!("    {name}: {shown}"));
        }
        for (path, value) in &request.credentials {
            let hide = is_secret_name(path) || is_identifier_name(path);
            let shown = out.value(format!("credentials {path}"), value, hide);
            out.line(format!("    SOAP Header {path}: {shown}"));
        }
    }
    out.line("  Response headers:".to_owned());
    for (name, value) in &exchange.http.headers {
        let shown = out.value(format!("{name} header"), value, is_secret_header(name));
        out.line(format!("    {name}: {shown}"));
    }
}

fn http_line(http: &super::http::HttpHead) -> String {
    format!(
        "HTTP status: {}; Content-Type: {}",
        http.status_text(),
        http.content_type.as_deref().unwrap_or("(none)")
    )
}

fn fault_lines(fault: &Fault, choices: &Choices, out: &mut Writer) {
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "(missing)".to_owned());
    out.line(format!("  faultcode: {}", field(&fault.faultcode)));
    out.line(format!("  faultstring: {}", field(&fault.faultstring)));
    if let Some(upnp_fault) = &fault.upnp {
        let code = upnp_fault
            .code
            .clone()
            .unwrap_or_else(|| "(none)".to_owned());
        out.line(format!(
            "  UPnP error from a Sonos speaker, not a music service: code {code}"
        ));
        if upnp_fault.meanings.is_empty() {
            out.line(format!("  {}", upnp::unknown_note(&code)));
        }
        for meaning in &upnp_fault.meanings {
            out.line(format!(
                "  {}: {} ({})",
                meaning.scope, meaning.text, meaning.source
            ));
        }
        return;
    }
    out.line(format!(
        "  Code: {} ({})",
        fault.code.as_deref().unwrap_or("(none)"),
        fault.family_text.as_deref().unwrap_or("no type")
    ));
    let detail = &fault.detail;
    if let Some(v) = &detail.exception_info {
        out.line(format!("  ExceptionInfo: {v}"));
    }
    if let Some(v) = &detail.sonos_error {
        out.line(format!("  SonosError: {v}"));
    }
    if let Some(refresh) = &detail.refresh {
        for (name, value) in [
            ("authToken", &refresh.auth_token),
            ("privateKey", &refresh.private_key),
        ] {
            let shown = match value {
                Some(v) => out.value(name.to_owned(), v, true),
                None => "missing".to_owned(),
            };
            out.line(format!("  {name}: {shown}"));
        }
    }
    for (path, text) in &detail.other {
        let hide = is_secret_name(path) || is_identifier_name(path);
        let shown = out.value(format!("detail {path}"), text, hide);
        out.line(format!("  detail {path}: {shown}"));
    }
    if detail.other.more() > 0 {
        out.line(format!(
            "  detail: {} more elements, not listed",
            detail.other.more()
        ));
    }
    let explanation = explain(fault, choices);
    out.line(format!("  Meaning: {}", explanation.meaning));
    out.line(format!(
        "  User sees ({}): {}",
        explanation.seen.kind(),
        explanation.seen.text()
    ));
    for note in &explanation.notes {
        out.line(format!("  Note: {note}"));
    }
    for finding in &explanation.findings {
        out.line(format!(
            "  [{}] {}: {} ({})",
            finding.severity.label(),
            finding.tag,
            finding.found,
            finding.basis.heading()
        ));
    }
}
