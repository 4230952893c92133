//! Writing the output directory as one set: a reader of OUT/ sees the
//! previous run or the new one, never a mix.
//!
//! The new set is written into a sibling directory (`.OUT.credence-new-PID`
//! beside OUT/). The files it keeps from the previous set (`score` keeps the
//! extraction, `report` everything but the report) and any file credence did
//! not write (a user's notes, a `.git`) are hard-linked in, then the two
//! directories are swapped in one step (`renameat2(RENAME_EXCHANGE)` on
//! Linux; elsewhere two renames, between which OUT/ is briefly absent, never
//! mixed) and the previous set is deleted. A lock file beside OUT/
//! (`.OUT.credence-lock`) keeps two commands from writing one OUT/ at once;
//! leftovers of a killed run (`.OUT.credence-*`) are deleted by the next.

use crate::args::ReportOptions;
use crate::exit::BadInput;
use anyhow::Context;
use credence_extract::corpus::Corpus;
use credence_extract::Extraction;
use credence_report::run_info::RunInfo;
use credence_report::tables::{self, AttributionRows, ClaimRows, MatchRows, QuoteRows, RejectRows};
use credence_report::{parquet, score_tables as scores};
use credence_score::Config;
use credence_score::Scores;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Every file credence writes into OUT/. Anything else there is the user's
/// and is carried over untouched.
pub const OUTPUT_FILES: &[&str] = &[
    "extraction.jsonl.gz",
    "extraction.jsonl",
    "quotes.csv",
    "attributions.csv",
    "rejects.csv",
    "claims.csv",
    "articles.csv",
    "outlets.csv",
    "matches.csv",
    "articles.parquet",
    "outlets.parquet",
    "claims.parquet",
    "quotes.parquet",
    "attributions.parquet",
    "matches.parquet",
    "outlets.svg",
    "distribution.svg",
    "components.svg",
    "report.md",
    "report.html",
    "report.xlsx",
    "run.json",
];

/// What `extract` wrote, which `score` keeps.
pub const EXTRACTION_FILES: &[&str] = &[
    "extraction.jsonl.gz",
    "extraction.jsonl",
    "quotes.csv",
    "attributions.csv",
    "rejects.csv",
];

/// The set of files being written to replace OUT/.
pub struct Staging {
    /// OUT/ (symlinks resolved).
    dir: PathBuf,
    /// The sibling directory the new set is written into.
    tmp: PathBuf,
    /// Files of the previous set to carry over unless written anew.
    keep: Vec<String>,
    /// Names written so far (files may be written from several threads).
    files: Mutex<Vec<String>>,
    /// Held until the set is in place.
    _lock: File,
}

