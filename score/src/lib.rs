//! credence-score: per-article metrics, cross-outlet corroboration and
//! outlet comparison.
//!
//! [`score`] takes the extraction of every article ([`Extraction`]) and a
//! [`Config`], and returns [`Scores`]:
//!
//! - `articles`: one row per article ([`articles::ARTICLE_COLUMNS`]) — the
//!   counts, each component of [`metrics::ALL`], the composite `reliability`
//!   (0–100) and its `rank`;
//! - `outlets`: one row per outlet ([`outlets::OUTLET_COLUMNS`]) with a 95%
//!   confidence interval;
//! - `corroboration`: every cross-outlet claim match ([`corroboration`]).
//!
//! Every component is a ratio of two counts of extracted spans, so every
//! number can be traced to the text.
//!
//! ```
//! use credence_extract::corpus::Article;
//! use credence_extract::model::Model;
//! use credence_score::{score, Config};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     outlet: "Example News".into(),
//!     text: "\"We will meet on Monday,\" Steve Witkoff said in Moscow.".into(),
//!     ..Article::default()
//! };
//! let extraction = credence_extract::extract_article(&article, Model::embedded());
//! let scores = score(&[extraction], &Config::default()).unwrap();
//! assert_eq!(scores.articles.height(), 1);
//! assert_eq!(scores.outlets.height(), 1);
//! ```

pub mod articles;
pub mod breakdown;
pub mod config;
pub mod corroboration;
pub mod counts;
pub mod dates;
pub mod error;
pub mod metrics;
pub mod outlets;

pub use config::Config;
pub use error::ScoreError;

use chrono::NaiveDate;
use corroboration::{corroborate, ArticleClaims, ClaimRef, Corroboration, Relation};
use credence_extract::span::CharIndex;
use credence_extract::Extraction;
use polars::prelude::*;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Everything scoring produces.
#[derive(Debug, Clone)]
pub struct Scores {
    /// One row per article, in input order ([`articles::ARTICLE_COLUMNS`]).
    pub articles: DataFrame,
    /// One row per outlet, sorted by outlet ([`outlets::OUTLET_COLUMNS`]).
    pub outlets: DataFrame,
    /// Cross-outlet claim matches and syndicated copies.
    pub corroboration: Corroboration,
    /// Articles (indices) whose `published` was given but could not be read;
    /// they are scored with an unknown date.
    pub unreadable_dates: Vec<usize>,
}

impl Scores {
    /// Outlets whose claims corroborate claim `claim` of article `article`,
    /// sorted and distinct.
    pub fn corroborating_outlets<'a>(
        &self,
        extractions: &'a [Extraction],
        article: usize,
        claim: usize,
    ) -> Vec<&'a str> {
        let outlets: BTreeSet<&str> = self
            .corroboration
            .matches_of(ClaimRef { article, claim })
            .iter()
            .filter(|m| m.relation == Relation::Corroborates)
            .map(|m| extractions[m.other.article].outlet.as_str())
            .collect();
        outlets.into_iter().collect()
    }
}

/// Score every article and outlet.
pub fn score(extractions: &[Extraction], config: &Config) -> Result<Scores, ScoreError> {
    config.validate().map_err(|message| ScoreError::Config {
        origin: "configuration".into(),
        message,
    })?;
    let dates: Vec<Option<NaiveDate>> = extractions
        .iter()
        .map(|e| dates::parse_date(&e.published))
        .collect();
    let unreadable_dates = extractions
        .iter()
        .zip(&dates)
        .enumerate()
        .filter(|(_, (e, d))| d.is_none() && !e.published.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let indexes: Vec<CharIndex> = extractions
        .par_iter()
        .map(|e| CharIndex::new(&e.text))
        .collect();
    let inputs: Vec<ArticleClaims> = extractions
        .iter()
        .zip(&dates)
        .zip(&indexes)
        .map(|((e, &date), index)| ArticleClaims {
            outlet: &e.outlet,
            date,
            claims: e
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.checkworthy)
                .map(|(i, c)| (i, e.slice(index, c.span)))
                .collect(),
        })
        .collect();
    let corroboration = corroborate(&inputs, &config.corroboration);

    let counts = counts::counts(extractions, &corroboration)?;
    let info = DataFrame::new_infer_height(vec![
        Column::new(
            "article_id".into(),
            extractions
                .iter()
                .map(|e| e.article_id.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "outlet".into(),
            extractions
                .iter()
                .map(|e| e.outlet.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "title".into(),
            extractions
                .iter()
                .map(|e| e.title.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "published".into(),
            dates
                .iter()
                .map(|d| d.map(|d| d.format("%Y-%m-%d").to_string()))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "syndicated_with".into(),
            corroboration
                .syndicated
                .iter()
                .map(|others| {
                    others
                        .iter()
                        .map(|&o| extractions[o].article_id.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .collect::<Vec<_>>(),
        ),
    ])?;
    let articles = articles::score_articles(counts, info, config)?;
    let outlets = outlets::score_outlets(&articles)?;
    Ok(Scores {
        articles,
        outlets,
        corroboration,
        unreadable_dates,
    })
}
