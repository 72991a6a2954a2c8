//! What the decoder produces: the input's kind, the responses faults came in, and each fault
//! with its findings. Its own module so that the decoder, the findings, the explanation and
//! the report all depend on these types and none on another's code.

use std::sync::Arc;

use super::capped::Capped;
use super::codes::{Code, Family};
use super::envelope::{Detail, EnvelopeFacts, MAX_LISTED};
use super::error::Position;
use super::http::HttpHead;
use super::messages::Context;
use super::operation::Operation;
use super::request::Request;

/// What kind of paste this was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    HttpResponse,
    /// Several responses one after another: redirects followed, or retries.
    HttpResponses,
    /// Requests with their responses, as a proxy or Wireshark shows a stream.
    HttpExchange,
    CurlVerbose,
    /// `curl --trace-ascii -`: the trace, and the body curl wrote among it.
    CurlTrace,
    /// `wget -S`: wget's notes, the response heads indented, and the body.
    Wget,
    Har,
    Envelope,
    BareFault,
    Log,
    /// A structured log, one JSON object a line, with the XML in a string value.
    JsonLog,
}

impl InputKind {
    pub fn describe(self) -> &'static str {
        match self {
            InputKind::HttpResponse => "a raw HTTP response",
            InputKind::HttpResponses => "several HTTP responses",
            InputKind::HttpExchange => "captured HTTP requests and responses",
            InputKind::CurlVerbose => "curl -v output",
            InputKind::CurlTrace => "curl --trace-ascii output",
            InputKind::Wget => "wget -S output",
            InputKind::Har => "a HAR file",
            InputKind::Envelope => "a SOAP envelope",
            InputKind::BareFault => "a bare Fault element",
            InputKind::Log => "a controller log excerpt",
            InputKind::JsonLog => "a structured log (JSON lines)",
        }
    }
}

/// One response that held faults, with the request it answered where the capture has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    pub http: HttpHead,
    /// The SMAPI operation the request called.
    pub operation: Option<Operation>,
    /// The request, when the capture has it.
    pub request: Option<Request>,
    /// Which response of the capture this is (`response 2`, `HAR entry 7: POST …`), when
    /// the capture has more than one.
    pub label: Option<String>,
    /// Where the response's body starts in the input, even when its faults have no position
    /// of their own (a chunked body, joined before it was read); `None` in a HAR file.
    pub body_position: Option<Position>,
}

/// Everything decoded from one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub kind: InputKind,
    /// The responses the faults came in; empty for XML pasted without HTTP around it.
    pub exchanges: Vec<Exchange>,
    pub faults: Vec<Fault>,
    /// Responses or HAR entries with no SOAP fault in them: counted, not shown.
    pub passed_over: usize,
    /// Whether log-line prefixes (timestamps, levels) were set aside to read the XML.
    pub log_prefixes: bool,
}

impl Decoded {
    /// The response a fault came in.
    pub fn exchange_of(&self, fault: &Fault) -> Option<&Exchange> {
        fault.exchange.and_then(|i| self.exchanges.get(i))
    }

    /// Where to point at a fault in the input (the command line's `file:line:column`): the
    /// Fault element itself, or else the start of the body it came in.
    pub fn location_of(&self, fault: &Fault) -> Option<Position> {
        fault
            .position
            .or_else(|| self.exchange_of(fault)?.body_position)
    }

    /// The only response, when there is exactly one.
    pub fn http(&self) -> Option<&HttpHead> {
        match self.exchanges.as_slice() {
            [only] => Some(&only.http),
            _ => None,
        }
    }

    /// The Context the first fault's operation suggests, with that operation: an inference
    /// the screen offers as a preselection.
    pub fn suggested_context(&self) -> Option<(Context, &Operation)> {
        self.faults.iter().find_map(|fault| {
            let operation = self.exchange_of(fault)?.operation.as_ref()?;
            Some((operation.context()?, operation))
        })
    }
}

