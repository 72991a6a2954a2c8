//! Finding the source documents on disk, for the tests that compare the product's text with
//! them.
//!
//! The documents are not part of this repository: they sit in `../shared/seeds/` beside the
//! project's own checkout, and a clone of the repository alone has no such folder. So every
//! comparison with the sources goes through [`source_text`], which either returns the
//! document's text or prints one line saying that the comparison was skipped and why. A clone
//! alone then passes `cargo test`; the checks run wherever the documents are.
//!
//! Where to look, in order:
//! 1. `FIX1002_SOURCES`, a folder holding the seed files. Set but missing is an error, not a
//!    skip: whoever set it asked for the comparison.
//! 2. `../shared/seeds/` beside the repository.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::source::Document;

/// The environment variable that names the folder of source documents.
pub const SOURCES_VARIABLE: &str = "FIX1002_SOURCES";

/// Where the source documents were found, or why they were not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceFolder {
    Found(PathBuf),
    /// Neither place holds them; the reason is for the skip line.
    Absent {
        reason: String,
    },
}

/// Decides where the documents are from the variable's value (if set) and the folder beside
/// the repository. Pure apart from checking that folders exist, so it is tested directly.
///
/// # Errors
/// When `FIX1002_SOURCES` is set to a folder that does not exist.
pub fn locate(
    explicit: Option<OsString>,
    beside_repository: &Path,
) -> Result<SourceFolder, String> {
    if let Some(folder) = explicit.filter(|value| !value.is_empty()) {
        let folder = PathBuf::from(folder);
        return if folder.is_dir() {
            Ok(SourceFolder::Found(folder))
        } else {
            Err(format!(
                "{SOURCES_VARIABLE} is set to {}, which is not a folder",
                folder.display()
            ))
        };
    }
    if beside_repository.is_dir() {
        Ok(SourceFolder::Found(beside_repository.to_path_buf()))
    } else {
        Ok(SourceFolder::Absent {
            reason: format!(
                "{SOURCES_VARIABLE} is not set and {} does not exist",
                beside_repository.display()
            ),
        })
    }
}

/// The folder this checkout would find beside it.
fn beside_this_repository() -> PathBuf {
    // This crate sits two folders below the repository's top (crates/core).
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// The text of `document`, or `None` after printing why the comparison that wanted it is
/// skipped. The line goes straight to standard error, past the test harness's capture, so it
/// shows in every `cargo test` run, passing or not.
///
/// # Panics
/// When `FIX1002_SOURCES` names a missing folder, or a found folder lacks the document: both
/// mean the sources are there but not as the tests expect, which must not pass quietly.
pub fn source_text(document: Document) -> Option<String> {
    let folder = match locate(
        std::env::var_os(SOURCES_VARIABLE),
        &beside_this_repository(),
    ) {
        Ok(SourceFolder::Found(folder)) => folder,
        Ok(SourceFolder::Absent { reason }) => {
            let test = std::thread::current()
                .name()
                .unwrap_or("a source check")
                .to_owned();
            let line =
                format!("skipped: {test}: comparison with the source documents ({reason})\n");
            // One write, so that the line cannot interleave with the harness's own output.
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
            return None;
        }
        Err(message) => panic!("{message}"),
    };
    let path = folder.join(document.seed_file());
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => panic!("cannot read source document {}: {e}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fix1002-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_clone_alone_skips_and_says_why() {
        let nowhere = scratch_folder("clone").join("shared/seeds");
        match locate(None, &nowhere).unwrap() {
            SourceFolder::Absent { reason } => {
                assert!(reason.contains(SOURCES_VARIABLE), "{reason}");
                assert!(reason.contains("shared/seeds"), "{reason}");
            }
            found => panic!("expected the sources to be absent, got {found:?}"),
        }
        // An empty variable counts as unset (as a shell's `FIX1002_SOURCES= make test` means).
        assert!(matches!(
            locate(Some(OsString::new()), &nowhere),
            Ok(SourceFolder::Absent { .. })
        ));
    }

    #[test]
    fn the_variable_wins_over_the_folder_beside() {
        let chosen = scratch_folder("chosen");
        let beside = scratch_folder("beside");
        assert_eq!(
            locate(Some(chosen.clone().into_os_string()), &beside),
            Ok(SourceFolder::Found(chosen))
        );
        assert_eq!(locate(None, &beside), Ok(SourceFolder::Found(beside)));
    }

    #[test]
    fn a_variable_naming_a_missing_folder_is_an_error_not_a_skip() {
        let missing = scratch_folder("missing").join("no-such-folder");
        let error = locate(Some(missing.into_os_string()), Path::new("/")).unwrap_err();
        assert!(error.contains("not a folder"), "{error}");
    }
}
