//! The SMAPI fault decoder: pasted text in, faults and conformance findings out.
//!
//! Pure functions over `&str` (or bytes, for dropped files): nothing here knows about the
//! browser, and nothing pasted is stored or sent anywhere. The flow is:
//! [`capture`] (with `trace_ascii` and `wget`) reads what tools print around HTTP messages,
//! [`http`] splits a raw HTTP response, `json_log` finds faults in structured logs' strings,
//! [`envelope`] walks the XML with quick-xml, [`decode`] turns each raw Fault into a
//! [`Fault`] with its code ([`codes`]), and [`findings`] checks it against Sonos' rules;
//! [`messages`] gives what the user sees in each context, [`strings`] reads localization
//! resources for custom messages, and [`upnp`] explains faults that came from a speaker
//! rather than from a music service.

pub mod capped;
pub mod capture;
pub mod codes;
pub mod compose;
mod context;
mod decode;
pub mod envelope;
pub mod error;
pub mod example;
pub mod explain;
pub mod findings;
pub mod har;
pub mod http;
mod json_log;
mod log_prefix;
pub mod messages;
mod model;
pub mod operation;
pub mod report;
pub mod request;
pub mod rows;
mod scan;
pub mod secrets;
pub mod strings;
mod trace_ascii;
pub mod upnp;
mod wget;

pub use decode::{
    decode, decode_bytes, decode_bytes_within, text_of_file, Decoded, Exchange, Fault, InputKind,
    MAX_INPUT_BYTES,
};
pub use error::{DecodeError, Position};
