//! The errors of the extraction crate.

use std::path::{Path, PathBuf};

/// Everything that can go wrong while reading a corpus or annotations.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A file or directory could not be read (the OS error follows as the
    /// error's source, so it is printed once).
    #[error("{}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// One input record is bad (malformed JSON, invalid UTF-8, missing text, …).
    #[error("{}{}: {reason}", path.display(), line_suffix(*line))]
    Input {
        /// The file holding the record.
        path: PathBuf,
        /// 1-based line of the record (0 when the whole file is at fault).
        line: usize,
        /// What is wrong, in words a user can act on.
        reason: String,
    },
    /// A path that is neither a directory nor a known corpus file type.
    #[error("{}: not a corpus (expected a directory, .txt, .md, .jsonl, .jsonl.gz or .csv)", path.display())]
    UnknownInput {
        /// The path.
        path: PathBuf,
    },
    /// No article of the corpus has a gold annotation file.
    #[error("no article in the corpus has a .ann file in the gold directory (files are named <article id>.ann or <article id>_<annotator>.ann)")]
    NoGold,
    /// A model file that cannot be parsed.
    #[error("{}: not a credence attribution model", path.display())]
    BadModel {
        /// The file.
        path: PathBuf,
    },
}

impl ExtractError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A bad record at `path:line` (`path` alone for line 0).
    pub fn input(path: &Path, line: usize, reason: impl Into<String>) -> Self {
        Self::Input {
            path: path.to_path_buf(),
            line,
            reason: reason.into(),
        }
    }
}

/// `:LINE`, or nothing when the whole file is at fault (line 0).
fn line_suffix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}
