//! `credence eval-corroboration --gold-pairs FILE CORPUS...`: the corpus's
//! matches against hand-annotated claim pairs of that corpus.
//!
//! The file is tab-separated with a header naming its columns:
//! `claim_id` and `other_claim_id` (required), `same` (1: the two claims
//! state one fact, 0: they do not; absent: every pair is a same-fact pair)
//! and any others (`fact`, `stratum`, …), which are kept for people. With
//! only same-fact pairs the command measures recall and lists the matches
//! not annotated for reading; with pairs annotated 0 as well it also
//! measures precision over the annotated pairs. Either way it sweeps
//! `min_confidence`, so a user can see what another threshold would find on
//! their own corpus before changing the config.

use crate::args::EvalCorroborationArgs;
use crate::exit::BadInput;
use anyhow::Context;
use credence_extract::Extraction;
use credence_score::corroboration::same_fact::{self, Model};
use credence_score::corroboration::{
    candidate_pairs, relation, Candidate, ClaimRef, Relation, Units,
};
use credence_score::Config;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// One annotated pair of claims (`x < y`).
struct GoldPair {
    x: ClaimRef,
    y: ClaimRef,
    /// Whether the two state one fact.
    same: bool,
    /// The `fact` column, when there is one.
    fact: String,
}

/// The thresholds the sweep tries.
const SWEEP: [f64; 9] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// Read the annotated pairs of `gold`, naming the file and line of any
/// malformed line or unknown claim id.
fn read_gold(gold: &Path, extractions: &[Extraction]) -> anyhow::Result<Vec<GoldPair>> {
    let bad = |m: String| anyhow::Error::new(BadInput(m));
    let text = std::fs::read_to_string(gold)
        .map_err(|e| bad(format!("reading {}: {e}", gold.display())))?;
    let mut at: HashMap<&str, ClaimRef> = HashMap::new();
    for (article, e) in extractions.iter().enumerate() {
        for (claim, c) in e.claims.iter().enumerate() {
            at.insert(c.id.as_str(), ClaimRef { article, claim });
        }
    }
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').map(str::trim).collect())
        .unwrap_or_default();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (Some(a), Some(b)) = (column("claim_id"), column("other_claim_id")) else {
        return Err(bad(format!(
            "{}:1: the header must name the columns `claim_id` and `other_claim_id` (and \
             optionally `same`, 1 or 0, and `fact`), tab-separated",
            gold.display()
        )));
    };
    let (same_at, fact_at) = (column("same"), column("fact"));
    let mut pairs = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let here = format!("{}:{}", gold.display(), i + 1);
        if fields.len() != header.len() {
            return Err(bad(format!(
                "{here}: expected {} tab-separated fields ({}), found {}",
                header.len(),
                header.join(", "),
                fields.len()
            )));
        }
        let find = |id: &str| {
            at.get(id.trim())
                .copied()
                .ok_or_else(|| bad(format!("{here}: no claim `{id}` in the corpus")))
        };
        let (x, y) = (find(fields[a])?, find(fields[b])?);
        let same = match same_at.map(|s| fields[s].trim()) {
            None | Some("1") => true,
            Some("0") => false,
            Some(other) => {
                return Err(bad(format!(
                    "{here}: `same` must be 1 or 0, found `{other}`"
                )))
            }
        };
        pairs.push(GoldPair {
            x: x.min(y),
            y: x.max(y),
            same,
            fact: fact_at.map_or(String::new(), |f| fields[f].to_string()),
        });
    }
    Ok(pairs)
}

