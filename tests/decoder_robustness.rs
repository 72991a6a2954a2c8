//! Property test: no input makes the decoder or the localization parser panic (a panic would
//! take the whole wasm app down). Inputs are generated from the fixtures by cutting, splicing
//! and sprinkling markup characters, with a fixed-seed generator so failures reproduce.

use fix1002::fault::{decode, decode_bytes, strings};

/// xorshift64*: small, deterministic, good enough to shuffle test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&amp;",
    "&#x0;",
    "&#99999999;",
    "\"",
    "'",
    ":",
    ".",
    "\r\n",
    "\n\n",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?xml",
    "<!DOCTYPE x>",
    "<Fault>",
    "</Fault>",
    "<detail>",
    "<faultcode>",
    "Client.",
    "Server.",
    "<SonosError>",
    "é",
    "😀",
    "\u{feff}",
    "HTTP/1.1 500 X\r\n",
    "Transfer-Encoding: chunked\r\n\r\n",
    "ffffffff\r\n",
    "0\r\n",
    "<UPnPError>",
    "<errorCode>",
];

fn fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/faults");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.sort();
    texts
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(rng: &mut Rng, base: &str, other: &str) -> String {
    let mut text = base.to_owned();
    for _ in 0..=rng.below(4) {
        match rng.below(4) {
            0 => {
                let at = char_boundary(&text, rng.below(text.len() + 1));
                text.truncate(at);
            }
            1 => {
                let at = char_boundary(&text, rng.below(text.len() + 1));
                text.insert_str(at, PIECES[rng.below(PIECES.len())]);
            }
            2 => {
                let from = char_boundary(other, rng.below(other.len() + 1));
                let at = char_boundary(&text, rng.below(text.len() + 1));
                let tail = other[from..].to_owned();
                text.truncate(at);
                text.push_str(&tail);
            }
            _ => {
                let a = char_boundary(&text, rng.below(text.len() + 1));
                let b = char_boundary(&text, rng.below(text.len() + 1));
                let (a, b) = (a.min(b), a.max(b));
                text.replace_range(a..b, "");
            }
        }
    }
    text
}

#[test]
fn no_mutated_fixture_makes_the_decoder_panic() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 10);
    let mut rng = Rng(0x1002_5EED);
    for _ in 0..4000 {
        let base = &fixtures[rng.below(fixtures.len())];
        let other = &fixtures[rng.below(fixtures.len())];
        let input = mutate(&mut rng, base, other);
        match decode(&input) {
            Ok(decoded) => assert!(!decoded.faults.is_empty()),
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
}

#[test]
fn no_random_bytes_make_the_decoder_panic() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let _ = decode_bytes(&bytes);
    }
}

#[test]
fn no_mutated_resource_makes_the_strings_parser_panic() {
    let seeds = [
        r#"{"en-US": {"common": {"Error1Message": "a"}}, "de-DE": {"Error1Message": "b"}}"#,
        r#"<stringtables><stringtable xml:lang="en-US"><string stringId="Error1Message">a &amp; b</string></stringtable></stringtables>"#,
    ];
    let mut rng = Rng(7);
    for _ in 0..3000 {
        let (a, b) = (seeds[rng.below(2)], seeds[rng.below(2)]);
        let input = mutate(&mut rng, a, b);
        if let Err(error) = strings::parse(&input) {
            assert!(!error.to_string().is_empty());
        }
    }
}

#[test]
fn every_kept_regression_input_decodes_without_panic() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/faults/regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let _ = decode_bytes(&bytes);
        checked += 1;
    }
    assert!(
        checked >= 1,
        "the regression folder holds at least one input"
    );
}

#[test]
fn a_single_line_log_with_many_faults_locates_each_one() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/faults/regressions/single-line-log-many-faults.xml");
    let decoded = decode(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(decoded.faults.len(), 400);
    let last = decoded.faults.last().unwrap().position.unwrap();
    assert_eq!(last.line, 1);
    assert!(last.column > 400 * 100, "column {}", last.column);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let input = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
    assert!(decode(&input).is_err());
    let input = format!("{}x", "[".repeat(depth));
    let _ = strings::parse(&format!("{{\"en-US\": {input}}}"));
}
