//! `credence explain OUT/ ARTICLE_ID`: one article's card in the terminal —
//! each component, its value, weight and contribution, and the sentences
//! behind it. Rescores OUT/'s extraction with the config in its run.json, so
//! the numbers are the ones in its tables.

use super::saved;
use crate::args::ExplainArgs;
use crate::exit::BadInput;
use credence_report::card::card;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    let extractions = saved::read_extractions(&args.dir)?;
    let info = saved::read_run_info(&args.dir)?;
    let config = saved::run_config(&args.dir, info.as_ref())?;
    let Some(a) = extractions
        .iter()
        .position(|e| e.article_id == args.article)
    else {
        return Err(BadInput(format!(
            "no article `{}` in {}",
            args.article,
            saved::extraction_path(&args.dir)?.display()
        ))
        .into());
    };
    let scores = credence_score::score(&extractions, &config)?;
    let mut out = std::io::stdout().lock();
    out.write_all(card(&extractions, &scores, &config, a, 1).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
