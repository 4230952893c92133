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

/// The default limit on one article's text: 8 MiB, a hundred times the
/// longest AllSides article (77 KB). Extraction is linear in an article's
/// size, about 2 MB/s per core on news text and 0.1 MB/s on text that is
/// nothing but cues ("Smith said Smith said …"), so the limit bounds one
/// article's time (and its memory, about 40 bytes per byte of text).
pub const MAX_ARTICLE_BYTES: usize = 8 << 20;

/// How to read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Field names for JSONL/CSV.
    pub fields: FieldNames,
    /// Record bad records as rejects and continue, instead of failing.
    pub keep_going: bool,
    /// Articles whose text is longer (in bytes) are rejected.
    pub max_article_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            fields: FieldNames::default(),
            keep_going: false,
            max_article_bytes: MAX_ARTICLE_BYTES,
        }
    }
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
    pub text: Option<Result<String, TextError>>,
    pub metadata: BTreeMap<String, String>,
}

/// Why a record's text field is unusable.
pub(crate) enum TextError {
    /// Absent or null.
    Missing,
    /// Not a string (the value's type, described).
    NotText(&'static str),
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
        let text = match record.text {
            None | Some(Err(TextError::Missing)) => {
                return self.fail(path, line, &id, format!("missing `{}` field", field.text));
            }
            Some(Err(TextError::NotText(kind))) => {
                let reason = format!("`{}` is {kind}, not a string", field.text);
                return self.fail(path, line, &id, reason);
            }
            Some(Ok(text)) => text,
        };
        if text.trim().is_empty() {
            return self.fail(path, line, &id, "empty article".into());
        }
        if text.len() > self.options.max_article_bytes {
            let reason = format!(
                "article text is {} bytes, over the limit of {} (--max-article-mb)",
                text.len(),
                self.options.max_article_bytes
            );
            return self.fail(path, line, &id, reason);
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

    fn gzip(lines: &str) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(lines.as_bytes()).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn keep_going_keeps_what_a_damaged_gzip_held_before_the_damage() {
        let dir = tempfile::tempdir().unwrap();
        let mut body = String::new();
        for i in 0..2_000 {
            body.push_str(&format!(
                "{{\"id\": \"g{i}\", \"text\": \"Article {i} {}.\"}}\n",
                "words ".repeat(i % 50)
            ));
        }
        let full = gzip(&body);
        let truncated = write_bytes(dir.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
        let not_gzip = write(dir.path(), "plain.jsonl.gz", "{\"id\": \"p\"}\n");
        let good = write(
            dir.path(),
            "good.jsonl",
            "{\"id\": \"ok\", \"text\": \"Fine.\"}\n",
        );
        let paths = [truncated.clone(), not_gzip.clone(), good];
        let corpus = read_corpus(&paths, &options(true)).unwrap();
        let from_cut = corpus
            .articles
            .iter()
            .filter(|a| a.id.starts_with('g'))
            .count();
        assert!(from_cut > 100, "{from_cut}");
        assert_eq!(corpus.articles.last().unwrap().id, "ok");
        assert_eq!(corpus.rejects.len(), 2, "{:?}", corpus.rejects);
        let cut = &corpus.rejects[0];
        assert_eq!(cut.line, from_cut + 1, "{cut:?}");
        assert!(
            cut.reason.contains(&format!("after line {from_cut}")),
            "{cut:?}"
        );
        assert_eq!(corpus.rejects[1].line, 1);
        // Without --keep-going: an error naming the file and the line.
        let err = read_corpus(&[truncated], &options(false)).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(&format!("cut.jsonl.gz:{}:", from_cut + 1)),
            "{text}"
        );
        let err = read_corpus(&[not_gzip], &options(false)).unwrap_err();
        assert!(
            err.to_string().contains("plain.jsonl.gz:1: unreadable"),
            "{err}"
        );
    }

    fn write_bytes(dir: &Path, name: &str, body: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        path
    }

    #[test]
    fn a_text_that_is_not_a_string_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "in.jsonl", "{\"id\": \"n\", \"text\": 5}\n");
        let err = read_corpus(&[path], &options(false)).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("in.jsonl:1: `text` is a number, not a string"),
            "{err}"
        );
    }

    #[test]
    fn an_article_over_the_size_limit_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "in.jsonl",
            "{\"id\": \"big\", \"text\": \"0123456789 0123456789\"}\n{\"id\": \"ok\", \"text\": \"Short.\"}\n",
        );
        let opts = ReadOptions {
            keep_going: true,
            max_article_bytes: 10,
            ..ReadOptions::default()
        };
        let corpus = read_corpus(&[path], &opts).unwrap();
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.rejects[0].id, "big");
        assert!(
            corpus.rejects[0].reason.contains("over the limit"),
            "{:?}",
            corpus.rejects
        );
    }

    #[test]
    fn text_file_errors_name_a_line_only_when_there_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let empty = write(dir.path(), "empty.txt", "  \n");
        let err = read_corpus(&[empty], &options(false)).unwrap_err();
        assert!(
            err.to_string().ends_with("empty.txt: empty article"),
            "{err}"
        );
        let open = write(
            dir.path(),
            "open.md",
            "---\ntitle: T\nBody without a closing line.\n",
        );
        let err = read_corpus(&[open], &options(false)).unwrap_err();
        assert!(err.to_string().contains("open.md:1: front matter"), "{err}");
    }

    #[test]
    fn a_duplicate_manifest_id_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "Text.");
        write(dir.path(), "manifest.csv", "id,outlet\na,X\na,Y\n");
        let err = read_corpus(&[dir.path().to_path_buf()], &options(false)).unwrap_err();
        assert!(
            err.to_string().contains("manifest.csv:3: duplicate id `a`"),
            "{err}"
        );
    }

    #[test]
    fn io_errors_print_the_os_error_once() {
        let err =
            read_corpus(&[PathBuf::from("/no/such/file.jsonl")], &options(false)).unwrap_err();
        let chain = format!("{:#}", anyhow_like(&err));
        assert_eq!(chain.matches("os error 2").count(), 1, "{chain}");
    }

    /// The error and its sources, joined as `anyhow`'s `{:#}` prints them.
    fn anyhow_like(err: &dyn std::error::Error) -> String {
        let mut out = err.to_string();
        let mut source = err.source();
        while let Some(s) = source {
            out.push_str(": ");
            out.push_str(&s.to_string());
            source = s.source();
        }
        out
    }
}
