//! `credence extract CORPUS... -o OUT/`: read, extract in parallel, write the
//! extraction tables.

use super::{input, output};
use crate::args::{ExtractArgs, InputArgs};
use credence_extract::corpus::Corpus;
use credence_extract::Tagger;
use credence_extract::{extract_article, Extraction};
use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Read the corpus and extract every article, in input order; also returns
/// the time spent reading.
pub fn extract(args: &InputArgs) -> anyhow::Result<(Corpus, Vec<Extraction>, Duration)> {
    input::threads(args.threads)?;
    let start = Instant::now();
    let corpus = input::read(args)?;
    let read = start.elapsed();
    let model = Tagger::embedded();
    // Drawn only when stderr is a terminal and the run is long enough to wait for.
    let bar = if corpus.articles.len() >= 500 && std::io::stderr().is_terminal() {
        ProgressBar::new(corpus.articles.len() as u64).with_style(
            ProgressStyle::with_template("extracting {bar:40} {pos}/{len} articles, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    // par_iter().map().collect() keeps input order, so output does not depend on threads.
    let extractions = corpus
        .articles
        .par_iter()
        .progress_with(bar.clone())
        .map(|a| extract_article(a, model))
        .collect();
    bar.finish_and_clear();
    Ok((corpus, extractions, read))
}

/// The extraction half of the run summary.
pub fn summary(corpus: &Corpus, extractions: &[Extraction]) -> String {
    let quotes: usize = extractions.iter().map(|e| e.quotes.len()).sum();
    let attributions: usize = extractions.iter().map(|e| e.attributions.len()).sum();
    let claims: usize = extractions.iter().map(|e| e.claims.len()).sum();
    format!(
        "read {} articles: {} extracted, {} rejected; {quotes} quotes, {attributions} attributions, {claims} claims",
        corpus.read(),
        extractions.len(),
        corpus.rejects.len(),
    )
}

pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let out = output::Staging::new(&args.out, &[])?;
    let (corpus, extractions, _) = extract(&args.input)?;
    output::write_extraction(
        &out,
        &extractions,
        &corpus,
        args.input.keep_going,
        args.span_csv,
    )?;
    if args.span_csv {
        output::write_claims(&out, &extractions, None)?;
    }
    output::write_span_parquet(&out, &extractions, None)?;
    out.commit()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "{} -> {}",
            summary(&corpus, &extractions),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
