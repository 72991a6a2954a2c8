//! The XML walk: SOAP 1.1 and 1.2 envelopes, bare Fault elements and controller-log fragments,
//! read with quick-xml's streaming reader (no DOM, no entity expansion).
//!
//! Element names are compared by local name, so any envelope prefix works (`soap:`, `s:`,
//! `SOAP-ENV:`, none). A Fault is recognised wherever it stands, which is what lets a log
//! excerpt with many entries and no single root decode entry by entry.

use std::sync::Arc;

use quick_xml::errors::IllFormedError;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::capped::Capped;
use super::error::{DecodeError, Locator, Position};

/// How deep elements may nest. Real faults are a dozen levels deep; the cap keeps the work per
/// element bounded, and anything deeper is refused with its own message.
pub const MAX_DEPTH: usize = 200;

/// Names listed per fault (stray elements, Body extras) before the rest are only counted.
pub const MAX_LISTED: usize = 20;

/// Detail rows kept per fault; a fault with more is summarised with a count.
pub const MAX_DETAIL_ROWS: usize = 100;

/// The SOAP 1.2 envelope namespace; Sonos expects SOAP 1.1 (`http://schemas.xmlsoap.org/soap/envelope/`).
pub const SOAP12_NAMESPACE: &str = "http://www.w3.org/2003/05/soap-envelope";

/// What the input looked like as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlShape {
    /// One root element, a SOAP Envelope.
    Envelope,
    /// One root element, a Fault with no envelope around it.
    BareFault,
    /// Several top-level entries, or a wrapper around them: a controller log excerpt.
    Log,
}

/// Facts about the envelope a fault came in, for the conformance findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeFacts {
    pub namespace: Option<String>,
    pub has_header: bool,
    /// Names of anything in the Body besides the Fault (`#text` for stray text).
    pub body_extras: Capped<String, MAX_LISTED>,
}

/// The detail element's recognised parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    pub exception_info: Option<String>,
    pub sonos_error: Option<String>,
    pub refresh: Option<RefreshToken>,
    pub upnp: Option<UpnpError>,
    /// Any other leaf element: its path below `detail` and its text.
    pub other: Capped<(String, String), MAX_DETAIL_ROWS>,
}

/// The new credentials a TokenRefreshRequired fault must carry. Secrets: shown only on request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefreshToken {
    pub auth_token: Option<String>,
    pub private_key: Option<String>,
}

/// The UPnP error a speaker's own control API puts in its faults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpnpError {
    pub code: Option<String>,
    pub description: Option<String>,
}

/// A Fault element as found, before any interpretation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawFault {
    pub position: Option<Position>,
    pub faultcode: Option<String>,
    pub faultstring: Option<String>,
    pub faultactor: Option<String>,
    /// True when the fault uses SOAP 1.2's Code/Reason children instead of faultcode/faultstring.
    pub soap12_shape: bool,
    /// SOAP 1.2 shape: Code/Value (such as `soap:Sender`).
    pub code_value: Option<String>,
    /// Elements directly inside the Fault that neither SOAP 1.1 nor 1.2 defines there.
    pub stray_elements: Capped<String, MAX_LISTED>,
    pub detail: Detail,
    /// `None` for a fault with no envelope around it; shared by every fault of one envelope.
    pub envelope: Option<Arc<EnvelopeFacts>>,
}

/// The result of walking the XML: each fault as `walk_with`'s `finish` made it.
#[derive(Debug)]
pub struct Walk<T = RawFault> {
    pub shape: XmlShape,
    pub faults: Vec<T>,
}

/// The faults found so far. A fault inside an envelope waits until the envelope closes (its
/// facts are known only then); every other fault is finished as soon as it closes.
struct Found<T, F> {
    faults: Vec<T>,
    waiting: Vec<RawFault>,
    finish: F,
}

