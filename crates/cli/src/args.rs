//! The command line's grammar: what `fix1002 --help` and `fix1002 check --help` say. clap
//! answers a usage error with exit code 2, the code this tool gives any input it cannot check.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use fix1002_core::fault::findings::Severity;
use fix1002_core::fault::messages::Context;

#[derive(Debug, Parser)]
#[command(
    name = "fix1002",
    version,
    about = "Checks captured SMAPI fault responses against Sonos' rules, offline.",
    long_about = "Checks captured SMAPI fault responses against Sonos' rules, offline: the same \
decoder and explanation as the Fix 1002 web page. Nothing is ever sent anywhere.",
    after_help = "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a usage \
error, or an input that holds no fault or cannot be read."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decode every fault in captured responses, logs or HAR files, and check it against
    /// Sonos' rules.
    #[command(
        long_about = "Decodes every fault in the inputs (raw HTTP responses, curl and wget output, \
HAR files, logs, SOAP envelopes, bare Fault elements) and prints, for each fault, its code and \
type, its meaning, what the Sonos user sees in each chosen context, and every finding with its \
severity, rule, basis and fix, at the file, line and column of the fault.\n\nSecrets (tokens, \
keys, cookies, household and device ids) are hidden in every format, as in the web page's \
report, and long values are cut; --show-secrets shows them whole.",
        after_help = "Exit codes:\n  0  nothing at or above --fail-on\n  1  findings at or above \
--fail-on\n  2  a usage error, or an input that holds no fault (a success response, plain text, \
a broken capture) or cannot be read, whatever --fail-on says; the message names the file and \
why\n\nExamples:\n  fix1002 check captures/\n  curl -si -d @request.xml https://example.com/smapi \
| fix1002 check -\n  fix1002 check --format sarif --fail-on warning captures/ > fix1002.sarif"
    )]
    Check(CheckArgs),
    /// Write the fault to send for a code: the exact HTTP response, the localization entries
    /// of a custom message, and what the user sees in each context.
    #[command(
        long_about = "Writes the fault a service should send for a code, built the way Sonos \
requires: status 500, text/xml, an envelope whose Body holds only the Fault, the faultcode with \
its type, and the detail for a custom message (SonosError) or for TokenRefreshRequired's new \
tokens. With --format http (the default) the whole response; xml, the envelope alone; json, \
everything, with the Error<N>Message entries and what the user sees in each context. Where \
Sonos' reference gives no rule, the notes (on standard error, or in the JSON) say what was \
chosen.",
        after_help = "Examples:\n  fix1002 compose --code LoginUnsupported --sonos-error 27 \
--message 'Rating is only for premium members.'\n  fix1002 compose --code ItemNotFound | \
fix1002 check --fail-on warning -"
    )]
    Compose(ComposeArgs),
    /// Work with a service's localization resource, where custom error messages live.
    #[command(subcommand)]
    Strings(StringsCommand),
}

#[derive(Debug, Subcommand)]
pub enum StringsCommand {
    /// Check a localization resource against Sonos' rules for custom error messages.
    #[command(
        long_about = "Checks a localization resource (the legacy XML string table or the i18next \
JSON) against Sonos' rules for custom error messages: the file parses; no Error<N>Message is \
longer than 125 characters; each is in every one of the 12 languages Sonos supports (en-US, \
da-DK, de-DE, es-ES, fr-FR, it-IT, ja-JP, nb-NO, nl-NL, pt-BR, sv-SE, zh-CN; Sonos \
documentation: Strings and localization); its number is one SonosError can carry (0 to 999). \
With --used-by, every Error<N>Message that a fault in the captures asks for (with SonosError) \
must exist. Other keys of the resource are passed over.",
        after_help = "Exit codes:\n  0  nothing at or above --fail-on\n  1  findings at or above \
--fail-on\n  2  a usage error, a resource that cannot be read or parsed, or a capture that holds \
no fault or cannot be read, whatever --fail-on says; the message names the file and why\n\n\
Examples:\n  fix1002 strings check strings.json\n  fix1002 strings check strings.xml --used-by \
captures/ --fail-on warning\n  fix1002 strings check --format sarif strings.json --used-by \
captures/ > strings.sarif"
    )]
    Check(StringsCheckArgs),
}

#[derive(Debug, Args)]
pub struct StringsCheckArgs {
    /// The localization resource, or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub resource: PathBuf,

