//! The score tables as typed rows: what the report reads. Read once from the
//! polars frames when scoring, by column name, failing loudly on a missing
//! column, a wrong type or an unexpected null — so a renamed column breaks
//! scoring (and every test) instead of showing zeros in a report; and the
//! report's code names fields, so renaming one fails to compile.

use crate::articles::{GENRE, OUTLET, PUBLISHED, RANK, RELIABILITY};
use crate::metrics::{Metric, ALL};
use crate::outlets::{
    ARTICLES, ARTICLES_NEWS, ARTICLES_OPINION, RELIABILITY_CI_HIGH, RELIABILITY_CI_LOW,
    RELIABILITY_NEWS, RELIABILITY_NEWS_CI_HIGH, RELIABILITY_NEWS_CI_LOW, RELIABILITY_OPINION,
    RELIABILITY_SHRUNK,
};
use polars::prelude::*;

/// One component of one article: its value and the counts it is a ratio of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComponentValue {
    /// The component.
    pub metric: &'static dyn Metric,
    /// Its value (as in articles.csv).
    pub value: f64,
    /// The count it is a ratio of.
    pub numerator: u32,
    /// The count it is divided by.
    pub denominator: u32,
}

impl ComponentValue {
    /// The exact ratio `numerator / denominator` (0 when the denominator is
    /// 0): what the score is computed from. `value` is this rounded to 4
    /// decimals for the tables.
    pub fn ratio(&self) -> f64 {
        if self.denominator == 0 {
            0.0
        } else {
            f64::from(self.numerator) / f64::from(self.denominator)
        }
    }
}

/// One row of the articles table.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleScore {
    /// The outlet, canonical (tidied, aliases resolved: `[outlets]`).
    pub outlet: String,
    /// Publication date as `YYYY-MM-DD`; `None` when missing or unreadable.
    pub published: Option<String>,
    /// `news`, `opinion` or `other` ([`crate::genre`]).
    pub genre: String,
    /// The composite, 0–100.
    pub reliability: f64,
    /// Rank, 1 = most reliable.
    pub rank: u32,
    /// Every component, in [`ALL`] order.
    pub components: Vec<ComponentValue>,
}

/// One row of the outlets table.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletScore {
    /// The outlet.
    pub outlet: String,
    /// Its number of articles.
    pub articles: u32,
    /// Mean reliability of its articles.
    pub reliability: f64,
    /// 95% interval of that mean; `None` for one article.
    pub interval: Option<(f64, f64)>,
    /// Mean of each component, in [`ALL`] order.
    pub components: Vec<f64>,
    /// Articles classified as news, and their mean reliability.
    pub news: (u32, Option<f64>),
    /// 95% interval of the news articles' mean; `None` for fewer than two.
    pub news_interval: Option<(f64, f64)>,
    /// Articles classified as opinion, and their mean reliability.
    pub opinion: (u32, Option<f64>),
    /// The shrunken mean the ranking uses ([`crate::outlets`]); `None`
    /// without articles to rank on.
    pub shrunk: Option<f64>,
    /// Rank by `shrunk`, 1 = most reliable; `None` below `[outlets] min_articles`.
    pub rank: Option<u32>,
}

fn no_nulls<T>(name: &str, values: Vec<Option<T>>) -> PolarsResult<Vec<T>> {
    values
        .into_iter()
        .map(|v| v.ok_or_else(|| polars_err!(ComputeError: "column `{}` has a null", name)))
        .collect()
}

/// A float column without nulls (a null is an error naming the column).
pub(crate) fn f64s(frame: &DataFrame, name: &str) -> PolarsResult<Vec<f64>> {
    no_nulls(name, frame.column(name)?.f64()?.iter().collect())
}

fn u32s(frame: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    no_nulls(name, frame.column(name)?.u32()?.iter().collect())
}

fn optional_f64s(frame: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    Ok(frame.column(name)?.f64()?.iter().collect())
}

