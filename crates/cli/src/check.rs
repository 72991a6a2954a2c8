//! `fix1002 check`: decodes every input, explains each fault in the chosen contexts, and
//! prints it in the chosen format as it goes.

use std::io::{self, IsTerminal};

use fix1002_core::fault::messages::{Context, Names};
use fix1002_core::fault::strings::{self, StringTable};
use fix1002_core::fault::{decode_bytes_within, text_of_file, Decoded, MAX_INPUT_BYTES};

use crate::args::{chosen_contexts, CheckArgs, Format};
use crate::checked::{fault_views, InputHead, Options, Tally};
use crate::inputs::{self, Input};
use crate::output::{self, Setting, Sink, Subject};

/// Runs `fix1002 check`: the exit code, or a message for a problem that stops the whole run
/// (an unreadable --strings file, nothing to read).
pub fn run(args: &CheckArgs) -> Result<u8, String> {
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
    let colour = args.format == Format::Text && stdout.is_terminal() && crate::colour_allowed();
    let mut renderer = output::renderer(
        args.format,
        Setting {
            subject: Subject::Faults,
            contexts: &contexts,
            fail_on: args.fail_on,
            colour,
            show_secrets: args.show_secrets,
        },
    );
    let mut out = Sink::new(io::BufWriter::new(stdout.lock()));
    let mut tally = Tally::default();
    out.catch(|w| renderer.start(w));
    for input in &inputs {
        let name = input.name();
        let decoded = decode(input);
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
    out.close(&tally)
}

/// The faults of one input, or why it holds none that can be checked.
pub fn decode(input: &Input) -> Result<Decoded, String> {
    let decoded = decode_bytes_within(&input.read()?, inputs::MAX_INPUT_BYTES)
        .map_err(|error| error.to_string())?;
    // The decoder reports an input without faults as an error; this stays in case it ever
    // does not, so that an empty result never passes for a clean one.
    if decoded.faults.is_empty() {
        return Err("No SOAP fault was found in this input.".to_owned());
    }
    Ok(decoded)
}

/// The `--strings` resource, or why it cannot be read.
fn read_strings(path: &std::path::Path) -> Result<StringTable, String> {
    let name = inputs::display(path);
    let bytes = Input::File(path.to_path_buf())
        .read()
        .map_err(|message| format!("--strings {name}: {message}"))?;
    let text = text_of_file(&bytes, MAX_INPUT_BYTES)
        .map_err(|error| format!("--strings {name}: {error}"))?;
    strings::parse(text).map_err(|error| format!("--strings {name}: {error}"))
}
