//! credence-score: per-article metrics, cross-outlet corroboration and
//! outlet comparison.
//!
//! [`score`] takes the extraction of every article ([`Extraction`]) and a
//! [`Config`], and returns [`Scores`]:
//!
//! - `articles_table`: one row per article ([`articles::article_columns`]) —
//!   the counts (built in [`counts`]), each component of the registry
//!   [`metrics::ALL`] (one file and one documentation page per component),
//!   the composite `reliability` (0–100, [`formula`]) and its `rank`;
//! - `outlets_table`: one row per outlet ([`outlets::outlet_columns`]) with a
//!   95% confidence interval;
//! - `articles` and `outlets`: the same tables as typed rows ([`rows`]), which
//!   is what the report reads;
//! - `corroboration`: every cross-outlet claim match ([`corroboration`]).
//!
//! Every component is a ratio of two counts of extracted spans, so every
//! number can be traced to the text; [`breakdown`] spells one article's score
//! out component by component.
//!
//! ```
//! use credence_extract::{Article, Tagger};
//! use credence_score::{score, Config};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     outlet: "Example News".into(),
//!     text: "\"We will meet on Monday,\" Steve Witkoff said in Moscow.".into(),
//!     ..Article::default()
//! };
//! let extraction = credence_extract::extract_article(&article, Tagger::embedded());
//! let scores = score(&[extraction], &Config::default()).unwrap();
//! let article = &scores.articles[0];
//! assert_eq!(article.rank, 1);
//! assert!((0.0..=100.0).contains(&article.reliability));
//! assert_eq!(scores.outlets[0].outlet, "Example News");
//! assert_eq!(scores.outlets[0].interval, None); // one article: no interval
//! ```

pub mod articles;
pub mod breakdown;
pub mod config;
pub mod corroboration;
pub mod counts;
pub mod dates;
pub mod error;
pub mod formula;
pub mod genre;
pub mod metrics;
pub mod outlets;
pub mod rows;

pub use config::Config;
pub use error::ScoreError;

use chrono::NaiveDate;
use corroboration::{corroborate, ArticleClaims, ClaimRef, Corroboration, Relation};
use credence_extract::CharIndex;
use credence_extract::Extraction;
use polars::prelude::*;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Everything scoring produces.
#[derive(Debug, Clone)]
pub struct Scores {
    /// One row per article, in input order ([`articles::article_columns`]):
    /// what articles.csv and articles.parquet hold.
    pub articles_table: DataFrame,
    /// One row per outlet, sorted by outlet ([`outlets::outlet_columns`]).
    pub outlets_table: DataFrame,
    /// `articles_table` as typed rows.
    pub articles: Vec<rows::ArticleScore>,
    /// `outlets_table` as typed rows.
    pub outlets: Vec<rows::OutletScore>,
    /// Cross-outlet claim matches and syndicated copies.
    pub corroboration: Corroboration,
    /// Articles (indices) whose `published` was given but could not be read;
    /// they are scored with an unknown date.
    pub unreadable_dates: Vec<usize>,
    /// Articles without a usable date (none given, or unreadable): what
    /// `[corroboration] undated` decides they may match.
    pub undated: usize,
}

impl Scores {
    /// Outlets whose claims corroborate claim `claim` of article `article`,
    /// sorted and distinct.
    pub fn corroborating_outlets(&self, article: usize, claim: usize) -> Vec<&str> {
        let outlets: BTreeSet<&str> = self
            .corroboration
            .matches_of(ClaimRef { article, claim })
            .iter()
            .filter(|m| m.relation == Relation::Corroborates)
            .map(|m| self.articles[m.other.article].outlet.as_str())
            .collect();
        outlets.into_iter().collect()
    }
}

/// What the matcher sees of each article: its outlet (`outlets[i]`, the
/// canonical name), its date (`dates[i]`) and its check-worthy claims.
pub fn corroboration_inputs<'a>(
    extractions: &'a [Extraction],
    outlets: &'a [String],
    dates: &[Option<NaiveDate>],
) -> Vec<ArticleClaims<'a>> {
    extractions
        .par_iter()
        .zip(outlets)
        .zip(dates)
        .map(|((e, outlet), &date)| {
            let index = CharIndex::new(&e.text);
            ArticleClaims {
                outlet,
                date,
                claims: e
                    .claims
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.checkworthy)
                    .map(|(i, c)| (i, e.slice(&index, c.span)))
                    .collect(),
            }
        })
        .collect()
}

/// Each article's publication date, when readable.
pub fn article_dates(extractions: &[Extraction]) -> Vec<Option<NaiveDate>> {
    extractions
        .iter()
        .map(|e| dates::parse_date(&e.published))
        .collect()
}

/// Each article's outlet after the config's aliases (what corroboration and
/// the outlet tables group by).
pub fn canonical_outlets(extractions: &[Extraction], config: &Config) -> Vec<String> {
    extractions
        .iter()
        .map(|e| config.outlets.canonical(&e.outlet))
        .collect()
}

/// Score every article and outlet.
pub fn score(extractions: &[Extraction], config: &Config) -> Result<Scores, ScoreError> {
    config.validate().map_err(|message| ScoreError::Config {
        origin: "configuration".into(),
        message,
    })?;
    let dates = article_dates(extractions);
    let unreadable_dates = extractions
        .iter()
        .zip(&dates)
        .enumerate()
        .filter(|(_, (e, d))| d.is_none() && !e.published.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let undated = dates.iter().filter(|d| d.is_none()).count();
    let outlets = canonical_outlets(extractions, config);
    let inputs = corroboration_inputs(extractions, &outlets, &dates);
    let genres: Vec<&str> = extractions
        .par_iter()
        .map(|e| genre::genre(&e.url, &e.title, &e.text, e.words).as_str())
        .collect();
    let corroboration = corroborate(&inputs, &config.corroboration);

    let counts = counts::counts(extractions, &corroboration)?;
    let info = DataFrame::new_infer_height(vec![
        Column::new(
            articles::ARTICLE_ID.into(),
            extractions
                .iter()
                .map(|e| e.article_id.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            articles::OUTLET.into(),
            outlets.iter().map(String::as_str).collect::<Vec<_>>(),
        ),
        Column::new(
            articles::TITLE.into(),
            extractions
                .iter()
                .map(|e| e.title.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            articles::PUBLISHED.into(),
            dates
                .iter()
                .map(|d| d.map(|d| d.format("%Y-%m-%d").to_string()))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            articles::SYNDICATED_WITH.into(),
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
        Column::new(articles::GENRE.into(), genres),
    ])?;
    let mut articles_table = articles::score_articles(counts, info, config)?;
    articles_table.hstack_mut(&articles::input_columns(extractions))?;
    let outlets_table = outlets::score_outlets(&articles_table, &config.outlets)?;
    Ok(Scores {
        articles: rows::article_rows(&articles_table)?,
        outlets: rows::outlet_rows(&outlets_table)?,
        articles_table,
        outlets_table,
        corroboration,
        unreadable_dates,
        undated,
    })
}
