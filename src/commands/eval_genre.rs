//! `credence eval-genre CORPUS...`: precision and recall of the opinion
//! classifier on the articles whose URL marks their genre, with the URL
//! hidden from it; `--fit-out` fits the model.
//!
//! The labelled articles are split in two by a hash of their id: the model
//! is fitted on the half whose hash is even and measured on the other, so
//! the figures are on articles it never saw.

use super::input;
use crate::args::EvalGenreArgs;
use crate::exit::BadInput;
use anyhow::Context;
use credence_extract::Article;
use credence_score::genre::{features, opinion_probability, url_label, Genre, Model, MIN_WORDS};
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;

/// Passes over the fitting half, and the L2 penalty: 6 to 40 passes and
/// penalties from 1e-6 to 1e-5 were tried, and F1 rose to 20 passes and was
/// flat after (0.818 at 6, 0.824 at 12, 0.831 at 20 and 30).
const EPOCHS: usize = 20;
const L2: f32 = 1e-6;

/// FNV-1a of the id: which half an article is in (stable across platforms
/// and releases, unlike the standard library's hasher).
fn fitting_half(id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.is_multiple_of(2)
}

/// An article's words for the length rule. There is no extraction here: a
/// run counts the words outside boilerplate (`Extraction::words`), a few
/// fewer on scraped pages, so an article near [`MIN_WORDS`] can fall on the
/// other side of it.
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

struct Labelled<'a> {
    article: &'a Article,
    opinion: bool,
}

pub fn run(args: &EvalGenreArgs) -> anyhow::Result<ExitCode> {
    input::threads(args.input.threads)?;

    let corpus = input::read(&args.input)?;
    let labelled: Vec<Labelled> = corpus
        .articles
        .iter()
        .filter_map(|a| {
            url_label(&a.url, &a.title).map(|g| Labelled {
                article: a,
                opinion: g == Genre::Opinion,
            })
        })
        .collect();
    if labelled.is_empty() {
        return Err(anyhow::Error::new(BadInput(
            "no article has a URL that marks its genre (opinion or a news section)".into(),
        )));
    }
    let (fit_half, eval_half): (Vec<&Labelled>, Vec<&Labelled>) =
        labelled.iter().partition(|l| fitting_half(&l.article.id));
    let mut out = std::io::stdout().lock();
    let fitted;
    let model: &Model = if let Some(path) = &args.fit_out {
        let examples: Vec<(Vec<(usize, f32)>, bool)> = fit_half
            .par_iter()
            .filter(|l| word_count(&l.article.text) >= MIN_WORDS)
            .map(|l| (features(&l.article.title, &l.article.text), l.opinion))
            .collect();
        fitted = Model::fit(&examples, EPOCHS, L2);
        std::fs::write(path, fitted.to_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
        writeln!(
            out,
            "fitted on {} articles ({} opinion); written to {}",
            examples.len(),
            examples.iter().filter(|e| e.1).count(),
            path.display()
        )?;
        &fitted
    } else if let Some(path) = &args.model {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        fitted = Model::from_bytes(&bytes)
            .map_err(|e| anyhow::Error::new(BadInput(format!("{}: {e}", path.display()))))?;
        &fitted
    } else {
        Model::embedded()
    };
    // The URL hidden: title and text only.
    let probs: Vec<f32> = eval_half
        .par_iter()
        .map(|l| {
            let a = l.article;
            opinion_probability(model, &a.title, &a.text, word_count(&a.text))
        })
        .collect();
    let predicted: Vec<bool> = probs.iter().map(|&p| p >= model.threshold).collect();
    let (mut tp, mut fp, mut fneg, mut tn) = (0usize, 0usize, 0usize, 0usize);
    for (l, &p) in eval_half.iter().zip(&predicted) {
        match (l.opinion, p) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fneg += 1,
            (false, false) => tn += 1,
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fneg);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    if args.json {
        let v = serde_json::json!({
            "labelled": labelled.len(),
            "evaluated": eval_half.len(),
            "opinion": tp + fneg,
            "true_positives": tp, "false_positives": fp, "false_negatives": fneg, "true_negatives": tn,
            "precision": precision, "recall": recall, "f1": f1,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            out,
            "Opinion vs news on the {} articles of the evaluation half ({} labelled by URL in all; \
             {} opinion), URL hidden:\n",
            eval_half.len(),
            labelled.len(),
            tp + fneg
        )?;
        writeln!(out, "| | precision | recall | F1 |\n|---|---:|---:|---:|")?;
        writeln!(
            out,
            "| opinion | {precision:.3} | {recall:.3} | {f1:.3} |\n"
        )?;
        writeln!(
            out,
            "true positives {tp}, false positives {fp}, false negatives {fneg}, true negatives {tn}"
        )?;
    }
    if args.thresholds && !args.json {
        let probs: Vec<(f32, bool)> = probs
            .iter()
            .zip(&eval_half)
            .map(|(&p, l)| (p, l.opinion))
            .collect();
        writeln!(
            out,
            "\n| threshold | precision | recall | F1 |\n|---:|---:|---:|---:|"
        )?;
        for t in [0.3f32, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
            let tp = probs.iter().filter(|(p, y)| *p >= t && *y).count();
            let fp = probs.iter().filter(|(p, y)| *p >= t && !*y).count();
            let fneg = probs.iter().filter(|(p, y)| *p < t && *y).count();
            let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fneg));
            let f1 = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            writeln!(out, "| {t:.1} | {p:.3} | {r:.3} | {f1:.3} |")?;
        }
    }
    if args.errors {
        for (l, &p) in eval_half.iter().zip(&predicted) {
            if p != l.opinion {
                let kind = if p { "false opinion" } else { "missed opinion" };
                writeln!(
                    out,
                    "{kind}\t{}\t{}\t{}\t{}",
                    l.article.id, l.article.outlet, l.article.url, l.article.title
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
