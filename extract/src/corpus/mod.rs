//! Reading a corpus: directories of `.txt`/`.md` files (with an optional
//! `manifest.csv` and front matter), `.jsonl`, `.jsonl.gz` and `.csv` files.
//!
//! Every record read becomes either an [`Article`] or a [`Reject`] (with
//! `keep_going`) or stops the read with an [`ExtractError`] naming the file and
//! line, so `read = articles + rejects` always holds.

mod csv_file;
mod dir;
mod jsonl;

use crate::error::ExtractError;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One article as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// Unique id (file stem for directories, the `id` field otherwise).
    pub id: String,
    /// Publishing outlet; an article without one is its own outlet (its id).
    pub outlet: String,
    /// Source URL, if known.
    pub url: String,
    /// Publication date as given (parsed later; never guessed).
    pub published: String,
    /// Headline, if known.
    pub title: String,
    /// The article text exactly as read; every offset points into it.
    pub text: String,
    /// Other fields of a JSONL/CSV record, kept as metadata.
    pub metadata: BTreeMap<String, String>,
    /// Where it came from: `file` or `file:line`.
    pub origin: String,
}

/// A record that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reject {
    /// The input file.
    pub input: String,
    /// 1-based line (0 when the whole file is at fault).
    pub line: usize,
    /// The record's id, when it could be read.
    pub id: String,
    /// What is wrong.
    pub reason: String,
}

/// Names of the fields in JSONL and CSV input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    /// Article id field.
    pub id: String,
    /// Outlet field.
    pub outlet: String,
    /// URL field.
    pub url: String,
    /// Publication date field.
    pub published: String,
    /// Headline field.
    pub title: String,
    /// Body text field.
    pub text: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        Self {
            id: "id".into(),
            outlet: "outlet".into(),
            url: "url".into(),
            published: "published".into(),
            title: "title".into(),
            text: "text".into(),
        }
    }
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Field names for JSONL/CSV.
    pub fields: FieldNames,
    /// Record bad records as rejects and continue, instead of failing.
    pub keep_going: bool,
}

/// What a read produced.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Usable articles, in input order.
    pub articles: Vec<Article>,
    /// Records that could not be used.
    pub rejects: Vec<Reject>,
}

impl Corpus {
    /// Records read: articles + rejects.
    pub fn read(&self) -> usize {
        self.articles.len() + self.rejects.len()
    }
}

/// Collects articles and rejects, enforcing the rules every format shares.
pub(crate) struct Sink<'a> {
    options: &'a ReadOptions,
    corpus: Corpus,
    seen: HashMap<String, String>,
}

/// The fields of one record before validation.
#[derive(Default)]
pub(crate) struct Record {
    pub id: Option<String>,
    pub outlet: String,
    pub url: String,
    pub published: String,
    pub title: String,
    pub text: Option<String>,
    pub metadata: BTreeMap<String, String>,
}

impl<'a> Sink<'a> {
    fn new(options: &'a ReadOptions) -> Self {
        Self {
            options,
            corpus: Corpus::default(),
            seen: HashMap::new(),
        }
    }

    /// A record that failed before its fields could be read.
    pub(crate) fn fail(
        &mut self,
        path: &Path,
        line: usize,
        id: &str,
        reason: String,
    ) -> Result<(), ExtractError> {
        if !self.options.keep_going {
            return Err(ExtractError::input(path, line, reason));
        }
        self.corpus.rejects.push(Reject {
            input: path.display().to_string(),
            line,
            id: id.to_string(),
            reason,
        });
        Ok(())
    }

