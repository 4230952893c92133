//! Reading a run directory back: its extraction, its run.json and the config
//! it was scored with.

use anyhow::{bail, Context};
use credence_extract::corpus::Corpus;
use credence_extract::Extraction;
use credence_report::markdown::RunContext;
use credence_report::run_info::{ArticleCounts, RunInfo};
use credence_score::{Config, Scores};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

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

/// `run.json` of a run directory, if there is one.
pub fn read_run_info(dir: &Path) -> anyhow::Result<Option<RunInfo>> {
    let path = dir.join("run.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(
            serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))?,
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// The config a run was scored with (from its run.json), else the defaults.
pub fn run_config(dir: &Path, info: Option<&RunInfo>) -> anyhow::Result<Config> {
    match info {
        Some(i) if !i.config.is_empty() => Ok(Config::from_toml(
            &i.config,
            &dir.join("run.json").display().to_string(),
        )?),
        _ => Ok(Config::default()),
    }
}

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

/// `sha256:` over every article read, in order.
pub fn input_digest(corpus: &Corpus) -> String {
    let mut h = Sha256::new();
    for a in &corpus.articles {
        for field in [&a.id, &a.outlet, &a.url, &a.published, &a.title, &a.text] {
            h.update(field.as_bytes());
            h.update([0u8]);
        }
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// run.json for a run.
pub fn run_info(
    corpus: Vec<String>,
    input_digest: String,
    config: &Config,
    articles: ArticleCounts,
    scores: &Scores,
    timings_ms: BTreeMap<String, u64>,
) -> RunInfo {
    let c = &scores.corroboration;
    let corroboration = [
        ("checkworthy_claims", c.claims),
        ("candidate_pairs", c.candidates),
        ("matches", c.match_pairs()),
        ("conflicts", c.conflict_pairs()),
        ("syndicated_pairs", c.syndicated_pairs()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    RunInfo {
        corroboration,
        credence_version: env!("CARGO_PKG_VERSION").to_string(),
        corpus,
        input_digest,
        config_hash: config.hash(),
        config: config.canonical(),
        articles,
        timings_ms,
    }
}

/// What report.md says about the run.
pub fn context(info: &RunInfo) -> RunContext {
    RunContext {
        version: info.credence_version.clone(),
        corpus: info.corpus.clone(),
        read: info.articles.read,
        rejected: info.articles.rejected,
        chart: None,
    }
}
