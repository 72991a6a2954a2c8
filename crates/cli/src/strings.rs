//! `fix1002 strings check`: reads a localization resource, gathers the custom messages the
//! captures' faults ask for, and prints what the core's resource check finds, in the same
//! formats and with the same exit codes as `fix1002 check`.

use std::io::{self, IsTerminal};

use fix1002_core::fault::findings::parse_sonos_error;
use fix1002_core::fault::strings::{self, check_resource, StringTable, UsedKey};
use fix1002_core::fault::{text_of_file, MAX_INPUT_BYTES};

use crate::args::{Format, StringsCheckArgs};
use crate::check::decode;
use crate::checked::{InputHead, Tally};
use crate::inputs::{self, Input};
use crate::output::{self, Setting, Sink, Subject};

/// Runs `fix1002 strings check`: the exit code, or a message for a usage problem.
pub fn run(args: &StringsCheckArgs) -> Result<u8, String> {
    let resource = if args.resource.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.resource.clone())
    };
    let captures = inputs::expand(&args.used_by);
    if resource == Input::Stdin && captures.contains(&Input::Stdin) {
        return Err(
            "standard input can be read once: give the resource or the captures as files."
                .to_owned(),
        );
    }
    if resource == Input::Stdin && io::stdin().is_terminal() {
        return Err(
            "- reads the resource from standard input, which is a terminal: pipe it in or name the file."
                .to_owned(),
        );
    }

    let stdout = io::stdout();
    let colour = args.format == Format::Text && stdout.is_terminal() && crate::colour_allowed();
    let mut renderer = output::renderer(
        args.format,
        Setting {
            subject: Subject::Strings,
            contexts: &[],
            fail_on: args.fail_on,
            colour,
            show_secrets: false,
        },
    );
    let mut out = Sink::new(io::BufWriter::new(stdout.lock()));
    let mut tally = Tally::default();
    out.catch(|w| renderer.start(w));

    // The captures first: only the custom messages they ask for are kept, one input at a time.
    let mut used = Vec::new();
    for capture in &captures {
        let name = capture.name();
        match decode(capture) {
            Ok(decoded) => {
                tally.add_input();
                for fault in &decoded.faults {
                    let number = fault
                        .detail
                        .sonos_error
                        .as_deref()
                        .and_then(parse_sonos_error);
                    if let Some(number) = number {
                        let by = match decoded.location_of(fault) {
                            Some(p) => format!("{name}:{}:{}", p.line, p.column),
                            None => name.clone(),
                        };
                        used.push(UsedKey { number, by });
                    }
                }
            }
            Err(message) => {
                tally.add_problem();
                problem(args.format, &mut out, &mut *renderer, &name, &message);
            }
        }
    }

    let name = resource.name();
    match read_resource(&resource) {
        Ok(table) => {
            tally.add_input();
            let keys = check_resource(&table, &used);
            out.catch(|w| renderer.begin(w, &name, &InputHead::of_resource(&table, keys.len())));
            for key in &keys {
                tally.add_key(key, |severity| args.fail_on.fails(severity));
                out.catch(|w| renderer.key(w, &name, key));
            }
            out.catch(|w| renderer.end(w, &name));
        }
        Err(message) => {
            tally.add_problem();
            problem(args.format, &mut out, &mut *renderer, &name, &message);
        }
    }
    out.catch(|w| renderer.finish(w, &tally));
    out.close(&tally)
}

/// An input that cannot be checked, said in the output and, for the formats that keep
/// standard output for a document, on standard error too, where a person reading a CI log
/// sees it.
fn problem(
    format: Format,
    out: &mut Sink<impl io::Write>,
    renderer: &mut dyn output::Render,
    name: &str,
    message: &str,
) {
    if format != Format::Text {
        eprintln!("fix1002: {name}: {message}");
    }
    out.catch(|w| renderer.problem(w, name, message));
}

/// The resource, or why it cannot be read or parsed.
fn read_resource(input: &Input) -> Result<StringTable, String> {
    let bytes = input.read()?;
    let text = text_of_file(&bytes, MAX_INPUT_BYTES).map_err(|error| error.to_string())?;
    strings::parse(text).map_err(|error| error.to_string())
}
