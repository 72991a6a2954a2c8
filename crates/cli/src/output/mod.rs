//! The five output formats, shared by `fix1002 check` and `fix1002 strings check`. Each prints
//! the same inputs, and each input's faults one at a time as they are explained (so neither a
//! thousand captures nor a log of thousands of faults is held explained whole), or a
//! localization resource's keys, then a closing part with the totals.

mod github;
mod json;
mod junit;
mod sarif;
mod text;

use std::io::{self, Write};

use fix1002_core::fault::messages::Context;
use fix1002_core::fault::strings::KeyCheck;

use crate::args::{FailOn, Format};
use crate::checked::{FaultView, InputHead, Tally};

/// Which command the output is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// `fix1002 check`: captures and their faults.
    Faults,
    /// `fix1002 strings check`: a localization resource and its keys.
    Strings,
}

impl Subject {
    pub fn command(self) -> &'static str {
        match self {
            Subject::Faults => "fix1002 check",
            Subject::Strings => "fix1002 strings check",
        }
    }
}

/// What every format needs besides the inputs.
pub struct Setting<'a> {
    pub subject: Subject,
    /// The contexts faults are explained in; none for `strings check`.
    pub contexts: &'a [Context],
    pub fail_on: FailOn,
    /// Whether the text format may colour its output.
    pub colour: bool,
    /// Whether secrets are shown (`--show-secrets`); the JSON document says so.
    pub show_secrets: bool,
}

/// One output format. For each input, either `problem`, or `begin`, then `fault` for each of
/// its faults (or `key` for each key of a localization resource), and `end`.
pub trait Render {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// An input that holds no fault to check, or cannot be read, and why.
    fn problem(&mut self, out: &mut dyn Write, name: &str, message: &str) -> io::Result<()>;
    fn begin(&mut self, out: &mut dyn Write, name: &str, head: &InputHead) -> io::Result<()>;
    fn fault(&mut self, out: &mut dyn Write, name: &str, fault: &FaultView) -> io::Result<()>;
    fn key(&mut self, out: &mut dyn Write, name: &str, key: &KeyCheck) -> io::Result<()>;
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

/// Standard output that remembers its first error and writes nothing after it, so a check
/// still runs to the end and its exit code still counts every input.
pub struct Sink<W: Write> {
    writer: W,
    pub error: Option<io::Error>,
}

impl<W: Write> Sink<W> {
    pub fn new(writer: W) -> Self {
        Sink {
            writer,
            error: None,
        }
    }

    pub fn catch(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        if self.error.is_none() {
            if let Err(error) = write(&mut self.writer) {
                self.error = Some(error);
            }
        }
    }

    /// The run's exit code, or a message if the output could not be written. A reader that
    /// stopped early (`| head`) is no failure of the check.
    pub fn close(mut self, tally: &Tally) -> Result<u8, String> {
        self.catch(|w| w.flush());
        match self.error {
            Some(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write the output: {error}"))
            }
            _ => Ok(tally.exit_code()),
        }
    }
}