impl<T, F: FnMut(RawFault) -> T> Found<T, F> {
    fn fault_closed(&mut self, fault: RawFault, in_envelope: bool) {
        if in_envelope {
            self.waiting.push(fault);
        } else {
            self.faults.push((self.finish)(fault));
        }
    }

    fn envelope_closed(&mut self, facts: EnvelopeFacts) {
        let shared = Arc::new(facts);
        for mut fault in self.waiting.drain(..) {
            fault.envelope = Some(Arc::clone(&shared));
            self.faults.push((self.finish)(fault));
        }
    }
}

struct Open<'a> {
    /// The local name, borrowed from the input: no allocation per element.
    name: &'a str,
    /// What the name means to the walk, worked out once when the element opens.
    role: Role,
    offset: usize,
    /// Where this element's own text starts in the walk's shared text buffer. Each element's
    /// text is dropped from the buffer when it closes, so a parent's text stays contiguous
    /// and no element needs a String of its own.
    text_start: usize,
    has_children: bool,
}

struct FaultInProgress {
    depth: usize,
    fault: RawFault,
}

/// Walks `xml` (which starts at byte `base` of `whole`, for positions) and collects every
/// Fault in it.
pub fn walk(xml: &str, whole: &str, base: usize) -> Result<Walk, DecodeError> {
    walk_with(xml, whole, base, |fault| fault)
}