impl Staging {
    /// Start replacing `dir` (created if missing). `keep` names files of
    /// the previous set that the new set keeps unless it writes them.
    ///
    /// Fails (as bad usage) if `dir` is not a directory, holds files but
    /// none that credence writes (it is not a run directory: credence will
    /// not replace it), holds a directory under one of credence's file
    /// names, or another credence command is writing into it.
    pub fn new(dir: &Path, keep: &[&str]) -> anyhow::Result<Staging> {
        let bad = |why: String| anyhow::Error::new(BadInput(why));
        let dir = match dir.canonicalize() {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::path::absolute(dir).with_context(|| format!("resolving {}", dir.display()))?
            }
            Err(e) => return Err(e).with_context(|| format!("resolving {}", dir.display())),
        };
        let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
            return Err(bad(format!(
                "{}: not usable as an output directory",
                dir.display()
            )));
        };
        let name = name.to_string_lossy().into_owned();
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
        let lock_path = parent.join(format!(".{name}.credence-lock"));
        let lock = File::create(&lock_path)
            .with_context(|| format!("creating {}", lock_path.display()))?;
        if let Err(e) = lock.try_lock() {
            return Err(match e {
                std::fs::TryLockError::WouldBlock => bad(format!(
                    "another credence command is writing into {} (lock {})",
                    dir.display(),
                    lock_path.display()
                )),
                std::fs::TryLockError::Error(e) => {
                    anyhow::Error::new(e).context(format!("locking {}", lock_path.display()))
                }
            });
        }
        // With the lock held, any other `.OUT.credence-*` is a killed run's.
        let prefix = format!(".{name}.credence-");
        for entry in
            std::fs::read_dir(parent).with_context(|| format!("listing {}", parent.display()))?
        {
            let entry = entry.with_context(|| format!("listing {}", parent.display()))?;
            let n = entry.file_name().to_string_lossy().into_owned();
            if n.starts_with(&prefix) && entry.path() != lock_path {
                remove_any(&entry.path())?;
            }
        }
        if dir.exists() {
            check_previous(&dir).map_err(bad)?;
        }
        let tmp = parent.join(format!("{prefix}new-{}", std::process::id()));
        std::fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        Ok(Staging {
            dir,
            tmp,
            keep: keep.iter().map(|s| s.to_string()).collect(),
            files: Mutex::new(Vec::new()),
            _lock: lock,
        })
    }

    /// Write one file.
    pub fn write(
        &self,
        name: &str,
        f: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        debug_assert!(
            OUTPUT_FILES.contains(&name),
            "{name} is not in OUTPUT_FILES"
        );
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

    /// Put the new set in place of the previous one.
    pub fn commit(self) -> anyhow::Result<()> {
        let written = self.files.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if self.dir.exists() {
            for entry in std::fs::read_dir(&self.dir)
                .with_context(|| format!("listing {}", self.dir.display()))?
            {
                let entry = entry.with_context(|| format!("listing {}", self.dir.display()))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let ours = OUTPUT_FILES.contains(&name.as_str());
                let carry = if ours {
                    self.keep.contains(&name) && !written.contains(&name)
                } else {
                    // Staging directories of versions before 0.2 lived inside OUT/.
                    !name.starts_with(".credence-tmp-")
                };
                if carry {
                    link_tree(&entry.path(), &self.tmp.join(&name))?;
                }
            }
            swap(&self.tmp, &self.dir)?;
            // `tmp` now holds the previous set.
            remove_any(&self.tmp)?;
        } else {
            std::fs::rename(&self.tmp, &self.dir)
                .with_context(|| format!("moving the new set into {}", self.dir.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Committed (then it is the previous set, already gone) or failed:
        // the sibling directory goes.
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

/// Why an existing `dir` cannot be replaced, if it cannot.
fn check_previous(dir: &Path) -> Result<(), String> {
    if !dir.is_dir() {
        return Err(format!("{} exists and is not a directory", dir.display()));
    }
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if !names.is_empty() && !names.iter().any(|n| OUTPUT_FILES.contains(&n.as_str())) {
        return Err(format!(
            "{} holds files credence did not write; write into a new or empty directory \
             (credence replaces its output directory as a whole)",
            dir.display()
        ));
    }
    for n in names.iter().filter(|n| OUTPUT_FILES.contains(&n.as_str())) {
        let p = dir.join(n);
        if !std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_file()) {
            return Err(format!(
                "{} is not a regular file, so credence will not replace it; move it away",
                p.display()
            ));
        }
    }
    Ok(())
}

/// Swap the directories `a` and `b` in one step.
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> anyhow::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
        .map_err(std::io::Error::from)
        .with_context(|| format!("swapping the new set into {}", b.display()))
}

/// Swap the directories `a` and `b`: two renames, between which `b` is absent.
#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> anyhow::Result<()> {
    let aside = a.with_extension("previous");
    std::fs::rename(b, &aside).with_context(|| format!("moving {} aside", b.display()))?;
    std::fs::rename(a, b).with_context(|| format!("moving the new set into {}", b.display()))?;
    std::fs::rename(&aside, a).with_context(|| format!("moving {} back", aside.display()))
}

/// Hard-link `from` (a file, or a directory tree) at `to`; copy where a
/// link cannot be made.
fn link_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    let meta =
        std::fs::symlink_metadata(from).with_context(|| format!("reading {}", from.display()))?;
    if meta.is_dir() {
        std::fs::create_dir(to).with_context(|| format!("creating {}", to.display()))?;
        for entry in
            std::fs::read_dir(from).with_context(|| format!("listing {}", from.display()))?
        {
            let entry = entry.with_context(|| format!("listing {}", from.display()))?;
            link_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    #[cfg(unix)]
    if meta.is_symlink() {
        let target =
            std::fs::read_link(from).with_context(|| format!("reading {}", from.display()))?;
        return std::os::unix::fs::symlink(target, to)
            .with_context(|| format!("creating {}", to.display()));
    }
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to)
            .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    }
    Ok(())
}

/// Remove a file or a directory tree.
fn remove_any(p: &Path) -> anyhow::Result<()> {
    let r = if std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) {
        std::fs::remove_dir_all(p)
    } else {
        std::fs::remove_file(p)
    };
    r.with_context(|| format!("removing {}", p.display()))
}

