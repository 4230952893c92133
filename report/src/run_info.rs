//! `run.json`: what produced a run directory — the tool version, the corpus,
//! a digest of the input, the scoring config in force, counts and timings.
//! `credence score`, `explain`, `report` and `diff` read it back for the config.

use crate::markdown::RunContext;
use credence_extract::Corpus;
use credence_score::{Config, Scores};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Articles read, scored and rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCounts {
    /// Read = scored + rejected.
    pub read: usize,
    /// Extracted and scored.
    pub scored: usize,
    /// Rejected (with `--keep-going`; see rejects.csv).
    pub rejected: usize,
    /// UTF-8 bytes of article text read (for throughput).
    #[serde(default)]
    pub text_bytes: usize,
}

/// The contents of `run.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// credence's version.
    pub credence_version: String,
    /// The corpus arguments, as given.
    pub corpus: Vec<String>,
    /// `sha256:` digest of every article read (id, outlet, url, published, title, text, in order).
    pub input_digest: String,
    /// Hash of the scoring config in force.
    pub config_hash: String,
    /// The scoring config in force, as canonical TOML.
    pub config: String,
    /// Counts.
    pub articles: ArticleCounts,
    /// Corroboration counts: `checkworthy_claims`, `candidate_pairs` (verified
    /// by similarity), `matches`, `conflicts` (pairs), `syndicated_pairs`,
    /// `undated_articles` (no usable date: see `[corroboration] undated`).
    #[serde(default)]
    pub corroboration: BTreeMap<String, usize>,
    /// Wall time of each stage, in milliseconds (`read`, `extract`, `score`, `write`).
    pub timings_ms: BTreeMap<String, u64>,
}

impl RunInfo {
    /// run.json for a run of `config` over `corpus` (the arguments as given)
    /// that scored `scores`; `timings_ms` as measured so far.
    pub fn new(
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
            ("undated_articles", scores.undated),
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

    /// What report.md says about the run (no chart yet).
    pub fn context(&self) -> RunContext {
        RunContext {
            version: self.credence_version.clone(),
            corpus: self.corpus.clone(),
            read: self.articles.read,
            rejected: self.articles.rejected,
            chart: None,
            distribution_chart: None,
            components_chart: None,
            inline_charts: false,
            cards: Default::default(),
            baseline: None,
        }
    }

    /// The config the run was scored with (`origin` names run.json in
    /// errors); the defaults when the run recorded none.
    pub fn scoring_config(&self, origin: &str) -> Result<Config, credence_score::ScoreError> {
        if self.config.is_empty() {
            Ok(Config::default())
        } else {
            Config::from_toml(&self.config, origin)
        }
    }
}

/// `sha256:` over every article read (id, outlet, url, published, title,
/// text, each followed by a NUL), in order.
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

#[cfg(test)]
mod tests {
    use super::*;
    use credence_extract::Article;

    #[test]
    fn digest_covers_every_field_and_article_order() {
        let a = |id: &str, text: &str| Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        };
        let corpus = |articles| Corpus {
            articles,
            ..Corpus::default()
        };
        let d1 = input_digest(&corpus(vec![a("1", "x"), a("2", "y")]));
        let d2 = input_digest(&corpus(vec![a("2", "y"), a("1", "x")]));
        let d3 = input_digest(&corpus(vec![a("1", "xy"), a("2", "")]));
        assert!(d1.starts_with("sha256:") && d1.len() == 7 + 64);
        assert_ne!(d1, d2);
        assert_ne!(d1, d3);
    }

    #[test]
    fn a_run_without_config_is_scored_with_the_defaults() {
        let info = RunInfo::default();
        assert_eq!(info.scoring_config("run.json").unwrap(), Config::default());
    }
}
