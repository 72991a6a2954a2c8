//! The five output formats. Each prints the same inputs, and each input's faults one at a time
//! as they are explained (so neither a thousand captures nor a log of thousands of faults is
//! held explained whole), then a closing part with the totals.

mod github;
mod json;
mod junit;
mod sarif;
mod text;

use std::io::{self, Write};

use fix1002_core::fault::messages::Context;

use crate::args::{FailOn, Format};
use crate::checked::{FaultView, InputHead, Tally};

/// What every format needs besides the inputs.
pub struct Setting<'a> {
    pub contexts: &'a [Context],
    pub fail_on: FailOn,
    /// Whether the text format may colour its output.
    pub colour: bool,
    /// Whether secrets are shown (`--show-secrets`); the JSON document says so.
    pub show_secrets: bool,
}

/// One output format. For each input, either `problem`, or `begin`, `fault` for each of its
/// faults, and `end`.
pub trait Render {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// An input that holds no fault to check, or cannot be read, and why.
    fn problem(&mut self, out: &mut dyn Write, name: &str, message: &str) -> io::Result<()>;
    fn begin(&mut self, out: &mut dyn Write, name: &str, head: &InputHead) -> io::Result<()>;
    fn fault(&mut self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()>;
    fn end(&mut self, out: &mut dyn Write, name: &str) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()>;
}

pub fn renderer<'a>(format: Format, setting: Setting<'a>) -> Box<dyn Render + 'a> {
    match format {
        Format::Text => Box::new(text::Text::new(setting)),
        Format::Json => Box::new(json::Json::new(setting)),
        Format::Sarif => Box::new(sarif::Sarif::new(setting)),
        Format::Junit => Box::new(junit::Junit::new(setting)),
        Format::Github => Box::new(github::Github::new(setting)),
    }
}

/// The id a context has on the command line and in the JSON output.
pub fn context_id(context: Context) -> &'static str {
    match context {
        Context::Browse => "browse",
        Context::Search => "search",
        Context::AccountSetup => "setup",
        Context::Streaming => "streaming",
    }
}

/// "Browse, Search": the contexts' labels, as the web page's Context control names them.
pub fn context_labels(contexts: &[Context]) -> String {
    contexts
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 fault", "2 faults".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
