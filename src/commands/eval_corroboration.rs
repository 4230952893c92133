//! `credence eval-corroboration CORPUS...`: how often cross-outlet claim
//! matches stay inside one labelled story (precision), and how many stories
//! get any match (coverage).

use super::{extract, saved};
use crate::args::EvalCorroborationArgs;
use anyhow::bail;
use credence_score::corroboration::eval::evaluate;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &EvalCorroborationArgs) -> anyhow::Result<ExitCode> {
    let config = saved::load_config(args.config.as_deref())?;
    let (corpus, extractions, _) = extract::extract(&args.input)?;
    let stories: Vec<Option<&str>> = corpus
        .articles
        .iter()
        .map(|a| a.metadata.get(&args.story_field).map(String::as_str))
        .collect();
    if stories.iter().all(Option::is_none) {
        bail!("no article has a `{}` field", args.story_field);
    }
    let outlets: Vec<&str> = extractions.iter().map(|e| e.outlet.as_str()).collect();
    let scores = credence_score::score(&extractions, &config)?;
    let e = evaluate(&scores.corroboration, &stories, &outlets);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &e)?;
        writeln!(out)?;
    } else {
        let c = &scores.corroboration;
        writeln!(out, "| | value |\n|---|---:|")?;
        writeln!(out, "| articles | {} |", extractions.len())?;
        writeln!(out, "| check-worthy claims | {} |", c.claims)?;
        writeln!(out, "| candidate pairs verified | {} |", c.candidates)?;
        writeln!(out, "| cross-outlet matches | {} |", e.matches)?;
        writeln!(
            out,
            "| precision (matches inside one story) | {:.3} ({}/{}) |",
            e.precision, e.same_story, e.matches
        )?;
        writeln!(
            out,
            "| coverage (stories with a match) | {:.3} ({}/{}) |",
            e.coverage, e.stories_matched, e.stories
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