/// One fault, interpreted.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// Where the Fault element starts in the input.
    pub position: Option<Position>,
    /// The faultcode text as sent (`s:Client.LoginInvalid`).
    pub faultcode: Option<String>,
    /// The prefix before the first colon (`s`); plain text, not a resolved namespace.
    pub prefix: Option<String>,
    /// `Client` or `Server` as written, or SOAP 1.2's Sender/Receiver mapped to them.
    pub family_text: Option<String>,
    /// The bare code (`LoginInvalid`).
    pub code: Option<String>,
    pub faultstring: Option<String>,
    pub faultactor: Option<String>,
    pub detail: Detail,
    pub soap12_shape: bool,
    /// Elements directly inside the Fault that SOAP 1.1 does not define there.
    pub stray_elements: Capped<String, MAX_LISTED>,
    /// Facts about the envelope around the fault, shared by all of its faults.
    pub envelope: Option<Arc<EnvelopeFacts>>,
    /// Present when the fault came from a speaker's own UPnP control interface.
    pub upnp: Option<super::upnp::UpnpFault>,
    /// The index in [`Decoded::exchanges`] of the response the fault came in.
    pub exchange: Option<usize>,
    /// Every way the fault (and the response around it) breaks Sonos' rules.
    pub findings: Vec<Finding>,
}

impl Fault {
    /// The fault's code, if it is one of the 18 Sonos defines.
    pub fn known(&self) -> Option<Code> {
        self.code.as_deref().and_then(Code::from_name)
    }

    pub fn family(&self) -> Option<Family> {
        self.family_text.as_deref().and_then(Family::from_name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub tag: &'static str,
    pub severity: Severity,
    /// What was found, in this input. Shared: every fault of one envelope carries the same
    /// envelope findings without a copy of their text.
    pub found: Arc<str>,
    /// The rule, in the words of the document `basis` names.
    pub rule: &'static str,
    pub fix: &'static str,
    /// Where the rule comes from; shown beside it, so a rule from elsewhere is never
    /// presented under the seed's name, and Fix 1002's own advice never as a rule.
    pub basis: Basis,
}

/// Where a finding's rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Sonos' SMAPI error-handling reference, the seed document.
    ErrorReference,
    /// A page of Sonos' public developer documentation beyond the seed.
    SonosDocs {
        title: &'static str,
        url: &'static str,
    },
    /// The SOAP 1.1 specification, which SMAPI services speak.
    Soap11,
    /// A note on how the input was captured, not on the service.
    Capture,
}

/// Sonos' page on the i18next JSON localization resource: its format, and that it must hold
/// text for all supported languages (it does not list them).
pub const SONOS_LOCALIZATION: Basis = Basis::SonosDocs {
    title: "Localization",
    url: "https://docs.sonos.com/docs/localization",
};

/// Sonos' page on the XML string table: its format, and the twelve languages Sonos supports,
/// one string table for each.
pub const SONOS_STRINGS: Basis = Basis::SonosDocs {
    title: "Strings and localization",
    url: "https://developer.sonos.com/build/content-service-add-features/strings-and-localization/",
};

impl Basis {
    /// The heading shown before the rule.
    pub fn heading(self) -> String {
        match self {
            Basis::ErrorReference => "Rule (Sonos SMAPI reference: error handling)".to_owned(),
            Basis::SonosDocs { title, .. } => format!("Rule (Sonos documentation: {title})"),
            Basis::Soap11 => "Rule (SOAP 1.1, W3C Note)".to_owned(),
            Basis::Capture => "About the capture (not a Sonos rule)".to_owned(),
        }
    }

    /// Where the document can be read, for the ones that are public pages.
    pub fn url(self) -> Option<&'static str> {
        match self {
            Basis::SonosDocs { url, .. } => Some(url),
            Basis::Soap11 => Some("https://www.w3.org/TR/2000/NOTE-SOAP-20000508/"),
            _ => None,
        }
    }
}

impl Finding {
    /// The same finding, with its rule taken from `basis`.
    pub fn based_on(self, basis: Basis) -> Finding {
        Finding { basis, ..self }
    }
}
