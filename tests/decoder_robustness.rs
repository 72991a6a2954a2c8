//! Property tests: no input makes the decoder or the localization parser panic (a panic would
//! take the whole wasm app down), and what comes out instead is right. Inputs are generated
//! with a fixed-seed generator so failures reproduce: from the fixtures by cutting, splicing
//! and sprinkling markup characters, and as random text inside a fault's fields, whose
//! expected reading (or the place it breaks) is known.

use fix1002_core::fault::strings::{self, StringsError};
use fix1002_core::fault::{decode, decode_bytes, DecodeError, InputKind, Position};

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

/// The fault fixtures beside their README: one file per input shape, `.xml` or `.http`.
const FIXTURES: usize = 18;

fn fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/faults");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        // The README and the folders of other tests' fixtures are not inputs.
        .filter(|path| {
            path.is_file() && path.extension().is_some_and(|e| e == "xml" || e == "http")
        })
        .map(|path| {
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    assert_eq!(
        texts.len(),
        FIXTURES,
        "fixtures in {}: a new one belongs in its README and here",
        dir.display()
    );
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

/// What a developer needs from a refusal: the message names the place (inside what they
/// pasted) or the thing it is about, as the error itself records them.
fn assert_says_what_and_where(input: &str, error: &DecodeError) {
    let message = error.to_string();
    let says = |part: &str| {
        assert!(
            !part.is_empty() && message.contains(part),
            "{error:?}: the message does not say {part:?}: {message}"
        )
    };
    let lines = input.split('\n').count();
    let place = |position: &Position| {
        assert!(
            (1..=lines).contains(&position.line) && position.column >= 1,
            "{error:?} points outside the input's {lines} lines"
        );
        says(&position.to_string());
    };
    match error {
        DecodeError::Empty => assert!(
            input.chars().all(|c| c == '\u{feff}' || c.is_whitespace()),
            "{error:?} for {input:?}"
        ),
        DecodeError::TooLarge { .. } | DecodeError::NotUtf8 { .. } => {
            panic!("{error:?} for a small text")
        }
        // Nothing in the input to name: the message says what to paste instead.
        DecodeError::PlainText | DecodeError::NoFault { body_content: None } => {}
        DecodeError::HtmlPage { title, status } => {
            says("HTML web page");
            if let Some(title) = title {
                says(title);
            }
            if let Some(status) = status {
                says(&format!("HTTP {status}"));
            }
        }
        DecodeError::BadHttp { detail } => says(detail),
        DecodeError::EmptyBody { status } => says(&format!("status {status}")),
        DecodeError::Doctype { position } | DecodeError::TooDeep { position, .. } => {
            place(position)
        }
        DecodeError::MalformedXml { position, detail } => {
            place(position);
            says(detail);
        }
        DecodeError::Truncated { element, opened } => {
            place(opened);
            says(&format!("<{element}>"));
        }
        DecodeError::NotSoap { root } => says(&format!("<{root}>")),
        DecodeError::NoFault {
            body_content: Some(name),
        } => says(&format!("<{name}>")),
        DecodeError::CompressedBody { coding } => says(&format!("{coding}-compressed")),
        DecodeError::RequestOnly { operation } => {
            says("no response");
            if let Some(name) = operation {
                says(name);
            }
        }
        DecodeError::NotHar { detail } => says(detail),
        DecodeError::HarWithoutFault { entries } => says(&format!("{entries} entr")),
        // Each names the tool whose output it is, and what to paste instead.
        DecodeError::TraceWithoutBody => {
            says("curl --trace-ascii");
            says("curl -si");
        }
        DecodeError::WgetWithoutBody { status } => {
            says(&format!(
                "wget -S output: it shows the response's head (HTTP {status})"
            ));
            says("-O -");
        }
        DecodeError::JsonLogWithoutFault { records, undecoded } => {
            says(&format!("structured log ({records} JSON line"));
            if let Some((line, inner)) = undecoded {
                says(&format!("on line {line}"));
                says(&inner.to_string());
            }
        }
    }
}

#[test]
fn no_mutated_fixture_makes_the_decoder_panic() {
    let fixtures = fixtures();
    let mut rng = Rng(0x1002_5EED);
    for _ in 0..4000 {
        let base = &fixtures[rng.below(fixtures.len())];
        let other = &fixtures[rng.below(fixtures.len())];
        let input = mutate(&mut rng, base, other);
        match decode(&input) {
            Ok(decoded) => assert!(!decoded.faults.is_empty()),
            Err(error) => assert_says_what_and_where(&input, &error),
        }
    }
}

/// The captures made by real tools (tests/fixtures/capture/tools.mjs): traces, wget's
/// output, structured and prefixed logs, HAR files. Mutated, they exercise the readers of
/// each tool's framing, not only the XML walk.
#[test]
fn no_mutated_capture_makes_the_decoder_panic() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/faults/captures");
    let mut captures: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    captures.sort();
    assert!(captures.len() >= 20, "{} captures", captures.len());
    let mut rng = Rng(0x1002_CA97);
    for _ in 0..3000 {
        let base = &captures[rng.below(captures.len())];
        let other = &captures[rng.below(captures.len())];
        let input = mutate(&mut rng, base, other);
        match decode(&input) {
            Ok(decoded) => assert!(!decoded.faults.is_empty()),
            Err(error) => assert_says_what_and_where(&input, &error),
        }
    }
}

/// A random character that may stand as it is in XML text. `<` and `&` would be markup; a
/// carriage return would be turned into a line feed.
fn random_char(rng: &mut Rng) -> char {
    loop {
        let candidate = match rng.below(4) {
            0 | 1 => char::from(b' ' + rng.below(95) as u8),
            2 => ['\t', '\n', ' ', '\u{feff}', '\u{a0}', '\u{2028}'][rng.below(6)],
            // Anything else Unicode has, including controls and unassigned code points.
            _ => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
        };
        if !matches!(candidate, '<' | '&' | '\r') {
            return candidate;
        }
    }
}

/// One piece of generated text: what is written into the XML, and what the decoder must read
/// back from it, or `None` for a piece that makes the XML malformed where it starts.
fn random_piece(rng: &mut Rng) -> (String, Option<String>) {
    match rng.below(40) {
        0 => {
            let bad = [
                "&nbsp;",
                "&AMP;",
                "&#0;",
                "&#xD800;",
                "&#x110000;",
                "&#x;",
                "& ",
                "&#12&amp;",
                "</x>",
            ];
            (bad[rng.below(bad.len())].to_owned(), None)
        }
        1..=4 => {
            let (written, read) = [
                ("&lt;", "<"),
                ("&gt;", ">"),
                ("&amp;", "&"),
                ("&apos;", "'"),
                ("&quot;", "\""),
            ][rng.below(5)];
            (written.to_owned(), Some(read.to_owned()))
        }
        5..=8 => {
            let ch = loop {
                if let Some(ch) = char::from_u32(rng.below(0x11_0000) as u32).filter(|&c| c != '\0')
                {
                    break ch;
                }
            };
            let written = match rng.below(3) {
                0 => format!("&#{};", ch as u32),
                1 => format!("&#x{:x};", ch as u32),
                _ => format!("&#x{:04X};", ch as u32),
            };
            (written, Some(ch.to_string()))
        }
        9 | 10 => {
            // CDATA keeps `<`, `&` and line ends as they are; only `]]>` would end it early.
            let mut content = String::new();
            for _ in 0..rng.below(8) {
                content.push(['<', '&', ']', '>', '\r'][rng.below(5)]);
                content.push(random_char(rng));
            }
            let content = content.replace("]]>", "]]");
            (format!("<![CDATA[{content}]]>"), Some(content))
        }
        _ => {
            let ch = random_char(rng);
            (ch.to_string(), Some(ch.to_string()))
        }
    }
}

/// What generated text is put inside: what comes before the fault's fields, the fault's
/// opening, the closing after its detail, and what kind of input that makes.
const WRAPPERS: [(&str, &str, &str, InputKind); 3] = [
    (
        "",
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>",
        "</s:Fault></s:Body></s:Envelope>",
        InputKind::Envelope,
    ),
    (
        "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml; charset=utf-8\r\n\r\n",
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n<soap:Body><soap:Fault>",
        "</soap:Fault></soap:Body></soap:Envelope>\n",
        InputKind::HttpResponse,
    ),
    ("", "<Fault>", "</Fault>", InputKind::BareFault),
];

/// Text the decoder keeps as a field: byte-order marks dropped (they are leftovers of joined
/// files), then trimmed.
fn as_field(text: &str) -> String {
    text.replace('\u{feff}', "").trim().to_owned()
}

#[test]
fn random_text_inside_a_fault_reads_back_or_is_refused_where_it_breaks() {
    let mut rng = Rng(42);
    let (mut decoded_count, mut refused_count) = (0, 0);
    for _ in 0..3000 {
        let (head, open, close, kind) = WRAPPERS[rng.below(WRAPPERS.len())];
        let mut input =
            format!("{head}{open}<faultcode>s:Client.LoginInvalid</faultcode><faultstring>");
        // Where the first malformed piece starts, if any.
        let mut broken_at = None;
        let mut fields = [String::new(), String::new()];
        for (i, field) in fields.iter_mut().enumerate() {
            if i == 1 {
                input.push_str("</faultstring><detail><ExceptionInfo>");
            }
            for _ in 0..rng.below(12) {
                let (written, read) = random_piece(&mut rng);
                match read {
                    Some(read) => field.push_str(&read),
                    None => {
                        broken_at.get_or_insert(input.len());
                    }
                }
                input.push_str(&written);
            }
        }
        input.push_str("</ExceptionInfo></detail>");
        input.push_str(close);

        // Through the bytes path, as a dropped file arrives.
        let result = decode_bytes(input.as_bytes());
        match (broken_at, result) {
            (None, Ok(decoded)) => {
                decoded_count += 1;
                assert_eq!(decoded.kind, kind, "{input:?}");
                assert_eq!(decoded.faults.len(), 1, "{input:?}");
                let fault = &decoded.faults[0];
                assert_eq!(fault.code.as_deref(), Some("LoginInvalid"), "{input:?}");
                assert_eq!(
                    fault.faultstring.as_deref(),
                    Some(as_field(&fields[0]).as_str()),
                    "{input:?}"
                );
                assert_eq!(
                    fault.detail.exception_info.as_deref(),
                    Some(as_field(&fields[1]).as_str()),
                    "{input:?}"
                );
            }
            (Some(at), Err(DecodeError::MalformedXml { position, detail })) => {
                refused_count += 1;
                assert_eq!(position, Position::of(&input, at), "{detail}: {input:?}");
            }
            (broken_at, result) => panic!("broken at {broken_at:?}, got {result:?} for {input:?}"),
        }
    }
    // Both ways out are taken often, so neither can quietly stop being checked.
    assert!(
        decoded_count > 1000 && refused_count > 500,
        "{decoded_count} decoded, {refused_count} refused"
    );
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
        let Err(error) = strings::parse(&input) else {
            continue;
        };
        let message = error.to_string();
        let lines = input.split('\n').count();
        match &error {
            StringsError::Empty => assert!(input.trim_start_matches('\u{feff}').trim().is_empty()),
            StringsError::NotRecognised => assert!(!input
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with(['<', '{'])),
            StringsError::Xml { position, detail } => {
                assert!((1..=lines).contains(&position.line), "{error:?}");
                assert!(
                    message.contains(&position.to_string()) && message.contains(detail.as_str()),
                    "{message}"
                );
            }
            StringsError::Json {
                line,
                column,
                detail,
            } => {
                assert!((1..=lines).contains(line), "{error:?}");
                assert!(
                    message.contains(&format!("line {line}, column {column}: {detail}")),
                    "{message}"
                );
            }
            StringsError::NoLanguages => assert!(message.contains("No languages found")),
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
