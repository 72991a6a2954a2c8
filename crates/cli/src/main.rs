//! `fix1002`: the Fix 1002 decoder on the command line. `fix1002 check` decodes captured SMAPI
//! fault responses and checks them against Sonos' rules, offline, printing the same
//! explanation as the web page in a format for people or for CI. See crates/cli/README.md.

#![forbid(unsafe_code)]

mod args;
mod checked;
mod compose;
mod inputs;
mod output;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use fix1002_core::fault::messages::{Context, Names};
use fix1002_core::fault::strings::{self, StringTable};
use fix1002_core::fault::{decode_bytes, text_of_file, MAX_INPUT_BYTES};

use args::{chosen_contexts, CheckArgs, Cli, Command, Format};
use checked::{fault_views, InputHead, Options, Tally};
use inputs::Input;
use output::Setting;

/// The exit code of a usage error or an input that cannot be checked, as clap gives its own.
const CANNOT_CHECK: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => match check(&args) {
            Ok(code) => ExitCode::from(code),
            Err(message) => {
                eprintln!("fix1002: {message}");
                ExitCode::from(CANNOT_CHECK)
            }
        },
        Command::Compose(args) => match compose::run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("fix1002: {message}");
                ExitCode::from(CANNOT_CHECK)
            }
        },
    }
}

/// Runs `fix1002 check`: the exit code, or a message for a problem that stops the whole run
/// (an unreadable --strings file, nothing to read).
fn check(args: &CheckArgs) -> Result<u8, String> {
    let mut contexts = chosen_contexts(&args.context);
    if contexts.is_empty() {
        contexts = Context::ALL.to_vec();
    }
    let table = match &args.strings {
        Some(path) => Some(read_strings(path)?),
        None => None,
    };
    let language = match (&args.language, &table) {
        (Some(language), _) => language.clone(),
        (None, Some(table)) => table.default_language().unwrap_or_default().to_owned(),
        (None, None) => String::new(),
    };
    let options = Options {
        contexts: &contexts,
        names: Names {
            service: args.service.as_deref().unwrap_or_default(),
            item: args.item.as_deref().unwrap_or_default(),
        },
        strings: table.as_ref(),
        language: &language,
        show_secrets: args.show_secrets,
    };

    let inputs = if args.inputs.is_empty() {
        if io::stdin().is_terminal() {
            return Err(
                "name the files or directories to check, or - to read standard input (see fix1002 check --help)."
                    .to_owned(),
            );
        }
        vec![Input::Stdin]
    } else {
        inputs::expand(&args.inputs)
    };

    let stdout = io::stdout();
    let colour = args.format == Format::Text && stdout.is_terminal() && colour_allowed();
    let mut renderer = output::renderer(
        args.format,
        Setting {
            contexts: &contexts,
            fail_on: args.fail_on,
            colour,
            show_secrets: args.show_secrets,
        },
    );
    let mut out = Output::new(io::BufWriter::new(stdout.lock()));
    let mut tally = Tally::default();
    out.catch(|w| renderer.start(w));
    for input in &inputs {
        let name = input.name();
        let decoded = match input.read() {
            Ok(bytes) => decode_bytes(&bytes).map_err(|error| error.to_string()),
            Err(message) => Err(message),
        };
        let decoded = decoded.and_then(|decoded| {
            // The decoder reports an input without faults as an error; this stays in case it
            // ever does not, so that an empty result never passes for a clean one.
            if decoded.faults.is_empty() {
                Err("No SOAP fault was found in this input.".to_owned())
            } else {
                Ok(decoded)
            }
        });
        match decoded {
            Err(message) => {
                tally.add_problem();
                // The text format says it in its place; the others keep standard output for
                // the document, so a person reading the CI log learns it here.
                if args.format != Format::Text {
                    eprintln!("fix1002: {name}: {message}");
                }
                out.catch(|w| renderer.problem(w, &name, &message));
            }
            Ok(decoded) => {
                tally.add_input();
                out.catch(|w| renderer.begin(w, &name, &InputHead::of(&decoded)));
                for fault in fault_views(&decoded, &options) {
                    tally.add_fault(&fault, |severity| args.fail_on.fails(severity));
                    out.catch(|w| renderer.fault(w, &name, &fault));
                }
                out.catch(|w| renderer.end(w, &name));
            }
        }
        out.catch(|w| w.flush());
    }
    out.catch(|w| renderer.finish(w, &tally));
    out.catch(|w| w.flush());
    match out.error {
        // A reader that stopped early (`| head`) is no failure of the check.
        Some(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {error}"))
        }
        _ => Ok(tally.exit_code()),
    }
}

fn read_strings(path: &std::path::Path) -> Result<StringTable, String> {
    let name = inputs::display(path);
    let bytes = Input::File(path.to_path_buf())
        .read()
        .map_err(|message| format!("--strings {name}: {message}"))?;
    let text = text_of_file(&bytes, MAX_INPUT_BYTES)
        .map_err(|error| format!("--strings {name}: {error}"))?;
    strings::parse(text).map_err(|error| format!("--strings {name}: {error}"))
}

/// Colour is off when `NO_COLOR` is set to anything but the empty string (no-color.org).
fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// Standard output that remembers its first error and writes nothing after it, so the check
/// still runs to the end and its exit code still counts every input.
struct Output<W: Write> {
    writer: W,
    error: Option<io::Error>,
}

impl<W: Write> Output<W> {
    fn new(writer: W) -> Self {
        Output {
            writer,
            error: None,
        }
    }

    fn catch(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        if self.error.is_none() {
            if let Err(error) = write(&mut self.writer) {
                self.error = Some(error);
            }
        }
    }
}
