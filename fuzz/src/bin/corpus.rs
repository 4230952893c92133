//! Any bytes as a corpus file (the first byte picks the format: JSONL,
//! gzipped JSONL, CSV, or a Markdown article in a directory with a
//! manifest). Reading must not panic; with `--keep-going` it must succeed
//! (unless a CSV or manifest header is bad) and account for every record;
//! every article must extract cleanly.
use credence_extract::corpus::{read_corpus, ReadOptions};
use credence_extract::{extract_article, ExtractError, Tagger};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&kind, body)) = data.split_first() else {
            return;
        };
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = match kind % 4 {
            0 => dir.path().join("in.jsonl"),
            1 => dir.path().join("in.jsonl.gz"),
            2 => dir.path().join("in.csv"),
            _ => {
                // Body split at the first NUL: the manifest, then the article.
                let (manifest, article) = match body.iter().position(|&b| b == 0) {
                    Some(at) => (&body[..at], &body[at + 1..]),
                    None => (&[][..], body),
                };
                std::fs::write(dir.path().join("manifest.csv"), manifest).expect("write");
                std::fs::write(dir.path().join("a.md"), article).expect("write");
                dir.path().to_path_buf()
            }
        };
        if kind % 4 != 3 {
            std::fs::write(&path, body).expect("write");
        }
        let strict = read_corpus(std::slice::from_ref(&path), &ReadOptions::default());
        if let Err(e) = &strict {
            assert!(
                matches!(e, ExtractError::Input { .. } | ExtractError::Io { .. }),
                "{e:?}"
            );
        }
        let lenient = ReadOptions {
            keep_going: true,
            ..ReadOptions::default()
        };
        // --keep-going skips bad records; a file whose header is bad (a
        // manifest.csv or CSV without its columns) still stops the read, as
        // every article of it would lose its metadata. Nothing else may.
        let corpus = match read_corpus(&[path], &lenient) {
            Ok(corpus) => corpus,
            Err(ExtractError::Input { line: 0 | 1, .. }) if kind % 4 >= 2 => return,
            Err(e) => panic!("--keep-going reads any file but a bad header: {e:?}"),
        };
        if let Ok(strict) = strict {
            assert!(
                corpus.rejects.is_empty(),
                "rejects where the strict read had none"
            );
            assert_eq!(strict.articles, corpus.articles);
        }
        if kind % 4 == 0 {
            // JSONL: every non-blank line is an article or a reject.
            let lines = body
                .split(|&b| b == b'\n')
                .filter(|l| std::str::from_utf8(l).map_or(true, |s| !s.trim().is_empty()))
                .count();
            assert_eq!(corpus.read(), lines, "{:?}", corpus.rejects);
        }
        for a in &corpus.articles {
            assert!(!a.text.trim().is_empty());
            credence_fuzz::check_extraction(&extract_article(a, Tagger::embedded()));
        }
    });
}
