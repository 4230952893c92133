//! `credence score OUT/`: score the extraction tables in OUT/ (its
//! `extraction.jsonl`) and write the score tables next to them.

use super::{input, output};
use crate::args::ScoreArgs;
use anyhow::{bail, Context};
use credence_extract::Extraction;
use credence_score::{score, Config, Scores};
use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

/// The configuration in force: `--config FILE` or the defaults.
pub fn load_config(path: Option<&Path>) -> anyhow::Result<Config> {
    match path {
        None => Ok(Config::default()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading the scoring configuration {}", p.display()))?;
            Ok(Config::from_toml(&text, &p.display().to_string())?)
        }
    }
}

/// Read `extraction.jsonl` from a run directory; errors name the line.
pub fn read_extractions(dir: &Path) -> anyhow::Result<Vec<Extraction>> {
    let path = dir.join("extraction.jsonl");
    let file = std::fs::File::open(&path).with_context(|| {
        format!(
            "opening {} (run `credence extract` or `credence run` into {} first)",
            path.display(),
            dir.display()
        )
    })?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: reading", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let e: Extraction = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not an extraction record", path.display(), i + 1))?;
        out.push(e);
    }
    if out.is_empty() {
        bail!("{}: no articles", path.display());
    }
    Ok(out)
}

/// The scoring half of the run summary.
pub fn summary(extractions: &[Extraction], scores: &Scores, config: &Config) -> String {
    let c = &scores.corroboration;
    let conflicts = c
        .matches
        .iter()
        .filter(|m| m.relation == credence_score::corroboration::Relation::Conflicts)
        .count()
        / 2;
    let syndicated: usize = c.syndicated.iter().map(Vec::len).sum::<usize>() / 2;
    let mut s = format!(
        "scored {} articles from {} outlets (config {}); {} cross-outlet claim matches ({conflicts} conflicts), {syndicated} syndicated pairs",
        scores.articles.height(),
        scores.outlets.height(),
        config.hash(),
        c.matches.len() / 2,
    );
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

pub fn run(args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    input::threads(args.threads)?;
    let config = load_config(args.config.as_deref())?;
    let extractions = read_extractions(&args.dir)?;
    let scores = score(&extractions, &config)?;
    output::write_claims(&args.dir, &extractions, Some(&scores))?;
    output::write_scores(&args.dir, &extractions, &scores)?;
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
