//! Writing tables into the output directory.

use anyhow::Context;
use credence_extract::corpus::Corpus;
use credence_extract::Extraction;
use credence_report::{extraction_tables as extraction, score_tables as scores};
use credence_score::Scores;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

/// Write one file of `dir`.
pub fn write(
    dir: &Path,
    name: &str,
    f: impl FnOnce(BufWriter<File>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let path = dir.join(name);
    let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    f(BufWriter::new(file)).with_context(|| format!("writing {}", path.display()))
}

/// Create the output directory.
pub fn create_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

/// `quotes.csv`, `attributions.csv`, `extraction.jsonl` and, with `--keep-going`, `rejects.csv`.
/// `claims.csv` is written with the scores when there are any.
pub fn write_extraction(
    dir: &Path,
    extractions: &[Extraction],
    corpus: &Corpus,
    keep_going: bool,
) -> anyhow::Result<()> {
    write(dir, "quotes.csv", |w| {
        extraction::write_quotes(w, extractions)
    })?;
    write(dir, "attributions.csv", |w| {
        extraction::write_attributions(w, extractions)
    })?;
    write(dir, "extraction.jsonl", |w| {
        extraction::write_jsonl(w, extractions)
    })?;
    if keep_going {
        write(dir, "rejects.csv", |w| {
            extraction::write_rejects(w, &corpus.rejects)
        })?;
    }
    Ok(())
}

/// `claims.csv` (with `corroborating_outlets` when scored).
pub fn write_claims(
    dir: &Path,
    extractions: &[Extraction],
    scores: Option<&Scores>,
) -> anyhow::Result<()> {
    write(dir, "claims.csv", |w| {
        extraction::write_claims(w, extractions, scores)
    })
}

/// `articles.csv`, `outlets.csv`, `matches.csv`.
pub fn write_scores(dir: &Path, extractions: &[Extraction], s: &Scores) -> anyhow::Result<()> {
    write(dir, "articles.csv", |w| scores::write_articles(w, s))?;
    write(dir, "outlets.csv", |w| scores::write_outlets(w, s))?;
    write(dir, "matches.csv", |w| {
        scores::write_matches(w, extractions, s)
    })?;
    Ok(())
}