/// `extraction.jsonl.gz`; with `span_csv`, `quotes.csv` and
/// `attributions.csv`; with `--keep-going`, `rejects.csv`.
pub fn write_extraction(
    out: &Staging,
    extractions: &[Extraction],
    corpus: &Corpus,
    keep_going: bool,
    span_csv: bool,
) -> anyhow::Result<()> {
    if span_csv {
        write_span_csv(out, extractions)?;
    }
    out.write("extraction.jsonl.gz", |w| {
        tables::write_jsonl_gz(w, extractions)
    })?;
    if keep_going {
        out.write("rejects.csv", |w| {
            tables::write_csv(w, &RejectRows(&corpus.rejects))
        })?;
    }
    Ok(())
}

/// `quotes.csv` and `attributions.csv` (`score --span-csv` after an
/// extraction written without them).
pub fn write_span_csv(out: &Staging, extractions: &[Extraction]) -> anyhow::Result<()> {
    out.write("quotes.csv", |w| {
        tables::write_csv(w, &QuoteRows(extractions))
    })?;
    out.write("attributions.csv", |w| {
        tables::write_csv(w, &AttributionRows(extractions))
    })
}

/// `claims.csv` (with `corroborating_outlets` when scored), written with
/// the span CSVs.
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
    write_span_parquet(out, extractions, Some(s))?;
    let matches = tables::frame(&MatchRows(extractions, s))?;
    out.write("matches.parquet", |w| parquet::write(w, &matches))
}

/// `claims.parquet` (with `corroborating_outlets` when scored),
/// `quotes.parquet` and `attributions.parquet`: the span tables, always
/// written (typed and compressed: about a quarter of their CSV size).
pub fn write_span_parquet(
    out: &Staging,
    extractions: &[Extraction],
    s: Option<&Scores>,
) -> anyhow::Result<()> {
    // One typed frame at a time: each is dropped once written.
    let put = |name: &str, frame| out.write(name, |w| parquet::write(w, &frame));
    put("claims.parquet", tables::frame(&ClaimRows(extractions, s))?)?;
    put("quotes.parquet", tables::frame(&QuoteRows(extractions))?)?;
    put(
        "attributions.parquet",
        tables::frame(&AttributionRows(extractions))?,
    )
}

/// `report.md`, `report.html` and the charts (`outlets.svg` when an outlet
/// is ranked, `distribution.svg`), whose summary comes from `info`.
pub fn write_report(
    out: &Staging,
    extractions: &[Extraction],
    s: &Scores,
    config: &Config,
    info: &RunInfo,
    report: &ReportOptions,
) -> anyhow::Result<()> {
    let mut context = info.context();
    context.cards = report.cards;
    if let Some(dir) = &report.baseline {
        let base = super::saved::read_run(dir)?;
        let now = credence_report::diff::Run::from_scores("this run", s, config)?;
        context.baseline = Some(credence_report::diff::diff(&base, &now));
    }
    let rendered = credence_report::render(extractions, s, config, &context);
    for (name, svg) in &rendered.charts {
        out.write(name, |w| w.write_all(svg.as_bytes()))?;
    }
    out.write("report.md", |w| w.write_all(rendered.markdown.as_bytes()))?;
    out.write("report.html", |w| w.write_all(rendered.html.as_bytes()))?;
    if report.xlsx {
        out.write("report.xlsx", |w| {
            credence_report::xlsx::write(w, extractions, s, config)
        })?;
    }
    Ok(())
}

/// `run.json`.
pub fn write_run_info(out: &Staging, info: &RunInfo) -> anyhow::Result<()> {
    out.write("run.json", |w| {
        serde_json::to_writer_pretty(&mut *w, info)?;
        w.write_all(b"\n")
    })
}
