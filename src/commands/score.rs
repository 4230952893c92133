//! `credence score OUT/`: score the extraction in OUT/ (its
//! `extraction.jsonl`) and write the score tables, report.md and run.json
//! next to it.

use super::{input, output, saved};
use crate::args::ReportOptions;
use crate::args::ScoreArgs;
use credence_extract::Extraction;
use credence_report::run_info::{ArticleCounts, RunInfo};
use credence_score::config::Undated;
use credence_score::{score, Config, Scores};
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

/// The scoring half of the run summary.
pub fn summary(extractions: &[Extraction], scores: &Scores, config: &Config) -> String {
    let c = &scores.corroboration;
    let mut s = format!(
        "scored {} articles from {} outlets (config {}); {} cross-outlet claim matches ({} conflicts), {} syndicated pairs",
        scores.articles.len(),
        scores.outlets.len(),
        config.hash(),
        c.match_pairs(),
        c.conflict_pairs(),
        c.syndicated_pairs(),
    );
    let n = scores.articles.len();
    if scores.undated > 0 && scores.undated < n {
        let policy = match config.corroboration.undated {
            Undated::Undated => "they may corroborate only each other",
            Undated::Any => "they may corroborate any article",
            Undated::None => "they corroborate nothing",
        };
        s.push_str(&format!(
            "; {} of {n} articles have no usable date ({policy}: `[corroboration] undated`)",
            scores.undated
        ));
    }
    if !scores.unreadable_dates.is_empty() {
        let ids: Vec<&str> = scores
            .unreadable_dates
            .iter()
            .take(5)
            .map(|&i| extractions[i].article_id.as_str())
            .collect();
        s.push_str(&format!(
            "; {} unreadable `published` dates treated as unknown (e.g. {})",
            scores.unreadable_dates.len(),
            ids.join(", ")
        ));
    }
    s
}

/// Write everything that depends on the scores: the score tables (CSV and
/// Parquet), claims.csv with `span_csv`, the charts and the report. run.json
/// is written by the caller, last, once its timings are known.
///
/// The tables and the report are written on two threads (each file by one
/// thread, so the bytes are the same whatever the thread count).
pub fn write_all(
    out: &output::Staging,
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
    info: &RunInfo,
    report: &ReportOptions,
    span_csv: bool,
) -> anyhow::Result<()> {
    let (tables, report) = rayon::join(
        || -> anyhow::Result<()> {
            if span_csv {
                output::write_claims(out, extractions, Some(scores))?;
            }
            output::write_scores(out, extractions, scores)?;
            output::write_parquet(out, extractions, scores)
        },
        || output::write_report(out, extractions, scores, config, info, report),
    );
    tables.and(report)
}

pub fn run(args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    input::threads(args.threads)?;
    let config = saved::load_config(args.config.as_deref())?;
    let out = output::Staging::new(&args.dir, output::EXTRACTION_FILES)?;
    let extractions = saved::read_extractions(&args.dir)?;
    let previous = saved::read_run_info(&args.dir)?;
    let start = Instant::now();
    let scores = score(&extractions, &config)?;
    let mut timings = BTreeMap::new();
    timings.insert("score".to_string(), start.elapsed().as_millis() as u64);
    let previous = previous.unwrap_or_else(|| RunInfo {
        articles: ArticleCounts {
            read: extractions.len(),
            scored: extractions.len(),
            rejected: 0,
            text_bytes: extractions.iter().map(|e| e.text.len()).sum(),
        },
        ..RunInfo::default()
    });
    let info = RunInfo::new(
        previous.corpus,
        previous.input_digest,
        &config,
        previous.articles,
        &scores,
        timings,
    );
    // The span CSVs are all or none: asked for, or there from the extraction.
    let span_csv = args.span_csv || args.dir.join("claims.csv").is_file();
    if span_csv && !args.dir.join("quotes.csv").is_file() {
        output::write_span_csv(&out, &extractions)?;
    }
    write_all(
        &out,
        &extractions,
        &scores,
        &config,
        &info,
        &args.report,
        span_csv,
    )?;
    output::write_run_info(&out, &info)?;
    out.commit()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "{} -> {}",
            summary(&extractions, &scores, &config),
            args.dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
