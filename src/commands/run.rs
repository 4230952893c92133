//! `credence run CORPUS... -o OUT/`: the main job — extract, score, write
//! every table. The same code as `extract` followed by `score`.

use super::{extract, output, score};
use crate::args::RunArgs;
use credence_score::score as score_all;
use std::process::ExitCode;

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    // The configuration is checked before the (long) extraction.
    let config = score::load_config(args.config.as_deref())?;
    let (corpus, extractions) = extract::extract(&args.extract.input)?;
    let scores = score_all(&extractions, &config)?;
    let out = &args.extract.out;
    output::create_dir(out)?;
    output::write_extraction(out, &extractions, &corpus, args.extract.input.keep_going)?;
    output::write_claims(out, &extractions, Some(&scores))?;
    output::write_scores(out, &extractions, &scores)?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{}", extract::summary(&corpus, &extractions));
        eprintln!(
            "{} -> {}",
            score::summary(&extractions, &scores, &config),
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
