//! The inputs named on the command line, in a fixed order: files as named, directories walked
//! in name order, `-` as standard input. Each is read only when its turn comes, so memory is
//! bounded by the largest input rather than by all of them.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest input read, in bytes. The web page stops at 16 MiB, for phones; a CI machine
/// checks whole logs, and the limit is there only so that a mistaken argument (a disk image, a
/// database) is refused instead of read into memory. Memory follows the largest input: about
/// four times its size for a log dense with faults (see README.md, Speed and memory).
pub const MAX_INPUT_BYTES: usize = 512 * 1024 * 1024;

/// One input to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// A named path that cannot be listed or read, and why.
    Unreadable(PathBuf, String),
}

impl Input {
    /// The name printed for the input: the path as named (without a leading `./`), or `stdin`.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) | Input::Unreadable(path, _) => display(path),
            Input::Stdin => "stdin".to_owned(),
        }
    }

    /// The input's bytes, at most [`MAX_INPUT_BYTES`]; a larger input is refused with its
    /// size, without holding it in memory (a file by its length, standard input by reading
    /// past the limit without keeping what is read).
    pub fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            Input::File(path) => {
                let file = fs::File::open(path).map_err(|e| cannot_read(&e))?;
                let length = file.metadata().map_err(|e| cannot_read(&e))?.len();
                if length > MAX_INPUT_BYTES as u64 {
                    return Err(too_large(length));
                }
                // Sized once: growing the buffer as it fills would copy a large log over and over.
                read_limited(file, length as usize).map_err(|e| cannot_read(&e))?
            }
            Input::Stdin => read_limited(io::stdin().lock(), 0).map_err(|e| cannot_read(&e))?,
            Input::Unreadable(_, why) => Err(why.clone()),
        }
    }
}

fn too_large(bytes: u64) -> String {
    format!(
        "This input is {:.1} MB; fix1002 reads up to {} MB per input. Split it (split -C 500M) and check the parts.",
        bytes as f64 / 1e6,
        MAX_INPUT_BYTES / 1_000_000
    )
}

fn cannot_read(error: &io::Error) -> String {
    format!("cannot be read: {}.", plain_io_error(error))
}

/// An io::Error's message without Rust's "(os error 2)" suffix.
fn plain_io_error(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Reads up to the limit; past it, counts the rest without keeping it, so the message can say
/// how large the input is.
fn read_limited(reader: impl Read, expected: usize) -> io::Result<Result<Vec<u8>, String>> {
    let limit = MAX_INPUT_BYTES as u64;
    let mut reader = reader;
    // One more byte than expected, so that reading to the end never has to grow it.
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    (&mut reader).take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 <= limit {
        return Ok(Ok(bytes));
    }
    let rest = io::copy(&mut reader, &mut io::sink())?;
    Ok(Err(too_large(bytes.len() as u64 + rest)))
}

/// The path as printed: as the user named it, with `/` between names and no leading `./`.
pub fn display(path: &Path) -> String {
    let text = path.to_string_lossy().into_owned();
    let mut rest = text.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped.trim_start_matches('/');
    }
    if rest.is_empty() {
        text
    } else {
        rest.to_owned()
    }
}

/// Every input the arguments name, in order.
pub fn expand(arguments: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for argument in arguments {
        if argument.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(argument) {
            Ok(meta) if meta.is_dir() => walk(argument, &mut inputs),
            Ok(_) => inputs.push(Input::File(argument.clone())),
            Err(error) => inputs.push(Input::Unreadable(argument.clone(), cannot_read(&error))),
        }
    }
    inputs
}

/// The files under `dir`, in name order, depth first. Names starting with a dot (`.git`,
/// editors' files) are skipped, and so are links to directories, which could loop.
fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Input::Unreadable(dir.to_path_buf(), cannot_read(&error)));
            return;
        }
    };
    let mut names: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                names.push(entry.path())
            }
            Ok(_) => {}
            Err(error) => inputs.push(Input::Unreadable(dir.to_path_buf(), cannot_read(&error))),
        }
    }
    names.sort();
    for path in names {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && !is_link => walk(&path, inputs),
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => inputs.push(Input::File(path)),
            Err(error) => inputs.push(Input::Unreadable(path, cannot_read(&error))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_leading_dot_slash_only() {
        assert_eq!(display(Path::new("./a/b.http")), "a/b.http");
        assert_eq!(display(Path::new(".//a")), "a");
        assert_eq!(display(Path::new("../a")), "../a");
        assert_eq!(display(Path::new("./")), "./");
        assert_eq!(display(Path::new(".hidden")), ".hidden");
    }
}
