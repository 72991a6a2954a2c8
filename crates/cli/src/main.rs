//! `fix1002`: the Fix 1002 decoder on the command line. `fix1002 check` decodes captured SMAPI
//! fault responses and checks them against Sonos' rules, offline, printing the same
//! explanation as the web page in a format for people or for CI; `fix1002 strings check` checks
//! a localization resource's custom messages; `fix1002 compose` writes the fault to send. See
//! crates/cli/README.md.

#![forbid(unsafe_code)]

mod args;
mod check;
mod checked;
mod compose;
mod inputs;
mod output;
mod strings;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command, StringsCommand};

/// The exit code of a usage error or an input that cannot be checked, as clap gives its own.
const CANNOT_CHECK: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Compose(args) => compose::run(&args).map(|()| 0),
        Command::Strings(StringsCommand::Check(args)) => strings::run(&args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("fix1002: {message}");
            ExitCode::from(CANNOT_CHECK)
        }
    }
}

/// Colour is off when `NO_COLOR` is set to anything but the empty string (no-color.org).
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}