/// The rows of the scored articles table.
pub fn article_rows(frame: &DataFrame) -> PolarsResult<Vec<ArticleScore>> {
    let published: Vec<Option<String>> = frame
        .column(PUBLISHED)?
        .str()?
        .iter()
        .map(|d| d.map(str::to_string))
        .collect();
    let outlets = no_nulls(
        OUTLET,
        frame.column(OUTLET)?.str()?.iter().collect::<Vec<_>>(),
    )?;
    let genres = no_nulls(
        GENRE,
        frame.column(GENRE)?.str()?.iter().collect::<Vec<_>>(),
    )?;
    let reliability = f64s(frame, RELIABILITY)?;
    let rank = u32s(frame, RANK)?;
    let components = ALL
        .iter()
        .map(|&m| {
            Ok((
                m,
                f64s(frame, m.name())?,
                u32s(frame, m.numerator())?,
                u32s(frame, m.denominator())?,
            ))
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    Ok((0..frame.height())
        .map(|row| ArticleScore {
            outlet: outlets[row].to_string(),
            genre: genres[row].to_string(),
            published: published[row].clone(),
            reliability: reliability[row],
            rank: rank[row],
            components: components
                .iter()
                .map(|(m, value, num, den)| ComponentValue {
                    metric: *m,
                    value: value[row],
                    numerator: num[row],
                    denominator: den[row],
                })
                .collect(),
        })
        .collect())
}

/// The rows of the outlets table.
pub fn outlet_rows(frame: &DataFrame) -> PolarsResult<Vec<OutletScore>> {
    let names = no_nulls(
        OUTLET,
        frame.column(OUTLET)?.str()?.iter().collect::<Vec<_>>(),
    )?;
    let articles = u32s(frame, ARTICLES)?;
    let reliability = f64s(frame, RELIABILITY)?;
    let low = optional_f64s(frame, RELIABILITY_CI_LOW)?;
    let high = optional_f64s(frame, RELIABILITY_CI_HIGH)?;
    let shrunk = optional_f64s(frame, RELIABILITY_SHRUNK)?;
    let news = (
        u32s(frame, ARTICLES_NEWS)?,
        optional_f64s(frame, RELIABILITY_NEWS)?,
    );
    let news_low = optional_f64s(frame, RELIABILITY_NEWS_CI_LOW)?;
    let news_high = optional_f64s(frame, RELIABILITY_NEWS_CI_HIGH)?;
    let opinion = (
        u32s(frame, ARTICLES_OPINION)?,
        optional_f64s(frame, RELIABILITY_OPINION)?,
    );
    let rank: Vec<Option<u32>> = frame.column(RANK)?.u32()?.iter().collect();
    let components = ALL
        .iter()
        .map(|m| f64s(frame, m.name()))
        .collect::<PolarsResult<Vec<_>>>()?;
    Ok((0..frame.height())
        .map(|row| OutletScore {
            outlet: names[row].to_string(),
            articles: articles[row],
            reliability: reliability[row],
            interval: low[row].zip(high[row]),
            components: components.iter().map(|c| c[row]).collect(),
            shrunk: shrunk[row],
            news: (news.0[row], news.1[row]),
            news_interval: news_low[row].zip(news_high[row]),
            opinion: (opinion.0[row], opinion.1[row]),
            rank: rank[row],
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_column_is_an_error_not_a_zero() {
        let frame = df!(
            "outlet" => ["X"],
            "genre" => ["news"],
            "published" => [Some("2025-11-20")],
            "reliability" => [50.0],
        )
        .unwrap();
        let err = article_rows(&frame).unwrap_err().to_string();
        assert!(err.contains("rank"), "{err}");
    }

    #[test]
    fn a_null_score_is_an_error() {
        let frame = df!("reliability" => [None::<f64>]).unwrap();
        assert!(f64s(&frame, "reliability").is_err());
    }
}
