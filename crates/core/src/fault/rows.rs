//! What a fault card, the copied report and the command line show of one fault besides its
//! message: sections of labelled rows. Each row says how private its value is, decided here
//! once, so no renderer decides what is a secret.

use super::model::{Exchange, Fault};
use super::secrets::{is_identifier_name, is_secret_header, is_secret_name, HIDDEN};
use super::upnp::{self, UpnpFault};

/// Values longer than this many characters are shown cut, with their length: an 8 MB
/// faultstring drawn whole makes a browser lay out one enormous line, and makes a report
/// nobody can read.
pub const LONG_VALUE_CHARS: usize = 300;

/// How private a row's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    Public,
    /// Identifies the user's household or device: shown on the developer's own screen, hidden
    /// in text meant for a ticket.
    Identifier,
    /// A token, key, password or cookie: hidden everywhere until the user asks.
    Secret,
}

/// A row's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// The element or header is absent.
    Missing,
}

/// One labelled value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub value: Value,
    pub privacy: Privacy,
    /// Whether the label is a name from the input (an element path, a header), shown as code.
    pub label_is_name: bool,
    /// Whether the value is code (a fault code, an operation), shown as code.
    pub value_is_code: bool,
    /// The `data-testid` the screen gives the value: part of the decoder's test contract.
    pub test_id: Option<&'static str>,
}

impl Row {
    fn new(label: impl Into<String>, value: Value) -> Row {
        Row {
            label: label.into(),
            value,
            privacy: Privacy::Public,
            label_is_name: false,
            value_is_code: false,
            test_id: None,
        }
    }

    fn text(label: impl Into<String>, value: impl Into<String>) -> Row {
        Row::new(label, Value::Text(value.into()))
    }

    fn optional(label: impl Into<String>, value: Option<&String>) -> Row {
        Row::new(
            label,
            value.map_or(Value::Missing, |v| Value::Text(v.clone())),
        )
    }

    fn private(self, privacy: Privacy) -> Row {
        Row { privacy, ..self }
    }

    fn named(self) -> Row {
        Row {
            label_is_name: true,
            ..self
        }
    }

    fn code(self, test_id: &'static str) -> Row {
        Row {
            value_is_code: true,
            test_id: Some(test_id),
            ..self
        }
    }

    fn test_id(self, test_id: &'static str) -> Row {
        Row {
            test_id: Some(test_id),
            ..self
        }
    }

    /// The value as text with nothing hidden, or `(missing)`.
    pub fn full_text(&self) -> &str {
        match &self.value {
            Value::Text(text) => text,
            Value::Missing => "(missing)",
        }
    }

    /// The value's length in characters, when it is long enough to be shown cut.
    pub fn long_length(&self) -> Option<usize> {
        match &self.value {
            Value::Text(text) if text.len() > LONG_VALUE_CHARS => {
                let chars = text.chars().count();
                (chars > LONG_VALUE_CHARS).then_some(chars)
            }
            _ => None,
        }
    }

    /// The start of a long value, [`LONG_VALUE_CHARS`] characters of it.
    pub fn cut_text(&self) -> &str {
        let text = self.full_text();
        let end = text
            .char_indices()
            .nth(LONG_VALUE_CHARS)
            .map_or(text.len(), |(at, _)| at);
        text.get(..end).unwrap_or(text)
    }

    /// The value as text meant for sharing (the report, the command line): private values
    /// hidden, long ones cut with their length.
    pub fn shared_text(&self) -> String {
        if self.privacy != Privacy::Public && self.value != Value::Missing {
            return HIDDEN.to_owned();
        }
        match self.long_length() {
            Some(length) => format!("{}… ({} characters in all)", self.cut_text(), length),
            None => self.full_text().to_owned(),
        }
    }
}

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// The fault's own fields and where it came from; shown without a heading.
    Facts,
    /// The detail element's values.
    Detail,
    /// The request the fault answered: its headers and its SOAP Header credentials.
    Request,
    /// The response's headers.
    Response,
    /// What a speaker's UPnP error code means.
    UpnpMeanings,
}

/// A group of rows with a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    pub rows: Vec<Row>,
}

impl Section {
    /// The name under which a hidden row is listed among what the report hid.
    pub fn hidden_name(&self, row: &Row) -> String {
        match self.kind {
            SectionKind::Request if row.label.starts_with(CREDENTIALS) => {
                format!("credentials {}", &row.label[CREDENTIALS.len()..])
            }
            SectionKind::Request | SectionKind::Response => format!("{} header", row.label),
            SectionKind::Detail if row.label_is_name => format!("detail {}", row.label),
            _ => row.label.clone(),
        }
    }
}

/// How a credentials row's label starts, before its path below the SOAP Header.
const CREDENTIALS: &str = "SOAP Header ";

/// The sections of an SMAPI fault: its facts, its detail, and the request and response it came
/// in.
pub fn smapi_sections(
    fault: &Fault,
    exchange: Option<&Exchange>,
    several: bool,
    meaning: String,
) -> Vec<Section> {
    let mut facts = vec![
        Row::text("Code", fault.code.as_deref().unwrap_or("(none)")).code("fault-code"),
        Row::text("Type", fault.family_text.as_deref().unwrap_or("unknown")).test_id("fault-type"),
        Row::optional("faultcode as sent", fault.faultcode.as_ref()),
        Row::optional("faultstring", fault.faultstring.as_ref()),
        Row::text("Meaning", meaning),
    ];
    if let Some(exchange) = exchange {
        facts.extend(origin_rows(exchange, several));
    }
    let mut sections = vec![Section {
        kind: SectionKind::Facts,
        heading: "Fault".to_owned(),
        rows: facts,
    }];
    let detail = detail_rows(fault);
    if !detail.is_empty() {
        sections.push(Section {
            kind: SectionKind::Detail,
            heading: "Detail".to_owned(),
            rows: detail,
        });
    }
    if let Some(exchange) = exchange {
        sections.extend(header_sections(exchange));
    }
    sections
}

