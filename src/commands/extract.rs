//! `credence extract CORPUS... -o OUT/`: read, extract in parallel, write the
//! extraction tables.

use super::{input, output};
use crate::args::{ExtractArgs, InputArgs};
use credence_extract::corpus::{Article, Corpus, Reject};
use credence_extract::Tagger;
use credence_extract::{extract_article, Extraction};
use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Read the corpus and extract every article, in input order; also returns
/// the time spent reading.
pub fn extract(args: &InputArgs) -> anyhow::Result<(Corpus, Vec<Extraction>, Duration)> {
    input::threads(args.threads)?;
    let start = Instant::now();
    let corpus = input::read(args)?;
    let read = start.elapsed();
    let model = Tagger::embedded();
    // Drawn only when stderr is a terminal and the run is long enough to wait for.
    let bar = if corpus.articles.len() >= 500 && std::io::stderr().is_terminal() {
        ProgressBar::new(corpus.articles.len() as u64).with_style(
            ProgressStyle::with_template("extracting {bar:40} {pos}/{len} articles, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let mut corpus = corpus;
    let extractions = extract_each(&mut corpus, args.keep_going, &bar, |a| {
        extract_article(a, model)
    })?;
    bar.finish_and_clear();
    Ok((corpus, extractions, read))
}

/// `extract` applied to every article of `corpus`, in parallel and in input
/// order (`par_iter().map().collect()` keeps it, so output does not depend on
/// the thread count).
///
/// An article on which extraction panics (a bug in credence, never the
/// input's fault) does not take the run down with it unnoticed: without
/// `keep_going` the run stops with an error naming the article and where it
/// was read; with it, the article moves to the rejects, so the summary and
/// `rejects.csv` still account for it.
fn extract_each<F>(
    corpus: &mut Corpus,
    keep_going: bool,
    bar: &ProgressBar,
    extract: F,
) -> anyhow::Result<Vec<Extraction>>
where
    F: Fn(&Article) -> Extraction + Sync,
{
    let results: Vec<Result<Extraction, String>> = corpus
        .articles
        .par_iter()
        .progress_with(bar.clone())
        .map(|a| {
            panic::catch_unwind(AssertUnwindSafe(|| extract(a))).map_err(|e| {
                e.downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_owned())
            })
        })
        .collect();
    if results.iter().all(Result::is_ok) {
        return Ok(results.into_iter().flatten().collect());
    }
    let mut extractions = Vec::with_capacity(results.len());
    let mut kept = Vec::with_capacity(results.len());
    for (article, result) in corpus.articles.drain(..).zip(results) {
        match result {
            Ok(e) => {
                extractions.push(e);
                kept.push(article);
            }
            Err(message) => {
                let reason = format!(
                    "internal error while extracting (a bug in credence, please report it): {message}"
                );
                if !keep_going {
                    anyhow::bail!(
                        "{}: article {:?}: {reason}; rerun with --keep-going to reject it and go on",
                        article.origin,
                        article.id
                    );
                }
                let (input, line) = match article.origin.rsplit_once(':') {
                    Some((file, line)) if line.parse::<usize>().is_ok() => {
                        (file.to_owned(), line.parse().unwrap_or(0))
                    }
                    _ => (article.origin.clone(), 0),
                };
                corpus.rejects.push(Reject {
                    input,
                    line,
                    id: article.id,
                    reason,
                });
            }
        }
    }
    corpus.articles = kept;
    Ok(extractions)
}

/// The extraction half of the run summary.
pub fn summary(corpus: &Corpus, extractions: &[Extraction]) -> String {
    let quotes: usize = extractions.iter().map(|e| e.quotes.len()).sum();
    let attributions: usize = extractions.iter().map(|e| e.attributions.len()).sum();
    let claims: usize = extractions.iter().map(|e| e.claims.len()).sum();
    format!(
        "read {} articles: {} extracted, {} rejected; {quotes} quotes, {attributions} attributions, {claims} claims",
        corpus.read(),
        extractions.len(),
        corpus.rejects.len(),
    )
}

pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let out = output::Staging::new(&args.out, &[])?;
    let (corpus, extractions, _) = extract(&args.input)?;
    output::write_extraction(
        &out,
        &extractions,
        &corpus,
        args.input.keep_going,
        args.span_csv,
    )?;
    if args.span_csv {
        output::write_claims(&out, &extractions, None)?;
    }
    output::write_span_parquet(&out, &extractions, None)?;
    out.commit()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "{} -> {}",
            summary(&corpus, &extractions),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Article {
        Article {
            id: id.to_owned(),
            outlet: "Outlet".to_owned(),
            url: String::new(),
            published: String::new(),
            title: String::new(),
            text: format!("{id} said the plan works."),
            metadata: Default::default(),
            origin: format!("in.jsonl:{}", id.len()),
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            articles: vec![article("a"), article("bb"), article("ccc")],
            rejects: Vec::new(),
        }
    }

    /// Extraction that panics on article "bb".
    fn faulty(a: &Article) -> Extraction {
        assert_ne!(a.id, "bb", "injected fault");
        extract_article(a, Tagger::embedded())
    }

    #[test]
    fn a_panicking_article_is_rejected_with_keep_going() {
        let mut c = corpus();
        let out = extract_each(&mut c, true, &ProgressBar::hidden(), faulty).unwrap();
        let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "ccc"]);
        assert_eq!(out.len(), 2);
        assert_eq!(c.read(), 3, "every input article is accounted for");
        let r = &c.rejects[0];
        assert_eq!(
            (r.input.as_str(), r.line, r.id.as_str()),
            ("in.jsonl", 2, "bb")
        );
        assert!(r.reason.contains("injected fault"), "{}", r.reason);
    }

    #[test]
    fn a_panicking_article_stops_the_run_naming_it() {
        let mut c = corpus();
        let err = extract_each(&mut c, false, &ProgressBar::hidden(), faulty).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("in.jsonl:2: article \"bb\""), "{msg}");
        assert!(
            msg.contains("injected fault") && msg.contains("--keep-going"),
            "{msg}"
        );
    }
}