    /// Captured responses (files, directories, or `-` for standard input) whose faults' custom
    /// messages must be in the resource. Read like `fix1002 check`'s inputs.
    #[arg(long, value_name = "CAPTURES", num_args = 1..)]
    pub used_by: Vec<PathBuf>,

    /// How to print the results.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,

    /// The least severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "error", value_name = "SEVERITY")]
    pub fail_on: FailOn,
}

#[derive(Debug, Args)]
pub struct ComposeArgs {
    /// One of the 18 codes Sonos defines, spelt as Sonos spells it (LoginInvalid,
    /// NOT_LINKED_RETRY).
    #[arg(long, value_name = "CODE")]
    pub code: String,

    /// The custom message's number, 0 to 999 (Error<N>Message in the localization resource).
    #[arg(long, value_name = "N", requires = "message")]
    pub sonos_error: Option<u32>,

    /// The custom message's text, which the user sees in place of Sonos' own.
    #[arg(long, value_name = "TEXT", requires = "sonos_error")]
    pub message: Option<String>,

    /// TokenRefreshRequired's new token.
    #[arg(long, value_name = "T", requires = "private_key")]
    pub auth_token: Option<String>,

    /// TokenRefreshRequired's new refresh token.
    #[arg(long, value_name = "K", requires = "auth_token")]
    pub private_key: Option<String>,

    /// The faultstring, which Sonos' logs keep [default: what the code means].
    #[arg(long, value_name = "TEXT")]
    pub faultstring: Option<String>,

    /// What to print.
    #[arg(long, value_enum, default_value = "http")]
    pub format: ComposeFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ComposeFormat {
    /// The whole HTTP response, ready to send or to pipe into `fix1002 check -`.
    Http,
    /// The SOAP envelope alone.
    Xml,
    /// Everything compose knows, as one JSON document (version 1).
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check, or `-` for standard input. Directories are walked in
    /// name order, skipping names that start with a dot. With none, standard input is read
    /// unless it is a terminal.
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    /// Where the Sonos user was when the fault happened; repeat it or separate with commas
    /// for several. Every finding is checked in each chosen context.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "all")]
    pub context: Vec<ContextArg>,

    /// The music service's name, for the messages' placeholders.
    #[arg(long, value_name = "NAME")]
    pub service: Option<String>,

    /// The item being played, for the streaming messages' placeholder.
    #[arg(long, value_name = "NAME")]
    pub item: Option<String>,

    /// The service's localization resource (XML string table or i18next JSON), to check the
    /// custom messages faults ask for with SonosError.
    #[arg(long, value_name = "FILE")]
    pub strings: Option<PathBuf>,

    /// The language of --strings to show custom messages in [default: en-US if the resource
    /// has it, else its first language].
    #[arg(long, value_name = "TAG", requires = "strings")]
    pub language: Option<String>,

    /// How to print the results.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,

    /// The least severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "error", value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Show secrets and identifiers, and long values whole, instead of hiding them.
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContextArg {
    /// Browsing the service's catalogue.
    Browse,
    /// Searching it.
    Search,
    /// Adding the service to Sonos (account set-up).
    #[value(alias = "account-setup")]
    Setup,
    /// Playing music.
    Streaming,
    /// All four.
    All,
}

impl ContextArg {
    fn contexts(self) -> &'static [Context] {
        match self {
            ContextArg::Browse => &[Context::Browse],
            ContextArg::Search => &[Context::Search],
            ContextArg::Setup => &[Context::AccountSetup],
            ContextArg::Streaming => &[Context::Streaming],
            ContextArg::All => &Context::ALL,
        }
    }
}

/// The chosen contexts, each once, in the order of `Context::ALL` so output is the same
/// whatever order they were named in.
pub fn chosen_contexts(args: &[ContextArg]) -> Vec<Context> {
    Context::ALL
        .into_iter()
        .filter(|c| args.iter().any(|a| a.contexts().contains(c)))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: the report's layout, with file:line:column; colour on a terminal only.
    Text,
    /// One JSON document, schema version 1 (see crates/cli/README.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
    Sarif,
    /// JUnit XML, for GitLab, Jenkins and other CI test reports.
    Junit,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// Exit 1 for no finding; inputs that cannot be checked still exit 2.
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` fails the check.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity == Severity::Error,
            FailOn::Warning => severity <= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }
}
