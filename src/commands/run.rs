//! `credence run CORPUS... -o OUT/`: the main job — extract, score, write
//! every table, report.md and run.json. The same code as `extract` followed
//! by `score`.

use super::{extract, output, saved, score};
use crate::args::RunArgs;
use credence_report::run_info::ArticleCounts;
use credence_score::score as score_all;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    // The configuration is checked before the (long) extraction.
    let config = saved::load_config(args.config.as_deref())?;
    let mut timings = BTreeMap::new();
    let start = Instant::now();
    let (corpus, extractions, read) = extract::extract(&args.extract.input)?;
    timings.insert("read".to_string(), read.as_millis() as u64);
    timings.insert(
        "extract".to_string(),
        (start.elapsed() - read).as_millis() as u64,
    );
    let start = Instant::now();
    let scores = score_all(&extractions, &config)?;
    timings.insert("score".to_string(), start.elapsed().as_millis() as u64);
    let start = Instant::now();
    let out_dir = &args.extract.out;
    let mut out = output::Staging::new(out_dir)?;
    output::write_extraction(
        &mut out,
        &extractions,
        &corpus,
        args.extract.input.keep_going,
    )?;
    let counts = ArticleCounts {
        read: corpus.read(),
        scored: extractions.len(),
        rejected: corpus.rejects.len(),
        text_bytes: corpus.articles.iter().map(|a| a.text.len()).sum(),
    };
    let corpus_args = args
        .extract
        .input
        .corpus
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    // Tables and report first; run.json last, with the time they took.
    let mut info = saved::run_info(
        corpus_args,
        saved::input_digest(&corpus),
        &config,
        counts,
        &scores,
        timings,
    );
    score::write_all(&mut out, &extractions, &scores, &config, &info)?;
    info.timings_ms
        .insert("write".to_string(), start.elapsed().as_millis() as u64);
    output::write_run_info(&mut out, &info)?;
    out.commit()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{}", extract::summary(&corpus, &extractions));
        eprintln!(
            "{} -> {}",
            score::summary(&extractions, &scores, &config),
            out_dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
