//! `credence extract CORPUS... -o OUT/` (and, until scoring lands, `credence run`):
//! read, extract in parallel, write the extraction tables.

use super::input;
use crate::args::ExtractArgs;
use anyhow::Context;
use credence_extract::model::Model;
use credence_extract::{extract_article, Extraction};
use credence_report::extraction_tables as tables;
use rayon::prelude::*;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::process::ExitCode;

fn write(
    dir: &Path,
    name: &str,
    f: impl FnOnce(BufWriter<File>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let path = dir.join(name);
    let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    f(BufWriter::new(file)).with_context(|| format!("writing {}", path.display()))
}

pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    input::threads(&args.input)?;
    let corpus = input::read(&args.input)?;
    let model = Model::embedded();
    // par_iter().map().collect() keeps input order, so output does not depend on threads.
    let extractions: Vec<Extraction> = corpus
        .articles
        .par_iter()
        .map(|a| extract_article(a, model))
        .collect();
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    write(&args.out, "quotes.csv", |w| {
        tables::write_quotes(w, &extractions)
    })?;
    write(&args.out, "attributions.csv", |w| {
        tables::write_attributions(w, &extractions)
    })?;
    write(&args.out, "claims.csv", |w| {
        tables::write_claims(w, &extractions)
    })?;
    write(&args.out, "extraction.jsonl", |w| {
        tables::write_jsonl(w, &extractions)
    })?;
    if args.input.keep_going {
        write(&args.out, "rejects.csv", |w| {
            tables::write_rejects(w, &corpus.rejects)
        })?;
    }
    let quotes: usize = extractions.iter().map(|e| e.quotes.len()).sum();
    let attributions: usize = extractions.iter().map(|e| e.attributions.len()).sum();
    let claims: usize = extractions.iter().map(|e| e.claims.len()).sum();
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "read {} articles: {} extracted, {} rejected; {quotes} quotes, {attributions} attributions, {claims} claims -> {}",
            corpus.read(),
            extractions.len(),
            corpus.rejects.len(),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
