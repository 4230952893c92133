//! `credence eval-corroboration CORPUS...`: how often cross-outlet claim
//! matches stay inside one labelled story (precision), and how many stories
//! get any match (coverage); with `--pairs`, how well the matcher recovers
//! labelled same-meaning sentence pairs (MRPC's format).

use super::{extract, saved};
use crate::args::EvalCorroborationArgs;
use crate::exit::BadInput;
use anyhow::{bail, Context};
use credence_extract::corpus::Article;
use credence_extract::{extract_article, Tagger};
use credence_score::config::CorroborationConfig;
use credence_score::corroboration::eval::{evaluate, evaluate_pairs, PairEvaluation};
use credence_score::corroboration::same_fact::{self, Features, Model};
use credence_score::corroboration::{
    candidate_pairs, corroborate_with, relation, Candidate, ClaimMatch, ClaimRef, Corroboration,
    Relation, Units,
};
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &EvalCorroborationArgs) -> anyhow::Result<ExitCode> {
    if args.pairs {
        return run_pairs(args);
    }
    let config = saved::load_config(args.config.as_deref())?;
    let (corpus, extractions, _) = extract::extract(&args.input)?;
    if let Some(gold) = &args.gold_pairs {
        return super::eval_gold_pairs::run(args, gold, &extractions, &config);
    }
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

/// One labelled pair.
pub struct Pair {
    pub same: bool,
    pub ids: [String; 2],
    pub texts: [String; 2],
}

/// Read labelled pairs in MRPC's format: a header line, then
/// `Quality \t #1 ID \t #2 ID \t #1 String \t #2 String` per line (no quoting:
/// the strings hold `"` freely). Any other line is an error naming it, or
/// with `keep_going` is skipped and listed in `rejects` (`file:line: reason`).
pub fn read_pairs(
    path: &Path,
    keep_going: bool,
    rejects: &mut Vec<String>,
) -> anyhow::Result<Vec<Pair>> {
    let bad = |m: String| anyhow::Error::new(BadInput(m));
    let bytes = std::fs::read(path).map_err(|e| bad(format!("reading {}: {e}", path.display())))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| bad(format!("{}: not UTF-8 ({e})", path.display())))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let at = || format!("{}:{}", path.display(), i + 1);
        if line.trim().is_empty() {
            continue;
        }
        match parse_pair(line) {
            Ok(pair) => pairs.push(pair),
            Err(reason) if keep_going => rejects.push(format!("{}: {reason}", at())),
            Err(reason) => {
                return Err(bad(format!(
                    "{}: {reason} (--keep-going skips such lines)",
                    at()
                )))
            }
        }
    }
    if pairs.is_empty() {
        return Err(bad(format!("{}: no labelled pairs", path.display())));
    }
    Ok(pairs)
}

fn parse_pair(line: &str) -> Result<Pair, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [quality, id1, id2, s1, s2] = fields[..] else {
        return Err(format!(
            "expected 5 tab-separated fields, found {}",
            fields.len()
        ));
    };
    let same = match quality.trim() {
        "1" => true,
        "0" => false,
        other => return Err(format!("Quality must be 0 or 1, found {other:?}")),
    };
    Ok(Pair {
        same,
        ids: [id1.trim().to_string(), id2.trim().to_string()],
        texts: [s1.to_string(), s2.to_string()],
    })
}

