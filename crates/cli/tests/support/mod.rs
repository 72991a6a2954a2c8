//! Runs the built `fix1002` binary as a process, from the repository's root so that paths
//! print as a CI job would print them.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository's root: fixtures are named from here.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The fault fixtures (real captures), relative to the root.
pub const FIXTURES: &str = "tests/fixtures/faults";

pub fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `fix1002 ARGS` with `stdin` on standard input (empty if `None`).
pub fn run_with_input(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fix1002"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    {
        let mut input = child.stdin.take().expect("a stdin pipe");
        if let Some(bytes) = stdin {
            input.write_all(bytes).expect("stdin written");
        }
    }
    let output = child.wait_with_output().expect("the binary ends");
    Run {
        code: output.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

pub fn run(args: &[&str]) -> Run {
    run_with_input(args, None)
}

/// `fix1002 check --format json ARGS`, parsed.
pub fn json(args: &[&str]) -> (Run, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = run(&all);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    (run, value)
}

/// A fresh, empty directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fix1002-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Every fixture file under the fixtures folder, sorted, relative to the root.
pub fn fixture_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_none_or(|e| e != "md") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root().join(FIXTURES), &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .expect("under the root")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}
