//! `fix1002 compose`: prints what `fault::compose` writes, in the chosen format. The core
//! decides everything, the web page's compose panel draws the same.

use std::io::{self, Write};

use fix1002_core::fault::compose::{compose, Request};

use crate::args::{ComposeArgs, ComposeFormat};

/// Prints the composed fault; the message of a request that cannot be composed.
pub fn run(args: &ComposeArgs) -> Result<(), String> {
    let request = Request {
        code: &args.code,
        custom: args.sonos_error.zip(args.message.as_deref()),
        tokens: args.auth_token.as_deref().zip(args.private_key.as_deref()),
        faultstring: args.faultstring.as_deref(),
    };
    let composed = compose(&request).map_err(|e| e.to_string())?;
    let text = match args.format {
        ComposeFormat::Http => composed.http.clone(),
        ComposeFormat::Xml => composed.envelope.clone(),
        ComposeFormat::Json => {
            let user_sees: serde_json::Map<String, serde_json::Value> = composed
                .user_sees
                .iter()
                .map(|(context, seen)| (context.id().to_owned(), seen.clone().into()))
                .collect();
            let strings = composed
                .strings
                .as_ref()
                .map(|s| serde_json::json!({ "key": s.key, "json": s.json, "xml": s.xml }));
            let doc = serde_json::json!({
                "version": 1,
                "code": composed.code.name(),
                "type": composed.code.family().name(),
                "http": composed.http,
                "envelope": composed.envelope,
                "strings": strings,
                "user_sees": user_sees,
                "notes": composed.notes,
            });
            format!("{doc:#}\n")
        }
    };
    // The notes go to standard error for http and xml, so the response can be piped as it is.
    if args.format != ComposeFormat::Json {
        for note in &composed.notes {
            eprintln!("note: {note}");
        }
    }
    io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the response: {e}"))
}