/// Evaluate the matcher on labelled pairs: each pair's sentences become two
/// undated one-sentence articles from the outlets `first` and `second`.
fn run_pairs(args: &EvalCorroborationArgs) -> anyhow::Result<ExitCode> {
    let config = saved::load_config(args.config.as_deref())?;
    super::input::threads(args.input.threads)?;
    let (mut pairs, mut rejects) = (Vec::new(), Vec::new());
    for path in &args.input.corpus {
        pairs.extend(read_pairs(path, args.input.keep_going, &mut rejects)?);
    }
    #[allow(clippy::print_stderr)]
    for r in &rejects {
        eprintln!("skipped {r}");
    }
    let articles: Vec<Article> = pairs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            (0..2).map(move |side| Article {
                id: format!("pair{}-{}", i + 1, side + 1),
                outlet: ["first", "second"][side].to_string(),
                text: p.texts[side].clone(),
                origin: format!("pair {}", i + 1),
                ..Article::default()
            })
        })
        .collect();
    let tagger = Tagger::embedded();
    let extractions: Vec<_> = articles
        .par_iter()
        .map(|a| extract_article(a, tagger))
        .collect();
    let labels: Vec<bool> = pairs.iter().map(|p| p.same).collect();
    let ids: Vec<&str> = pairs
        .iter()
        .flat_map(|p| p.ids.iter().map(String::as_str))
        .collect();
    let outlets: Vec<String> = extractions.iter().map(|e| e.outlet.clone()).collect();
    let inputs =
        credence_score::corroboration_inputs(&extractions, &outlets, &vec![None; articles.len()]);
    let checkworthy: Vec<bool> = inputs.iter().map(|a| !a.claims.is_empty()).collect();
    let mut out = std::io::stdout().lock();
    if let Some(path) = &args.candidates_out {
        let candidates = candidate_pairs(&inputs, &config.corroboration, Units::Claims);
        write_candidates(path, &inputs, &labelled(&candidates, &labels, &ids))?;
    }
    if let Some(path) = &args.fit_out {
        let model = fit(
            &inputs,
            &config.corroboration,
            (&labels, &ids, &checkworthy),
            &mut out,
            args,
        )?;
        let json = serde_json::to_string_pretty(&model)? + "\n";
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
        writeln!(out, "\nwrote {}", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let model = match &args.model {
        Some(path) => load_model(path)?,
        None => Model::embedded().clone(),
    };
    let c = corroborate_with(&inputs, &config.corroboration, &model);
    let e = evaluate_pairs(&c, &labels, &ids, &checkworthy);
    if args.json {
        serde_json::to_writer_pretty(&mut out, &e)?;
        writeln!(out)?;
    } else {
        write_pairs_table(&mut out, &e, c.claims)?;
        writeln!(
            out,
            "| lines skipped (`--keep-going`) | {} |",
            rejects.len()
        )?;
    }
    if args.errors {
        write_errors(&mut out, &c, &pairs)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Pairs whose outcome disagrees with their label: matched though labelled
/// different (with the best confidence), and labelled same but not matched.
fn write_errors(out: &mut impl Write, c: &Corroboration, pairs: &[Pair]) -> std::io::Result<()> {
    let mut best = vec![None::<f64>; pairs.len()];
    for m in &c.matches {
        let (pa, pb) = (m.claim.article / 2, m.other.article / 2);
        if pa == pb && m.relation == Relation::Corroborates {
            best[pa] = Some(best[pa].map_or(m.confidence, |b: f64| b.max(m.confidence)));
        }
    }
    writeln!(out, "\n## Matched, labelled different\n")?;
    for (i, p) in pairs.iter().enumerate() {
        if let (Some(conf), false) = (best[i], p.same) {
            writeln!(
                out,
                "- pair {} ({conf:.2}): {} ‖ {}",
                i + 1,
                p.texts[0],
                p.texts[1]
            )?;
        }
    }
    writeln!(
        out,
        "\n## Linked by a conflict (different numbers for one thing)\n"
    )?;
    let mut listed = vec![false; pairs.len()];
    for m in &c.matches {
        let p = m.claim.article / 2;
        if p == m.other.article / 2
            && m.relation == Relation::Conflicts
            && best[p].is_none()
            && !std::mem::replace(&mut listed[p], true)
        {
            let label = if pairs[p].same { "same" } else { "different" };
            let (a, b) = (&pairs[p].texts[0], &pairs[p].texts[1]);
            writeln!(out, "- pair {} (labelled {label}): {a} ‖ {b}", p + 1)?;
        }
    }
    writeln!(out, "\n## Labelled same, not matched\n")?;
    for (i, p) in pairs.iter().enumerate() {
        if best[i].is_none() && p.same {
            writeln!(out, "- pair {}: {} ‖ {}", i + 1, p.texts[0], p.texts[1])?;
        }
    }
    Ok(())
}

fn load_model(path: &Path) -> anyhow::Result<Model> {
    let bad = |m: String| anyhow::Error::new(BadInput(m));
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad(format!("reading {}: {e}", path.display())))?;
    let model: Model = serde_json::from_str(&text)
        .map_err(|e| bad(format!("{}: not a same-fact model ({e})", path.display())))?;
    model
        .validate()
        .map_err(|e| bad(format!("{}: {e}", path.display())))?;
    Ok(model)
}

/// Label candidate pairs: a labelled pair's own candidates take its label,
/// candidates between two pairs that share no sentence are negatives, the
/// rest are left out. Each comes with the two pairs it touches.
fn labelled<'a>(
    candidates: &'a [Candidate],
    labels: &[bool],
    ids: &[&str],
) -> Vec<(&'a Candidate, bool, [usize; 2])> {
    let pair_ids = |p: usize| [ids[2 * p], ids[2 * p + 1]];
    candidates
        .iter()
        .filter_map(|c| {
            let (pa, pb) = (c.claim.article / 2, c.other.article / 2);
            if pa == pb {
                return Some((c, labels[pa], [pa, pb]));
            }
            let (ia, ib) = (pair_ids(pa), pair_ids(pb));
            (!ia.iter().any(|s| ib.contains(s))).then_some((c, false, [pa, pb]))
        })
        .collect()
}

/// Write the labelled candidates as TSV (`--candidates-out`): pairs are
/// numbered from 1 as in `--errors`.
fn write_candidates(
    path: &Path,
    inputs: &[credence_score::corroboration::ArticleClaims],
    samples: &[(&Candidate, bool, [usize; 2])],
) -> anyhow::Result<()> {
    let text = |r: ClaimRef| {
        inputs[r.article]
            .claims
            .iter()
            .find(|c| c.0 == r.claim)
            .map_or(String::new(), |c| c.1.replace(['\t', '\n', '\r'], " "))
    };
    let file =
        std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    writeln!(
        w,
        "pair\tother_pair\tsame\tsimilarity\t{}\tclaim\tother_claim",
        same_fact::FEATURES.join("\t")
    )?;
    for (c, same, [pa, pb]) in samples {
        write!(
            w,
            "{}\t{}\t{}\t{}",
            pa + 1,
            pb + 1,
            u8::from(*same),
            c.similarity
        )?;
        for v in c.features {
            write!(w, "\t{v}")?;
        }
        writeln!(w, "\t{}\t{}", text(c.claim), text(c.other))?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))
}

