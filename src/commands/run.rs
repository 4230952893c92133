//! `credence run CORPUS... -o OUT/`: the main job — extract, score, write
//! every table, report.md and run.json. The same code as `extract` followed
//! by `score`.

use super::{extract, output, saved, score};
use crate::args::RunArgs;
use credence_report::run_info::{input_digest, ArticleCounts, RunInfo};
use credence_score::score as score_all;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    // The configuration is checked before the (long) extraction.
    let config = saved::load_config(args.config.as_deref())?;
    // So is the output directory (and it is locked for the run).
    let out_dir = &args.extract.out;
    let out = output::Staging::new(out_dir, &[])?;
    let mut timings = BTreeMap::new();
    let start = Instant::now();
    let (mut corpus, extractions, read) = extract::extract(&args.extract.input)?;
    timings.insert("read".to_string(), read.as_millis() as u64);
    timings.insert(
        "extract".to_string(),
        (start.elapsed() - read).as_millis() as u64,
    );
    let counts = ArticleCounts {
        read: corpus.read(),
        scored: extractions.len(),
        rejected: corpus.rejects.len(),
        text_bytes: corpus.articles.iter().map(|a| a.text.len()).sum(),
    };
    let digest = input_digest(&corpus);
    let extracted_summary = extract::summary(&corpus, &extractions);
    // Every extraction holds its article's text: the articles as read are
    // not needed again (only the rejects are, for rejects.csv).
    corpus.articles = Vec::new();
    let start = Instant::now();
    let scores = score_all(&extractions, &config)?;
    timings.insert("score".to_string(), start.elapsed().as_millis() as u64);
    let start = Instant::now();
    let corpus_args = args
        .extract
        .input
        .corpus
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    // Tables and report first; run.json last, with the time they took.
    let mut info = RunInfo::new(corpus_args, digest, &config, counts, &scores, timings);
    let (extracted, scored) = rayon::join(
        || {
            output::write_extraction(
                &out,
                &extractions,
                &corpus,
                args.extract.input.keep_going,
                args.extract.span_csv,
            )
        },
        || {
            score::write_all(
                &out,
                &extractions,
                &scores,
                &config,
                &info,
                &args.report,
                args.extract.span_csv,
            )
        },
    );
    extracted.and(scored)?;
    info.timings_ms
        .insert("write".to_string(), start.elapsed().as_millis() as u64);
    output::write_run_info(&out, &info)?;
    out.commit()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{extracted_summary}");
        eprintln!(
            "{} -> {}",
            score::summary(&extractions, &scores, &config),
            out_dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
