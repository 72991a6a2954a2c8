//! Compiles the knowledge base (`kb/error1002.toml`) and the SMAPI fault codes
//! (`kb/smapi_faults.toml`) into static Rust tables, so the app carries ready-made tables and
//! no TOML parser.
//!
//! Three parts, in the order a file goes through them:
//! - [`schema`]: the files' shapes, as serde reads them;
//! - [`validate`]: every check that needs only the file, collecting every mistake;
//! - [`emit`]: the Rust source, written only for files without a mistake.
//!
//! The SMAPI codes file has the same three parts in [`smapi`]. A writer sees every mistake of
//! both files in one build, each naming its entry, as one `error:` line apiece. Checks that
//! need the engine or the seeds live in `tests/knowledge_base.rs`; `tests/kb_validation.rs`
//! runs these modules on files with mistakes.

use std::collections::HashSet;
use std::{env, fs, path::Path};

mod emit;
mod schema;
mod smapi;
mod validate;

// The id rule of links, shared with `route`: an id the build accepts is one a link can name.
#[path = "../src/slug.rs"]
mod slug;
// The rule that finds web addresses in text: the build cuts the texts, the wasm only walks them.
#[path = "../src/kb/web_address.rs"]
mod web_address;

// The build only writes the flat form; reading it is the crate's.
#[allow(dead_code)]
#[path = "../src/i18n/flat.rs"]
mod flat;

use schema::KbFile;
use smapi::CodesFile;

// The knowledge base stays at the repository's top, where its writers find it; a build script
// runs in its crate's folder, two levels below.
const KB_FILE: &str = "../../kb/error1002.toml";
const CODES_FILE: &str = "../../kb/smapi_faults.toml";
// English's screen messages, compiled in (in the flat form the page reads: i18n/flat.rs).
const ENGLISH_MESSAGES_FILE: &str = "../../locales/en-US/messages.json";

fn main() {
    println!("cargo::rerun-if-changed={KB_FILE}");
    println!("cargo::rerun-if-changed={CODES_FILE}");
    println!("cargo::rerun-if-changed={ENGLISH_MESSAGES_FILE}");

    let kb = KbFile::parse(&read(KB_FILE));
    let codes = CodesFile::parse(&read(CODES_FILE));
    let kb_errors = match &kb {
        Ok(file) => validate::validate(file),
        Err(errors) => errors.clone(),
    };
    let steps: Option<HashSet<&str>> = kb
        .as_ref()
        .ok()
        .map(|file| file.steps.iter().map(|s| s.id.as_str()).collect());
    let codes_errors = match &codes {
        Ok(file) => file.validate(steps.as_ref()),
        Err(errors) => errors.clone(),
    };
    if !kb_errors.is_empty() || !codes_errors.is_empty() {
        // Cargo prints each `cargo::error` line and fails the build once, after all of them.
        report(KB_FILE, &kb_errors);
        report(CODES_FILE, &codes_errors);
        return;
    }
    let (Ok(kb), Ok(codes)) = (kb, codes) else {
        unreachable!("a file that could not be read has errors")
    };

    let target = emit::Target {
        wasm: env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32"),
    };
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    write(&out_dir, "knowledge_base.rs", &emit::emit(&kb, target));
    write(&out_dir, "smapi_codes.rs", &codes.emit());

    let messages = serde_json::from_str(&read(ENGLISH_MESSAGES_FILE))
        .map_err(|e| e.to_string())
        .and_then(|json| flat::lines_of_json(&json));
    match messages {
        Ok(lines) => write(&out_dir, "en-US.messages.txt", &flat::write(&lines)),
        Err(error) => report(ENGLISH_MESSAGES_FILE, &[error]),
    }
}

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("\n\n{path}: cannot read: {e}\n\n"))
}

fn write(out_dir: &str, name: &str, code: &str) {
    fs::write(Path::new(out_dir).join(name), code).expect("OUT_DIR is writable");
}

/// One `error:` line per mistake, each naming the file, after a line that counts them.
fn report(path: &str, errors: &[String]) {
    if errors.is_empty() {
        return;
    }
    // Named as the writer knows it, from the repository's top.
    let path = path.trim_start_matches("../../");
    let count = match errors.len() {
        1 => "1 mistake".to_owned(),
        n => format!("{n} mistakes"),
    };
    println!("cargo::error={path}: {count}, listed below");
    for error in errors {
        // A directive is one line.
        println!("cargo::error={path}: {}", error.replace('\n', " "));
    }
}