/// Walks `xml` like [`walk`], handing each fault to `finish` as soon as it is complete, so
/// that a large log's faults are interpreted into one list instead of copied from another.
pub fn walk_with<T>(
    xml: &str,
    whole: &str,
    base: usize,
    finish: impl FnMut(RawFault) -> T,
) -> Result<Walk<T>, DecodeError> {
    // quick-xml skips a byte-order mark at the very start without counting it in the
    // positions it reports, which then all fall three bytes short of their tags (a body
    // sent with a mark read as the element `<>`). So the walk starts after the mark.
    let (xml, base) = match xml.strip_prefix('\u{feff}') {
        Some(rest) => (rest, base + '\u{feff}'.len_utf8()),
        None => (xml, base),
    };
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let locator = std::cell::RefCell::new(Locator::new(whole));
    let position = |offset: u64| locator.borrow_mut().locate(base + offset as usize);

    let mut stack: Vec<Open> = Vec::new();
    let mut texts = String::new();
    let mut roots: Vec<&str> = Vec::new();
    let mut found = Found {
        faults: Vec::new(),
        waiting: Vec::new(),
        finish,
    };
    let mut current: Option<FaultInProgress> = None;
    // The envelope being read.
    let mut envelope: Option<EnvelopeFacts> = None;
    let mut saw_envelope = false;
    let mut first_body_child: Option<String> = None;

    loop {
        let offset = reader.buffer_position();
        // One match on the result, not `map_err(..)?` and then a match on the event: at
        // opt-level "z" each step copied the event again, several percent of a large log's
        // decode.
        match reader.read_event() {
            Err(e) => {
                return Err(DecodeError::MalformedXml {
                    position: position(reader.error_position()),
                    detail: e.to_string(),
                })
            }
            Ok(ref event @ (Event::Start(ref start) | Event::Empty(ref start))) => {
                let name = local_name_in(xml, offset as usize, start);
                let role = Role::of(name);
                open_element(
                    name,
                    role,
                    start,
                    &stack,
                    &mut roots,
                    &mut envelope,
                    &mut saw_envelope,
                    &mut first_body_child,
                );
                on_open(name, role, &stack, &mut current, offset, &position);
                if let Some(parent) = stack.last_mut() {
                    parent.has_children = true;
                }
                let element = Open {
                    name,
                    role,
                    offset: offset as usize,
                    text_start: texts.len(),
                    has_children: false,
                };
                // `<x/>` opens and closes at once.
                if matches!(event, Event::Empty(_)) {
                    on_close(
                        &element,
                        "",
                        &stack,
                        &mut current,
                        &mut found,
                        &mut envelope,
                    );
                } else if stack.len() == MAX_DEPTH {
                    return Err(DecodeError::TooDeep {
                        limit: MAX_DEPTH,
                        position: position(offset),
                    });
                } else {
                    stack.push(element);
                }
            }
            Ok(Event::End(end)) => {
                // quick-xml refuses an unmatched end tag itself, but only as long as its
                // configuration says so; the walk does not rest on that.
                let Some(element) = stack.pop() else {
                    let name = end.name().as_ref().to_owned();
                    return Err(DecodeError::MalformedXml {
                        position: position(offset),
                        detail: quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(name))
                            .to_string(),
                    });
                };
                let text = &texts[element.text_start..];
                on_close(
                    &element,
                    text,
                    &stack,
                    &mut current,
                    &mut found,
                    &mut envelope,
                );
                texts.truncate(element.text_start);
            }
            // Text is decoded only where it will be read: most of a large input is not.
            Ok(Event::Text(text)) if text_wanted(&stack, &current) => {
                append_text(&stack, &current, &mut texts, &text.xml10_content())
            }
            Ok(Event::Text(_)) => {}
            Ok(Event::CData(data)) => {
                let text = data.into_inner();
                append_text(&stack, &current, &mut texts, &text);
            }
            Ok(Event::GeneralRef(reference)) => {
                let mut utf8 = [0; 4];
                let resolved = match resolve_reference(&reference, &mut utf8) {
                    Ok(resolved) => resolved,
                    Err(Unresolved::CharRef(e)) => {
                        return Err(DecodeError::MalformedXml {
                            position: position(offset),
                            detail: e.to_string(),
                        })
                    }
                    Err(Unresolved::Undefined) => {
                        return Err(DecodeError::MalformedXml {
                            position: position(offset),
                            detail: format!(
                                "the entity &{}; is not defined (XML without a DOCTYPE has only &lt; &gt; &amp; &apos; &quot;)",
                                &*reference
                            ),
                        })
                    }
                };
                append_text(&stack, &current, &mut texts, resolved);
            }
            Ok(Event::DocType(_)) => {
                return Err(DecodeError::Doctype {
                    position: position(offset),
                })
            }
            Ok(Event::Decl(_)) | Ok(Event::PI(_)) | Ok(Event::Comment(_)) => {}
            Ok(Event::Eof) => break,
        }
    }

    if let Some(open) = stack.first() {
        return Err(DecodeError::Truncated {
            element: open.name.to_owned(),
            opened: position(open.offset as u64),
        });
    }
    if found.faults.is_empty() {
        return Err(if saw_envelope {
            DecodeError::NoFault {
                body_content: first_body_child,
            }
        } else if let Some(root) = roots.first() {
            DecodeError::NotSoap {
                root: (*root).to_owned(),
            }
        } else {
            DecodeError::PlainText
        });
    }
    let shape = match roots.as_slice() {
        [only] if *only == "Envelope" => XmlShape::Envelope,
        [only] if *only == "Fault" => XmlShape::BareFault,
        _ => XmlShape::Log,
    };
    Ok(Walk {
        shape,
        faults: found.faults,
    })
}

/// Why a reference in text (`&…;`) stands for nothing.
#[derive(Debug)]
pub(super) enum Unresolved {
    /// `&#…;` that is not a number, or names no character XML allows.
    CharRef(quick_xml::Error),
    /// A name other than the five every XML document has.
    Undefined,
}

/// The text a reference such as `&amp;` or `&#x41;` stands for, resolved by quick-xml: a
/// character reference into `utf8`, so that a log full of them allocates nothing per
/// reference. Names go to `resolve_xml_entity`, not `resolve_predefined_entity`, which
/// would accept all of HTML5's names as soon as any crate in a build turned on quick-xml's
/// `escape-html`. With no DOCTYPE allowed, nothing else can define an entity.
pub(super) fn resolve_reference<'a>(
    reference: &BytesRef,
    utf8: &'a mut [u8; 4],
) -> Result<&'a str, Unresolved> {
    match reference.resolve_char_ref() {
        Ok(Some(ch)) => Ok(ch.encode_utf8(utf8)),
        Ok(None) => resolve_xml_entity(reference).ok_or(Unresolved::Undefined),
        Err(e) => Err(Unresolved::CharRef(e)),
    }
}

