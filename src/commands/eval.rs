//! `credence eval --gold DIR CORPUS...`: extraction quality against brat annotations.

use super::input;
use crate::args::EvalArgs;
use anyhow::Context;
use credence_extract::eval::{brat, evaluate};
use credence_extract::{ExtractError, Tagger};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    input::threads(args.input.threads)?;
    let corpus = input::read(&args.input)?;
    let gold = brat::ann_files(&args.gold)?;
    let loaded;
    let tagger = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            loaded = Tagger::from_bytes(&bytes)
                .ok_or_else(|| ExtractError::BadModel { path: path.clone() })?;
            &loaded
        }
        None => Tagger::embedded(),
    };
    let total = evaluate(&corpus.articles, &gold, tagger, args.write_ann.as_deref())
        .with_context(|| format!("scoring against {}", args.gold.display()))?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &total)?;
        writeln!(out)?;
    } else {
        credence_report::eval::write_markdown(&mut out, &total)?;
    }
    Ok(ExitCode::SUCCESS)
}