/// Score the corpus's matches against the annotated claim pairs in `gold`.
pub fn run(
    args: &EvalCorroborationArgs,
    gold: &Path,
    extractions: &[Extraction],
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let pairs = read_gold(gold, extractions)?;
    let scores = credence_score::score(extractions, config)?;
    let c = &scores.corroboration;
    let matched = |x: ClaimRef, y: ClaimRef| {
        c.matches_of(x)
            .iter()
            .any(|m| m.other == y && m.relation == Relation::Corroborates)
    };
    // The matcher's inputs as `credence_score::score` builds them.
    let outlets = credence_score::canonical_outlets(extractions, config);
    let dates = credence_score::article_dates(extractions);
    let inputs = credence_score::corroboration_inputs(extractions, &outlets, &dates);
    let candidates = candidate_pairs(&inputs, &config.corroboration, Units::ClaimsAndClauses);
    if let Some(path) = &args.candidates_out {
        write_candidates(path, extractions, &candidates, &pairs)?;
    }
    let sweep = sweep(&candidates, &pairs, config);
    let same = pairs.iter().filter(|p| p.same).count();
    let not_same = pairs.len() - same;
    let found = pairs.iter().filter(|p| p.same && matched(p.x, p.y)).count();
    let wrong = pairs
        .iter()
        .filter(|p| !p.same && matched(p.x, p.y))
        .count();
    let annotated: BTreeSet<(ClaimRef, ClaimRef)> = pairs.iter().map(|p| (p.x, p.y)).collect();
    let corroborating = || {
        c.matches
            .iter()
            .filter(|m| m.claim < m.other && m.relation == Relation::Corroborates)
    };
    let all = corroborating().count();
    let others: Vec<_> = corroborating()
        .filter(|m| !annotated.contains(&(m.claim, m.other)))
        .collect();
    let id = |r: ClaimRef| extractions[r.article].claims[r.claim].id.as_str();
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let recall = ratio(found, same);
    let precision = ratio(found, found + wrong);
    let mut out = std::io::stdout().lock();
    if args.json {
        let v = serde_json::json!({
            "gold_pairs": same,
            "annotated_not_same": not_same,
            "found": found,
            "recall": recall,
            "matched_not_same": wrong,
            "precision_annotated": (not_same > 0).then_some(precision),
            "matches": all,
            "matches_not_annotated": others.len(),
            "min_confidence_sweep": sweep.iter().map(|s| serde_json::json!({
                "min_confidence": s.threshold,
                "found": s.found,
                "matched_not_same": s.wrong,
                "matches": s.matches,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
    } else {
        writeln!(out, "| | value |\n|---|---:|")?;
        writeln!(out, "| annotated same-fact pairs | {same} |")?;
        writeln!(out, "| found (recall) | {found} ({recall:.3}) |")?;
        if not_same > 0 {
            writeln!(out, "| annotated as not the same fact | {not_same} |")?;
            writeln!(out, "| of them matched | {wrong} |")?;
            writeln!(
                out,
                "| precision over the annotated pairs matched | {precision:.3} |"
            )?;
        }
        writeln!(out, "| corroborating matches | {all} |")?;
        writeln!(
            out,
            "| matches not annotated (read them: the list need not be complete) | {} |",
            others.len()
        )?;
        writeln!(
            out,
            "\nWhat other `min_confidence` values would match (every other setting as \
             configured; syndicated copies are not set apart here):\n"
        )?;
        writeln!(
            out,
            "| min_confidence | annotated same-fact pairs found | annotated not-same pairs matched | claim pairs matched in the corpus |"
        )?;
        writeln!(out, "|---:|---:|---:|---:|")?;
        for s in &sweep {
            writeln!(
                out,
                "| {:.1} | {} ({:.3}) | {} | {} |",
                s.threshold,
                s.found,
                ratio(s.found, same),
                s.wrong,
                s.matches
            )?;
        }
    }
    if args.errors {
        writeln!(out, "\n## Annotated, not found\n")?;
        for p in pairs.iter().filter(|p| p.same && !matched(p.x, p.y)) {
            writeln!(out, "- `{}` ‖ `{}`: {}", id(p.x), id(p.y), p.fact)?;
        }
        if not_same > 0 {
            writeln!(out, "\n## Annotated as not the same fact, matched\n")?;
            for p in pairs.iter().filter(|p| !p.same && matched(p.x, p.y)) {
                writeln!(out, "- `{}` ‖ `{}`", id(p.x), id(p.y))?;
            }
        }
        writeln!(out, "\n## Matched, not annotated\n")?;
        for m in others {
            writeln!(
                out,
                "- `{}` ‖ `{}` (same fact {:.2})",
                id(m.claim),
                id(m.other),
                m.confidence
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What one `min_confidence` would match.
struct SweepRow {
    threshold: f64,
    /// Annotated same-fact pairs matched.
    found: usize,
    /// Annotated not-same pairs matched.
    wrong: usize,
    /// Claim pairs matched in the whole corpus.
    matches: usize,
}

/// Judge every candidate again at each threshold of [`SWEEP`]: a pair of
/// claims matches when any pair of their units corroborates, as in the run.
fn sweep(candidates: &[Candidate], pairs: &[GoldPair], config: &Config) -> Vec<SweepRow> {
    let model = Model::embedded();
    let label: BTreeMap<(ClaimRef, ClaimRef), bool> =
        pairs.iter().map(|p| ((p.x, p.y), p.same)).collect();
    SWEEP
        .iter()
        .map(|&threshold| {
            let mut cfg = config.corroboration;
            cfg.min_confidence = threshold;
            cfg.conflict_confidence = cfg.conflict_confidence.max(threshold);
            let matched: BTreeSet<(ClaimRef, ClaimRef)> = candidates
                .iter()
                .filter(|c| {
                    relation(model, &cfg, &c.features, c.numbers_conflict)
                        .is_some_and(|(r, _)| r == Relation::Corroborates)
                })
                .map(|c| (c.claim.min(c.other), c.claim.max(c.other)))
                .collect();
            let count = |same: bool| {
                matched
                    .iter()
                    .filter(|k| label.get(k) == Some(&same))
                    .count()
            };
            SweepRow {
                threshold,
                found: count(true),
                wrong: count(false),
                matches: matched.len(),
            }
        })
        .collect()
}

/// Write every candidate pair of claims and clauses the matcher judges
/// (`--candidates-out`), with whether the two claims are annotated (1 same,
/// 0 not the same, empty: not annotated) and the model's probability: which
/// annotated pairs never became candidates, and what the rest scored.
fn write_candidates(
    path: &Path,
    extractions: &[Extraction],
    candidates: &[Candidate],
    gold: &[GoldPair],
) -> anyhow::Result<()> {
    let annotated: BTreeMap<(ClaimRef, ClaimRef), bool> =
        gold.iter().map(|p| ((p.x, p.y), p.same)).collect();
    let id = |r: ClaimRef| extractions[r.article].claims[r.claim].id.as_str();
    let indexes: Vec<credence_extract::CharIndex> = extractions
        .iter()
        .map(|e| credence_extract::CharIndex::new(&e.text))
        .collect();
    let text = |r: ClaimRef| {
        let e = &extractions[r.article];
        e.slice(&indexes[r.article], e.claims[r.claim].span)
            .replace(['\t', '\n', '\r'], " ")
    };
    let model = Model::embedded();
    let file =
        std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    writeln!(
        w,
        "claim_id\tother_claim_id\tannotated\tsimilarity\tprobability\t{}\tclaim\tother_claim",
        same_fact::FEATURES.join("\t")
    )?;
    for c in candidates {
        let (x, y) = (c.claim.min(c.other), c.claim.max(c.other));
        let label = annotated
            .get(&(x, y))
            .map_or("", |&same| if same { "1" } else { "0" });
        write!(
            w,
            "{}\t{}\t{label}\t{}\t{}",
            id(x),
            id(y),
            c.similarity,
            model.probability(&c.features)
        )?;
        for v in c.features {
            write!(w, "\t{v}")?;
        }
        writeln!(w, "\t{}\t{}", text(x), text(y))?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))
}