/// Bookkeeping common to every opening tag.
#[allow(clippy::too_many_arguments)]
fn open_element<'a>(
    name: &'a str,
    role: Role,
    start: &BytesStart,
    stack: &[Open],
    roots: &mut Vec<&'a str>,
    envelope: &mut Option<EnvelopeFacts>,
    saw_envelope: &mut bool,
    first_body_child: &mut Option<String>,
) {
    let parent = stack.last().map(|o| o.role);
    if stack.is_empty() {
        roots.push(name);
    }
    if role == Role::Envelope && envelope.is_none() {
        *saw_envelope = true;
        *envelope = Some(EnvelopeFacts {
            namespace: namespace_of(start),
            ..EnvelopeFacts::default()
        });
    }
    if let Some(facts) = envelope.as_mut() {
        if parent == Some(Role::Envelope) && role == Role::Header {
            facts.has_header = true;
        }
        if parent == Some(Role::Body) {
            if first_body_child.is_none() {
                *first_body_child = Some(name.to_owned());
            }
            if role != Role::Fault {
                if facts.body_extras.has_room() {
                    facts.body_extras.push(name.to_owned());
                } else {
                    facts.body_extras.count_one();
                }
            }
        }
    }
}

/// The local name of the element whose tag starts at byte `offset` of `xml`, as a slice of
/// `xml` itself. quick-xml reports where each event starts; the name follows the `<`.
fn local_name_in<'a>(xml: &'a str, offset: usize, start: &BytesStart) -> &'a str {
    let qualified_len = start.name().as_ref().len();
    let name = xml
        .get(offset + 1..offset + 1 + qualified_len)
        .filter(|_| xml.as_bytes().get(offset) == Some(&b'<'))
        .unwrap_or_default();
    match name.bytes().rposition(|b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// The namespace URI bound to the element's own prefix, if declared on the element itself.
fn namespace_of(start: &BytesStart) -> Option<String> {
    let name = start.name();
    let prefix = name.prefix().map(|p| p.into_inner());
    // `xmlns:p` for a prefixed element, plain `xmlns` otherwise; compared in place, since
    // every envelope of a large log comes through here.
    let binds_prefix = |key: &str| match (prefix, key.strip_prefix("xmlns")) {
        (Some(p), Some(rest)) => rest.strip_prefix(':') == Some(p),
        (None, Some(rest)) => rest.is_empty(),
        (_, None) => false,
    };
    start
        .attributes()
        .flatten()
        .find(|a| binds_prefix(a.key.into_inner()))
        .map(|a| a.value.into_owned())
}

fn on_open(
    name: &str,
    role: Role,
    stack: &[Open],
    current: &mut Option<FaultInProgress>,
    offset: u64,
    position: &impl Fn(u64) -> Position,
) {
    match current {
        None if role == Role::Fault => {
            *current = Some(FaultInProgress {
                depth: stack.len(),
                fault: RawFault {
                    position: Some(position(offset)),
                    ..RawFault::default()
                },
            });
        }
        Some(progress) => {
            let inside = &stack[progress.depth + 1..];
            let in_detail = inside.first().is_some_and(|o| o.role == Role::Detail);
            if in_detail {
                let detail = &mut progress.fault.detail;
                if role == Role::RefreshResult {
                    detail.refresh.get_or_insert_with(RefreshToken::default);
                }
                if role == Role::UpnpError {
                    detail.upnp.get_or_insert_with(UpnpError::default);
                }
            }
            if inside.is_empty() {
                match name {
                    "Code" | "Reason" => progress.fault.soap12_shape = true,
                    "faultcode" | "faultstring" | "faultactor" | "Node" | "Role" => {}
                    _ if name.eq_ignore_ascii_case("detail") => {}
                    _ if progress.fault.stray_elements.has_room() => {
                        progress.fault.stray_elements.push(name.to_owned())
                    }
                    _ => progress.fault.stray_elements.count_one(),
                }
            }
        }
        None => {}
    }
}

/// Whether the text now starting belongs to an element whose text is read: a fault's own
/// fields, the recognised detail elements, detail rows while there is room for them, or a
/// SOAP Body (where loose text is a finding).
fn text_wanted(stack: &[Open], current: &Option<FaultInProgress>) -> bool {
    let Some(top) = stack.last() else {
        return false;
    };
    let Some(progress) = current else {
        return top.role == Role::Body;
    };
    let in_detail = stack
        .get(progress.depth + 1)
        .is_some_and(|o| o.role == Role::Detail);
    !in_detail || progress.fault.detail.other.has_room() || DETAIL_FIELDS.contains(&top.name)
}

/// The detail elements `record_detail` reads by name: their text is always wanted.
const DETAIL_FIELDS: &[&str] = &[
    "ExceptionInfo",
    "SonosError",
    "authToken",
    "privateKey",
    "errorCode",
    "errorDescription",
];

/// Text is kept only where it can matter (inside a fault, or loose in a SOAP Body), so a large
/// log costs memory for its faults, not for everything around them.
fn append_text(stack: &[Open], current: &Option<FaultInProgress>, texts: &mut String, text: &str) {
    let Some(top) = stack.last() else {
        return;
    };
    if current.is_some() || top.role == Role::Body {
        // A byte-order mark in text is a leftover of joined files (see log_prefix), never
        // content. Looked for by its first byte: `contains` with a three-byte char runs a
        // general substring search.
        if text.as_bytes().contains(&0xEF) {
            texts.extend(text.chars().filter(|&c| c != '\u{feff}'));
        } else {
            texts.push_str(text);
        }
    }
}

fn on_close<T>(
    element: &Open,
    text: &str,
    stack: &[Open],
    current: &mut Option<FaultInProgress>,
    found: &mut Found<T, impl FnMut(RawFault) -> T>,
    envelope: &mut Option<EnvelopeFacts>,
) {
    if element.role == Role::Body && !text.trim().is_empty() {
        if let Some(facts) = envelope.as_mut() {
            facts.body_extras.push("#text".to_owned());
        }
    }
    // The Fault itself closes.
    if let Some(progress) = current.take_if(|progress| stack.len() == progress.depth) {
        found.fault_closed(progress.fault, envelope.is_some());
    } else if let Some(progress) = current.as_mut() {
        record_field(
            &mut progress.fault,
            &stack[progress.depth + 1..],
            element,
            text,
        );
    }
    if element.role == Role::Envelope {
        if let Some(facts) = envelope.take() {
            found.envelope_closed(facts);
        }
    }
}

/// Records a closing element inside a Fault. `inside` holds the open elements between the
/// Fault and this one (this one not included): only its first and last entries are looked at,
/// so the work per element does not grow with the depth.
fn record_field(fault: &mut RawFault, inside: &[Open], element: &Open, text: &str) {
    let names = |i: usize| inside.get(i).map(|o| o.name);
    let own = text;
    let text = || own.trim().to_owned();
    match (inside.len(), names(0), names(1), element.name) {
        (0, _, _, "faultcode") => fault.faultcode = Some(text()),
        (0, _, _, "faultstring") => fault.faultstring = Some(text()),
        (0, _, _, "faultactor") => fault.faultactor = Some(text()),
        (1, Some("Code"), _, "Value") => {
            fault.code_value = Some(text());
            fault.faultcode.get_or_insert_with(text);
        }
        // A Subcode names the specific code, so it wins over Code/Value.
        (2, Some("Code"), Some("Subcode"), "Value") => fault.faultcode = Some(text()),
        (1, Some("Reason"), _, "Text") => {
            fault.faultstring.get_or_insert_with(text);
        }
        (1.., Some(_), _, _) if inside[0].role == Role::Detail => {
            record_detail(&mut fault.detail, &inside[1..], element, own);
        }
        _ => {}
    }
}

/// Records an element inside `detail`; `above` holds the open elements between the detail
/// and this one. Every name matched here is in [`DETAIL_FIELDS`], so that its text is kept
/// even once the rows are full.
fn record_detail(detail: &mut Detail, above: &[Open], element: &Open, own: &str) {
    let name = element.name;
    let parent_role = above.last().map(|o| o.role);
    let in_refresh = parent_role == Some(Role::RefreshResult);
    let in_upnp = parent_role == Some(Role::UpnpError);
    let text = || own.trim().to_owned();
    match name {
        "ExceptionInfo" => detail.exception_info = Some(text()),
        "SonosError" => detail.sonos_error = Some(text()),
        "authToken" if in_refresh => {
            detail
                .refresh
                .get_or_insert_with(RefreshToken::default)
                .auth_token = Some(text())
        }
        "privateKey" if in_refresh => {
            detail
                .refresh
                .get_or_insert_with(RefreshToken::default)
                .private_key = Some(text())
        }
        "errorCode" if in_upnp => {
            detail.upnp.get_or_insert_with(UpnpError::default).code = Some(text())
        }
        "errorDescription" if in_upnp => {
            detail
                .upnp
                .get_or_insert_with(UpnpError::default)
                .description = Some(text())
        }
        _ if !element.has_children && !in_refresh && !in_upnp && element.role.may_be_a_row() => {
            // The path is built only for rows that are kept.
            if detail.other.has_room() {
                let mut path = String::new();
                for open in above {
                    path.push_str(open.name);
                    path.push('/');
                }
                path.push_str(name);
                detail.other.push((path, text()));
            } else {
                detail.other.count_one();
            }
        }
        _ => {}
    }
}

/// The element names the walk treats specially, worked out once per element so that the rest
/// of the walk compares a byte, not a string. Services differ in case for `detail` and
/// `refreshAuthTokenResult`, so those two ignore it; the SOAP structure names are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Envelope,
    Header,
    Body,
    Fault,
    Detail,
    RefreshResult,
    UpnpError,
    /// A wrapper whose children carry the content; an empty one is not "other" detail.
    CustomFault,
    Other,
}

