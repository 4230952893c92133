//! `run.json`: what produced a run directory — the tool version, the corpus,
//! a digest of the input, the scoring config in force, counts and timings.
//! `credence score`, `explain`, `report` and `diff` read it back for the config.

use serde::{Deserialize, Serialize};
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
    /// by similarity), `matches`, `conflicts` (pairs), `syndicated_pairs`.
    #[serde(default)]
    pub corroboration: BTreeMap<String, usize>,
    /// Wall time of each stage, in milliseconds (`read`, `extract`, `score`, `write`).
    pub timings_ms: BTreeMap<String, u64>,
}