    /// Validate and keep a record. `line` is 0 for whole-file articles.
    pub(crate) fn push(
        &mut self,
        path: &Path,
        line: usize,
        record: Record,
    ) -> Result<(), ExtractError> {
        let origin = if line == 0 {
            path.display().to_string()
        } else {
            format!("{}:{line}", path.display())
        };
        let field = &self.options.fields;
        let Some(id) = record.id.filter(|s| !s.trim().is_empty()) else {
            return self.fail(path, line, "", format!("missing `{}` field", field.id));
        };
        let Some(text) = record.text else {
            return self.fail(path, line, &id, format!("missing `{}` field", field.text));
        };
        if text.trim().is_empty() {
            return self.fail(path, line, &id, "empty article".into());
        }
        if let Some(first) = self.seen.get(&id) {
            let reason = format!("duplicate id `{id}` (first seen at {first})");
            return self.fail(path, line, &id, reason);
        }
        self.seen.insert(id.clone(), origin.clone());
        let outlet = if record.outlet.trim().is_empty() {
            id.clone()
        } else {
            record.outlet
        };
        self.corpus.articles.push(Article {
            id,
            outlet,
            url: record.url,
            published: record.published,
            title: record.title,
            text,
            metadata: record.metadata,
            origin,
        });
        Ok(())
    }
}

/// Line number (1-based) of byte offset `at` in `bytes`.
pub(crate) fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Read every corpus path in order.
pub fn read_corpus(paths: &[PathBuf], options: &ReadOptions) -> Result<Corpus, ExtractError> {
    let mut sink = Sink::new(options);
    for path in paths {
        read_path(path, &mut sink)?;
    }
    Ok(sink.corpus)
}

fn read_path(path: &Path, sink: &mut Sink) -> Result<(), ExtractError> {
    let meta = std::fs::metadata(path).map_err(|e| ExtractError::io(path, e))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if meta.is_dir() {
        dir::read_dir(path, sink)
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        jsonl::read_jsonl(path, false, sink)
    } else if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
        jsonl::read_jsonl(path, true, sink)
    } else if name.ends_with(".csv") {
        csv_file::read_csv(path, sink)
    } else if name.ends_with(".txt") || name.ends_with(".md") {
        dir::read_text_file(path, None, sink)
    } else {
        Err(ExtractError::UnknownInput {
            path: path.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        path
    }

    fn options(keep_going: bool) -> ReadOptions {
        ReadOptions {
            keep_going,
            ..ReadOptions::default()
        }
    }

    const JSONL: &str = concat!(
        r#"{"id": "a1", "outlet": "X", "text": "One article.", "topic": "politics"}"#,
        "\n",
        r#"{"id": "a2", "text": "#,
        "\n",
        r#"{"id": "a3", "outlet": "Y"}"#,
        "\n",
    );

    #[test]
    fn a_bad_jsonl_line_stops_the_read_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "in.jsonl", JSONL);
        let err = read_corpus(&[path], &options(false)).unwrap_err();
        let ExtractError::Input { line, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*line, 2, "{err}");
        assert!(err.to_string().contains("in.jsonl:2: "), "{err}");
    }

    #[test]
    fn keep_going_rejects_bad_jsonl_records_and_accounts_for_every_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "in.jsonl", JSONL);
        let corpus = read_corpus(&[path], &options(true)).unwrap();
        assert_eq!(corpus.read(), 3);
        assert_eq!(corpus.articles.len(), 1);
        let a = &corpus.articles[0];
        assert_eq!((a.id.as_str(), a.outlet.as_str()), ("a1", "X"));
        assert_eq!(
            a.metadata.get("topic").map(String::as_str),
            Some("politics")
        );
        let lines: Vec<usize> = corpus.rejects.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
        assert_eq!(corpus.rejects[1].id, "a3");
    }

    #[test]
    fn csv_rows_are_articles_and_a_missing_text_column_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let good = write(
            dir.path(),
            "in.csv",
            "id,outlet,text\nb1,Z,\"A text, with a comma.\"\n",
        );
        let corpus = read_corpus(&[good], &options(false)).unwrap();
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].text, "A text, with a comma.");
        assert_eq!(corpus.articles[0].outlet, "Z");
        let bad = write(dir.path(), "bad.csv", "id,outlet\nb1,Z\n");
        let err = read_corpus(&[bad], &options(false)).unwrap_err();
        assert!(err.to_string().contains("bad.csv"), "{err}");
        assert!(err.to_string().contains("text"), "{err}");
    }
}
