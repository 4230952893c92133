//! Writing into the output directory atomically: every file is written into
//! a staging directory inside OUT/ and only renamed into place once all of
//! them are written, so a failed run never leaves a half-written report over
//! a good one.

use anyhow::Context;
use credence_extract::corpus::Corpus;
use credence_extract::Extraction;
use credence_report::run_info::RunInfo;
use credence_report::tables::{self, AttributionRows, ClaimRows, MatchRows, QuoteRows, RejectRows};
use credence_report::{chart, markdown, parquet, score_tables as scores};
use credence_score::Config;
use credence_score::Scores;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Files being written into OUT/.
pub struct Staging {
    dir: PathBuf,
    tmp: PathBuf,
    /// Names written so far (files may be written from several threads).
    files: Mutex<Vec<String>>,
}

impl Staging {
    /// Start writing into `dir` (created if missing).
    pub fn new(dir: &Path) -> anyhow::Result<Staging> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let tmp = dir.join(format!(".credence-tmp-{}", std::process::id()));
        std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            tmp,
            files: Mutex::new(Vec::new()),
        })
    }

    /// Write one file.
    pub fn write(
        &self,
        name: &str,
        f: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let path = self.tmp.join(name);
        let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        let mut w = BufWriter::new(file);
        f(&mut w)
            .and_then(|()| w.flush())
            .with_context(|| format!("writing {}", self.dir.join(name).display()))?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if !files.iter().any(|f| f == name) {
            files.push(name.to_string());
        }
        Ok(())
    }

    /// Move every written file into place.
    pub fn commit(mut self) -> anyhow::Result<()> {
        let files = std::mem::take(self.files.get_mut().unwrap_or_else(|e| e.into_inner()));
        for name in files {
            let to = self.dir.join(&name);
            std::fs::rename(self.tmp.join(&name), &to)
                .with_context(|| format!("moving {} into place", to.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Committed or failed, the staging directory goes.
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

/// `quotes.csv`, `attributions.csv`, `extraction.jsonl` and, with `--keep-going`, `rejects.csv`.
pub fn write_extraction(
    out: &Staging,
    extractions: &[Extraction],
    corpus: &Corpus,
    keep_going: bool,
) -> anyhow::Result<()> {
    out.write("quotes.csv", |w| {
        tables::write_csv(w, &QuoteRows(extractions))
    })?;
    out.write("attributions.csv", |w| {
        tables::write_csv(w, &AttributionRows(extractions))
    })?;
    out.write("extraction.jsonl", |w| tables::write_jsonl(w, extractions))?;
    if keep_going {
        out.write("rejects.csv", |w| {
            tables::write_csv(w, &RejectRows(&corpus.rejects))
        })?;
    }
    Ok(())
}

/// `claims.csv` (with `corroborating_outlets` when scored).
pub fn write_claims(
    out: &Staging,
    extractions: &[Extraction],
    scores: Option<&Scores>,
) -> anyhow::Result<()> {
    out.write("claims.csv", |w| {
        tables::write_csv(w, &ClaimRows(extractions, scores))
    })
}

/// `articles.csv`, `outlets.csv`, `matches.csv`.
pub fn write_scores(out: &Staging, extractions: &[Extraction], s: &Scores) -> anyhow::Result<()> {
    out.write("articles.csv", |w| scores::write_articles(w, s))?;
    out.write("outlets.csv", |w| scores::write_outlets(w, s))?;
    out.write("matches.csv", |w| {
        tables::write_csv(w, &MatchRows(extractions, s))
    })?;
    Ok(())
}

/// Parquet copies of every table.
pub fn write_parquet(out: &Staging, extractions: &[Extraction], s: &Scores) -> anyhow::Result<()> {
    out.write("articles.parquet", |w| parquet::write(w, &s.articles_table))?;
    out.write("outlets.parquet", |w| parquet::write(w, &s.outlets_table))?;
    // One typed frame at a time: each is dropped once written.
    let put = |name: &str, frame| out.write(name, |w| parquet::write(w, &frame));
    put(
        "claims.parquet",
        tables::frame(&ClaimRows(extractions, Some(s)))?,
    )?;
    put("quotes.parquet", tables::frame(&QuoteRows(extractions))?)?;
    put(
        "attributions.parquet",
        tables::frame(&AttributionRows(extractions))?,
    )?;
    put(
        "matches.parquet",
        tables::frame(&MatchRows(extractions, s))?,
    )?;
    Ok(())
}

/// `outlets.svg` (when there are outlets) and `report.md`, whose summary
/// comes from `info`.
pub fn write_report(
    out: &Staging,
    extractions: &[Extraction],
    s: &Scores,
    config: &Config,
    info: &RunInfo,
) -> anyhow::Result<()> {
    let mut context = info.context();
    if let Some(svg) = chart::outlets_svg(s) {
        out.write("outlets.svg", |w| w.write_all(svg.as_bytes()))?;
        context.chart = Some("outlets.svg".to_string());
    }
    let report = markdown::report(extractions, s, config, &context);
    out.write("report.md", |w| w.write_all(report.as_bytes()))
}

/// `run.json`.
pub fn write_run_info(out: &Staging, info: &RunInfo) -> anyhow::Result<()> {
    out.write("run.json", |w| {
        serde_json::to_writer_pretty(&mut *w, info)?;
        w.write_all(b"\n")
    })
}
