//! `wget -S` as a terminal shows it: wget's own notes on standard error (the date and the
//! address, "HTTP request sent, awaiting response...", the length, where it saves, the
//! progress, the summary), the server's response heads among them indented by two spaces,
//! and, with `-O -`, the body on standard output, wherever it landed among the notes.
//!
//! The heads are read from the indented lines. Every other line that is not one of wget's
//! own is taken as the body of the response before it. Without `-O -` wget saves the body to
//! a file and the paste holds only the heads; the decoder then says where the body went.

use std::borrow::Cow;

use super::capture::{header_of, lines, parse_start_line, Message, StartLine};

/// Reads `text` as wget -S output. `None` when it is not: the first non-blank line must be one
/// of wget's notes and some line an indented status line.
pub fn split<'a>(text: &'a str) -> Option<Vec<Message<'a>>> {
    let first = lines(text).find(|l| !l.text.trim().is_empty())?;
    if !is_note(first.text) {
        return None;
    }
    let mut messages: Vec<Message<'a>> = Vec::new();
    // The body lines of the last response, with runs of adjacent lines merged.
    let mut body: Vec<(usize, usize)> = Vec::new();
    let mut in_head = false;
    for line in lines(text) {
        if let Some(indented) = line.text.strip_prefix("  ") {
            if let Some(start @ StartLine::Response { .. }) = parse_start_line(indented) {
                finish_body(text, &mut messages, &mut body);
                messages.push(Message::starting(start));
                in_head = true;
                continue;
            }
            if in_head {
                if let (Some(header), Some(message)) = (header_of(indented), messages.last_mut()) {
                    message.headers.push(header);
                    continue;
                }
            }
        }
        in_head = false;
        if messages.is_empty() || is_note(line.text) || is_progress(line.text) {
            continue;
        }
        match body.last_mut() {
            Some(run) if run.1 == line.offset => run.1 = line.end,
            _ => body.push((line.offset, line.end)),
        }
    }
    finish_body(text, &mut messages, &mut body);
    (!messages.is_empty()).then_some(messages)
}

/// Gives the last response the body lines read since its head, without the blank lines
/// wget printed around them.
fn finish_body<'a>(text: &'a str, messages: &mut [Message<'a>], body: &mut Vec<(usize, usize)>) {
    let Some(message) = messages.last_mut() else {
        body.clear();
        return;
    };
    // Blank lines around the body are wget's (before and after its progress).
    let blank =
        |&(start, end): &(usize, usize)| text.get(start..end).is_none_or(|t| t.trim().is_empty());
    while body.last().is_some_and(blank) {
        body.pop();
    }
    let leading = body.iter().take_while(|run| blank(run)).count();
    body.drain(..leading);
    match body.as_slice() {
        [] => {}
        [(start, end)] => {
            let whole = text.get(*start..*end).unwrap_or_default();
            let lead = whole.len() - whole.trim_start().len();
            message.body = Cow::Borrowed(whole.trim());
            message.body_offset = Some(start + lead);
        }
        runs => {
            let joined: String = runs
                .iter()
                .filter_map(|&(start, end)| text.get(start..end))
                .collect();
            message.body = Cow::Owned(joined.trim().to_owned());
            message.body_offset = None;
        }
    }
    body.clear();
}

/// Whether a line is one of wget's own notes (as wget writes them in English).
fn is_note(line: &str) -> bool {
    const STARTS: [&str; 16] = [
        "Resolving ",
        "Connecting to ",
        "Reusing existing connection to ",
        "HTTP request sent, awaiting response...",
        "Proxy request sent, awaiting response...",
        "Length: ",
        "Saving to: ",
        "Location: ",
        "Retrying.",
        "Giving up.",
        "Warning: ",
        "FINISHED --",
        "Total wall clock time: ",
        "Downloaded: ",
        "Read error at byte ",
        "Connection closed at byte ",
    ];
    if STARTS.iter().any(|s| line.starts_with(s)) {
        return true;
    }
    // `--2026-12-03 23:58:08--  http://…`: a request starts.
    if let Some(rest) = line.strip_prefix("--") {
        return rest.get(..19).is_some_and(is_date_time) && rest.get(19..21) == Some("--");
    }
    // `2026-12-03 23:58:08 (43.6 MB/s) - written to stdout [319]`, or `… ERROR 500: …`.
    line.get(..19).is_some_and(is_date_time)
        && line
            .get(19..)
            .is_some_and(|rest| rest.starts_with(" (") || rest.starts_with(" ERROR "))
}

/// `2026-12-03 23:58:08`.
fn is_date_time(text: &str) -> bool {
    text.len() == 19
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            10 => b == b' ',
            13 | 16 => b == b':',
            _ => b.is_ascii_digit(),
        })
}

/// wget's progress: dots (`     0K .......... 43.6M=0s`) when its standard error is not a
/// terminal, a bar (`STDOUT   [ <=>   ]   319  --.-KB/s    in 0s`) when it is.
fn is_progress(line: &str) -> bool {
    let trimmed = line.trim_start();
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let dots = trimmed.len() < line.len()
        && digits > 0
        && trimmed[digits..].starts_with(['K', 'M'])
        && trimmed[digits + 1..].starts_with(' ');
    let bar =
        line.contains(']') && (line.contains("<=>") || line.contains("=>]") || line.contains("%["));
    dots || bar
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAVED_TO_STDOUT: &str = "--2026-12-03 23:58:08--  http://127.0.0.1:8080/smapi\nConnecting to 127.0.0.1:8080... connected.\nHTTP request sent, awaiting response... \n  HTTP/1.1 200 OK\n  Content-Type: text/xml; charset=utf-8\n  Transfer-Encoding: chunked\nLength: unspecified [text/xml]\nSaving to: ‘STDOUT’\n<s:Envelope/>\n     0K                                                        43.6M=0s\n\n2026-12-03 23:58:08 (43.6 MB/s) - written to stdout [13]\n\n";

    #[test]
    fn the_indented_head_and_the_body_among_the_notes() {
        let messages = split(SAVED_TO_STDOUT).unwrap();
        assert_eq!(messages.len(), 1);
        assert!(matches!(
            messages[0].start,
            StartLine::Response { status: 200, .. }
        ));
        assert_eq!(messages[0].header("transfer-encoding"), Some("chunked"));
        assert_eq!(messages[0].body, "<s:Envelope/>");
        let offset = messages[0].body_offset.unwrap();
        assert!(SAVED_TO_STDOUT[offset..].starts_with("<s:Envelope/>\n"));
    }

    #[test]
    fn a_body_saved_to_a_file_leaves_the_head_alone() {
        let text = SAVED_TO_STDOUT.replace("<s:Envelope/>\n", "");
        let messages = split(&text).unwrap();
        assert_eq!(messages[0].body, "");
    }

    #[test]
    fn progress_bars_and_dots_are_wgets() {
        assert!(is_progress(
            "STDOUT              [ <=>                ]     319  --.-KB/s    in 0s"
        ));
        assert!(is_progress(
            "smapi.xml       100%[===================>]     319  --.-KB/s    in 0s"
        ));
        assert!(is_progress("     0K .......... 43.6M=0s"));
        assert!(!is_progress("  <faultcode>Client.LoginInvalid</faultcode>"));
        assert!(!is_progress("12K of text"));
    }

    #[test]
    fn text_that_does_not_start_with_a_wget_note_is_not_wget_output() {
        assert!(split("<s:Envelope/>").is_none());
        assert!(split("Connecting to x... connected.\nno head here").is_none());
    }
}