/// Folds for cross-validation.
const FOLDS: usize = 5;

/// Label every candidate pair ([`labelled`]), report `FOLDS`-fold cross-validated
/// precision and recall at several confidence thresholds, and fit the model
/// on everything.
/// `pairs`: each pair's label, each article's sentence id, and whether each
/// article has a check-worthy claim.
fn fit(
    inputs: &[credence_score::corroboration::ArticleClaims],
    config: &CorroborationConfig,
    pairs: (&[bool], &[&str], &[bool]),
    out: &mut impl Write,
    args: &EvalCorroborationArgs,
) -> anyhow::Result<Model> {
    let (labels, ids, checkworthy) = pairs;
    let candidates = candidate_pairs(inputs, config, Units::Claims);
    let samples = labelled(&candidates, labels, ids);
    let described = format!(
        "{} candidate pairs (cosine >= {}) from {} labelled pairs in {}: {} within a pair, labelled as the pair; {} between pairs sharing no sentence, as negatives",
        samples.len(),
        config.min_similarity,
        labels.len(),
        args.input
            .corpus
            .iter()
            .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |f| f.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", "),
        samples.iter().filter(|s| s.2[0] == s.2[1]).count(),
        samples.iter().filter(|s| s.2[0] != s.2[1]).count(),
    );
    // Cross-validated confidence of every sample: judged by the model of
    // the fold of its first pair, fitted without any sample touching that
    // fold.
    let fold = |p: usize| p % FOLDS;
    let mut cv_models = Vec::new();
    for f in 0..FOLDS {
        let train: Vec<(Features, bool)> = samples
            .iter()
            .filter(|s| s.2.iter().all(|&p| fold(p) != f))
            .map(|s| (s.0.features, s.1))
            .collect();
        cv_models.push(same_fact::fit(&train, "cross-validation"));
    }
    writeln!(
        out,
        "{FOLDS}-fold cross-validated, whole claims only (folds by pair; each candidate is judged by a model fitted without the candidates of its fold):\n"
    )?;
    writeln!(
        out,
        "| min_confidence | pairs matched | precision | recall | F1 | matches between different pairs per 1,000 articles |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|---:|")?;
    for t in [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let cfg = CorroborationConfig {
            min_confidence: t,
            ..*config
        };
        let mut matches = Vec::new();
        for s in &samples {
            let m = &cv_models[fold(s.2[0].min(s.2[1]))];
            if let Some((relation, confidence)) =
                relation(m, &cfg, &s.0.features, s.0.numbers_conflict)
            {
                for (claim, other) in [(s.0.claim, s.0.other), (s.0.other, s.0.claim)] {
                    matches.push(ClaimMatch {
                        claim,
                        other,
                        similarity: s.0.similarity,
                        confidence,
                        relation,
                    });
                }
            }
        }
        matches.sort_by_key(|m| (m.claim, m.other));
        let c = Corroboration {
            matches,
            ..Corroboration::default()
        };
        let e = evaluate_pairs(&c, labels, ids, checkworthy);
        writeln!(
            out,
            "| {t:.1} | {} | {:.3} | {:.3} | {:.3} | {:.1} |",
            e.matched, e.precision, e.recall, e.f1, e.unrelated_per_1000
        )?;
    }
    let all: Vec<(Features, bool)> = samples.iter().map(|s| (s.0.features, s.1)).collect();
    let model = same_fact::fit(&all, &described);
    writeln!(out, "\nfitted on {described}:\n")?;
    writeln!(out, "| feature | weight |\n|---|---:|")?;
    writeln!(out, "| (bias) | {:.3} |", model.bias)?;
    for (name, w) in same_fact::FEATURES.iter().zip(&model.weights) {
        writeln!(out, "| {name} | {w:.3} |")?;
    }
    Ok(model)
}

