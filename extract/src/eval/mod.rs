//! Extraction quality against brat-annotated articles (PolNeAR): the tagger
//! and its rules ([`crate::attribution::find`]) predict each article's
//! attributions, [`scoring`] counts exact and overlap matches of every span
//! type and of whole attributions, and [`brat`] reads the gold files (and
//! writes predictions in the same form, to read beside them).

pub mod brat;
pub mod scoring;
pub mod sources;

pub use brat::{Annotations, BratAttribution};
pub use scoring::{Counts, Evaluation, OVERLAP_IOU};

use crate::attribution;
use crate::corpus::Article;
use crate::error::ExtractError;
use crate::tagger::Tagger;
use crate::text::{CharIndex, Doc};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The attributions `tagger` and the speaker rules find in `text`, as brat
/// attributions (character offsets).
pub fn predict(text: &str, tagger: &Tagger) -> Vec<BratAttribution> {
    let doc = Doc::new(text);
    let index = CharIndex::new(text);
    attribution::find(&doc, tagger)
        .into_iter()
        .map(|a| BratAttribution {
            source: a.source.map(|s| index.span_to_chars(s)),
            cue: a.cue.map(|s| index.span_to_chars(s)),
            content: a.content.map(|s| index.span_to_chars(s)),
        })
        .collect()
}

/// Score `tagger` on every article that has a gold file in `gold` (article
/// id → `.ann` path, from [`brat::ann_files`]), in parallel. With
/// `write_ann`, each article's predictions are also written there as
/// `<id>.ann`. Articles without a gold file are skipped; none with one is an
/// error.
pub fn evaluate(
    articles: &[Article],
    gold: &BTreeMap<String, PathBuf>,
    tagger: &Tagger,
    write_ann: Option<&Path>,
) -> Result<Evaluation, ExtractError> {
    let pairs: Vec<(&Article, &PathBuf)> = articles
        .iter()
        .filter_map(|a| gold.get(&a.id).map(|p| (a, p)))
        .collect();
    if pairs.is_empty() {
        return Err(ExtractError::NoGold);
    }
    if let Some(dir) = write_ann {
        std::fs::create_dir_all(dir).map_err(|e| ExtractError::io(dir, e))?;
    }
    let scored: Vec<Result<Evaluation, ExtractError>> = pairs
        .par_iter()
        .map(|(article, path)| {
            let gold = brat::read_ann(path)?;
            let predicted = predict(&article.text, tagger);
            if let Some(dir) = write_ann {
                let path = dir.join(format!("{}.ann", article.id));
                std::fs::write(&path, brat::write_ann(&article.text, &predicted))
                    .map_err(|e| ExtractError::io(&path, e))?;
            }
            let mut e = Evaluation::default();
            e.add_article(&gold, &predicted);
            Ok(e)
        })
        .collect();
    let mut total = Evaluation::default();
    for e in scored {
        total.merge(&e?);
    }
    Ok(total)
}