impl Role {
    fn of(name: &str) -> Role {
        // Most names in a large log are none of these. Matching on the length and first
        // byte rules them out without a string comparison (a call to memcmp each).
        let first = name.as_bytes().first().map(u8::to_ascii_lowercase);
        match (name.len(), first) {
            (8, Some(b'e')) if name == "Envelope" => Role::Envelope,
            (6, Some(b'h')) if name == "Header" => Role::Header,
            (4, Some(b'b')) if name == "Body" => Role::Body,
            (5, Some(b'f')) if name == "Fault" => Role::Fault,
            (9, Some(b'u')) if name == "UPnPError" => Role::UpnpError,
            (11, Some(b'c')) if name == "customFault" => Role::CustomFault,
            (6, Some(b'd')) if name.eq_ignore_ascii_case("detail") => Role::Detail,
            (22, Some(b'r')) if name.eq_ignore_ascii_case("refreshAuthTokenResult") => {
                Role::RefreshResult
            }
            _ => Role::Other,
        }
    }

    /// Whether an empty element of this role inside a detail is listed as a detail row: the
    /// SOAP structure names count there like any other name.
    fn may_be_a_row(self) -> bool {
        matches!(
            self,
            Role::Other | Role::Envelope | Role::Header | Role::Body | Role::Fault
        )
    }
}