fn write_pairs_table(
    out: &mut impl Write,
    e: &PairEvaluation,
    claims: usize,
) -> std::io::Result<()> {
    writeln!(out, "| | value |\n|---|---:|")?;
    writeln!(
        out,
        "| labelled pairs | {} ({} same meaning) |",
        e.pairs, e.positive
    )?;
    writeln!(out, "| check-worthy claims | {claims} |")?;
    writeln!(out, "| pairs matched | {} |", e.matched)?;
    writeln!(
        out,
        "| precision | {:.3} ({}/{}) |",
        e.precision, e.true_positive, e.matched
    )?;
    writeln!(
        out,
        "| recall | {:.3} ({}/{}) |",
        e.recall, e.true_positive, e.positive
    )?;
    writeln!(
        out,
        "| recall of the same-meaning pairs whose sentences are both check-worthy | {:.3} ({}/{}) |",
        e.recall_checkworthy, e.true_positive, e.positive_checkworthy
    )?;
    writeln!(out, "| F1 | {:.3} |", e.f1)?;
    writeln!(out, "| accuracy | {:.3} |", e.accuracy)?;
    writeln!(
        out,
        "| pairs linked only by a conflict (not counted as matched) | {} ({} labelled same) |",
        e.conflicted, e.conflicted_positive
    )?;
    writeln!(
        out,
        "| matches between different pairs | {} ({:.1} per 1,000 articles) |",
        e.unrelated_matches, e.unrelated_per_1000
    )?;
    Ok(())
}