/// Which response of a capture the fault came in, and the operation its request called.
fn origin_rows(exchange: &Exchange, several: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    if several {
        let status = format!("HTTP {}", exchange.http.status_text());
        let text = match &exchange.label {
            Some(label) => format!("{label} ({status})"),
            None => status,
        };
        rows.push(Row::text("Response", text).test_id("fault-response"));
    }
    if let Some(operation) = &exchange.operation {
        rows.push(
            Row::text(
                "Operation",
                format!("{} (from {})", operation.name, operation.source.describe()),
            )
            .test_id("fault-operation"),
        );
    }
    rows
}

fn detail_rows(fault: &Fault) -> Vec<Row> {
    let detail = &fault.detail;
    let mut rows = Vec::new();
    if let Some(info) = &detail.exception_info {
        rows.push(Row::text("ExceptionInfo", info.clone()));
    }
    if let Some(number) = &detail.sonos_error {
        rows.push(Row::text("SonosError", number.clone()));
    }
    if let Some(refresh) = &detail.refresh {
        for (name, value) in [
            ("authToken", &refresh.auth_token),
            ("privateKey", &refresh.private_key),
        ] {
            rows.push(Row::optional(name, value.as_ref()).private(Privacy::Secret));
        }
    }
    for (path, text) in detail.other.iter() {
        rows.push(
            Row::text(path.clone(), text.clone())
                .named()
                .private(privacy_of_element(path)),
        );
    }
    if detail.other.more() > 0 {
        rows.push(
            Row::text(
                "More",
                format!("{} more detail elements, not shown.", detail.other.more()),
            )
            .test_id("detail-more"),
        );
    }
    rows
}

fn privacy_of_element(path: &str) -> Privacy {
    if is_secret_name(path) {
        Privacy::Secret
    } else if is_identifier_name(path) {
        Privacy::Identifier
    } else {
        Privacy::Public
    }
}

fn header_sections(exchange: &Exchange) -> Vec<Section> {
    let header_row = |(name, value): &(String, String)| {
        let privacy = if is_secret_header(name) {
            Privacy::Secret
        } else {
            Privacy::Public
        };
        Row::text(name.clone(), value.clone())
            .named()
            .private(privacy)
    };
    let mut sections = Vec::new();
    if let Some(request) = &exchange.request {
        let credentials = request.credentials.iter().map(|(path, value)| {
            Row::text(format!("{CREDENTIALS}{path}"), value.clone())
                .named()
                .private(privacy_of_element(path))
        });
        sections.push(Section {
            kind: SectionKind::Request,
            heading: format!("Request: {} {}", request.method, request.target),
            rows: request
                .headers
                .iter()
                .map(header_row)
                .chain(credentials)
                .collect(),
        });
    }
    let http = &exchange.http;
    sections.push(Section {
        kind: SectionKind::Response,
        heading: format!("Response: {} {}", http.version, http.status_text()),
        rows: http.headers.iter().map(header_row).collect(),
    });
    sections
}

/// The sections of a fault from a speaker's UPnP control interface: its code and what the code
/// means.
pub fn upnp_sections(fault: &Fault, upnp_fault: &UpnpFault) -> Vec<Section> {
    let code = upnp_fault
        .code
        .clone()
        .unwrap_or_else(|| "(none)".to_owned());
    let mut facts = vec![
        Row::text("UPnP error code", code.clone()).code("upnp-code"),
        Row::optional("faultstring", fault.faultstring.as_ref()),
    ];
    if let Some(description) = &upnp_fault.description {
        facts.push(Row::text("errorDescription", description.clone()));
    }
    let meanings = if upnp_fault.meanings.is_empty() {
        vec![Row::text("Meaning", upnp::unknown_note(&code))]
    } else {
        upnp_fault
            .meanings
            .iter()
            .map(|m| Row::text(m.scope, format!("{} Source: {}.", m.text, m.source)))
            .collect()
    };
    vec![
        Section {
            kind: SectionKind::Facts,
            heading: "Fault".to_owned(),
            rows: facts,
        },
        Section {
            kind: SectionKind::UpnpMeanings,
            heading: "What the code means".to_owned(),
            rows: meanings,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_cut_at_a_character_and_says_its_length() {
        let long = "é".repeat(LONG_VALUE_CHARS + 5);
        let row = Row::text("faultstring", long);
        assert_eq!(row.long_length(), Some(LONG_VALUE_CHARS + 5));
        assert_eq!(row.cut_text().chars().count(), LONG_VALUE_CHARS);
        assert!(row
            .shared_text()
            .ends_with(&format!("… ({} characters in all)", LONG_VALUE_CHARS + 5)));
        let short = Row::text("faultstring", "é".repeat(LONG_VALUE_CHARS));
        assert_eq!(short.long_length(), None);
        assert_eq!(short.shared_text(), "é".repeat(LONG_VALUE_CHARS));
    }

    #[test]
    fn private_values_are_hidden_when_shared_but_missing_ones_say_so() {
        let secret = Row::text("authToken", "abc").private(Privacy::Secret);
        assert_eq!(secret.shared_text(), HIDDEN);
        let id = Row::text("householdId", "Sonos_1").private(Privacy::Identifier);
        assert_eq!(id.shared_text(), HIDDEN);
        let missing = Row::optional("privateKey", None).private(Privacy::Secret);
        assert_eq!(missing.shared_text(), "(missing)");
    }
}
