//! `credence eval-sources --gold FILE CORPUS...`: typed sources (name, type,
//! attributions per source) against hand annotations, the figures a reader
//! of a card would check.

use super::input;
use crate::args::EvalSourcesArgs;
use crate::exit::BadInput;
use anyhow::Context;
use credence_extract::eval::sources::{read_gold, score_sources};
use credence_extract::{extract_article, Tagger};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &EvalSourcesArgs) -> anyhow::Result<ExitCode> {
    input::threads(args.input.threads)?;
    let gold = read_gold(&args.gold)?;
    let ids: BTreeSet<&str> = gold.iter().map(|g| g.article_id.as_str()).collect();
    let corpus = input::read(&args.input)?;
    let articles: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| ids.contains(a.id.as_str()))
        .collect();
    let found: BTreeSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    if let Some(missing) = ids.iter().find(|id| !found.contains(*id)) {
        return Err(anyhow::Error::new(BadInput(format!(
            "{}: article {missing} is not in the corpus given ({} of {} annotated articles found)",
            args.gold.display(),
            found.len(),
            ids.len()
        ))));
    }
    let extractions: Vec<_> = articles
        .par_iter()
        .map(|a| extract_article(a, Tagger::embedded()))
        .collect();
    let e = score_sources(&gold, &extractions);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &e)?;
        writeln!(out)?;
    } else {
        credence_report::eval::write_sources_markdown(&mut out, &e, args.errors)
            .context("writing the table")?;
    }
    Ok(ExitCode::SUCCESS)
}
