//! The scored articles table (`articles.csv`): counts, components, the
//! composite `reliability` and its `rank`.

use crate::config::Config;
use crate::counts::COUNT_COLUMNS;
use crate::formula;
use crate::metrics::{table_order, ALL};
use crate::rows::f64s;
use polars::prelude::*;

/// Article id.
pub const ARTICLE_ID: &str = "article_id";
/// Outlet (an article without one is its own outlet).
pub const OUTLET: &str = "outlet";
/// Headline.
pub const TITLE: &str = "title";
/// `YYYY-MM-DD`, null when missing or unreadable.
pub const PUBLISHED: &str = "published";
/// The composite, 0–100.
pub const RELIABILITY: &str = "reliability";
/// 1 = most reliable; ties share the best rank.
pub const RANK: &str = "rank";
/// Ids of the articles this one is a syndicated copy of, `; `-separated.
pub const SYNDICATED_WITH: &str = "syndicated_with";
/// `news`, `opinion` or `other` ([`crate::genre`]).
pub const GENRE: &str = "genre";

/// The article's URL, as given (after the columns of
/// [`article_columns`], with the input's other fields).
pub const URL: &str = "url";

/// The input's own columns, appended to the articles table after
/// [`article_columns`]: `url`, then every other field of the input records
/// (`authors`, `topic`, …; the union over all articles, sorted by name,
/// null where an article lacks it). A field named like a column credence
/// writes gets the prefix `input_`.
pub fn input_columns(extractions: &[credence_extract::Extraction]) -> Vec<Column> {
    let mut keys = std::collections::BTreeSet::new();
    for e in extractions {
        keys.extend(e.metadata.keys().map(String::as_str));
    }
    let taken = article_columns();
    let mut columns = vec![Column::new(
        URL.into(),
        extractions
            .iter()
            .map(|e| e.url.as_str())
            .collect::<Vec<_>>(),
    )];
    for key in keys {
        let name = if taken.contains(&key) || key == URL || key.starts_with("input_") {
            format!("input_{key}")
        } else {
            key.to_string()
        };
        let values: Vec<Option<&str>> = extractions
            .iter()
            .map(|e| e.metadata.get(key).map(String::as_str))
            .collect();
        columns.push(Column::new(name.into(), values));
    }
    columns
}

/// Columns of the articles table, in order: the article, the first
/// contract's counts and components, `reliability` and `rank`, components
/// appended since ([`crate::metrics::Metric::appended`]), the remaining
/// counts every component is a ratio of (so a spreadsheet can recompute
/// each), and the articles each is a syndicated copy of.
pub fn article_columns() -> Vec<&'static str> {
    // The counts the first column contract listed, before the components.
    const LEADING_COUNTS: [&str; 7] = [
        "words",
        "sentences",
        "claims",
        "quotes",
        "attributions",
        "sources_named",
        "sources_anonymous",
    ];
    let mut columns = vec![ARTICLE_ID, OUTLET, TITLE, PUBLISHED];
    columns.extend(LEADING_COUNTS);
    columns.extend(table_order().filter(|m| !m.appended()).map(|m| m.name()));
    columns.extend([RELIABILITY, RANK]);
    columns.extend(table_order().filter(|m| m.appended()).map(|m| m.name()));
    columns.extend(COUNT_COLUMNS.iter().filter(|c| !LEADING_COUNTS.contains(c)));
    columns.extend([SYNDICATED_WITH, GENRE]);
    columns
}

/// The `reliability` column of a table that has every component's counts
/// ([`formula::reliability`] per row, from the exact ratios of the counts:
/// recomputing a score from articles.csv's counts gives the same number).
fn reliability_column(frame: &DataFrame, config: &Config) -> PolarsResult<Column> {
    let counts = |name: &str| -> PolarsResult<Vec<f64>> {
        f64s(
            &frame
                .select([name])?
                .lazy()
                .select([col(name).cast(DataType::Float64)])
                .collect()?,
            name,
        )
    };
    let components = ALL
        .iter()
        .map(|m| Ok((counts(m.numerator())?, counts(m.denominator())?)))
        .collect::<PolarsResult<Vec<_>>>()?;
    let mut values = vec![0.0; ALL.len()];
    let scores: Vec<f64> = (0..frame.height())
        .map(|row| {
            for (v, (num, den)) in values.iter_mut().zip(&components) {
                *v = if den[row] > 0.0 {
                    num[row] / den[row]
                } else {
                    0.0
                };
            }
            formula::reliability(config, &values)
        })
        .collect();
    // The config's bounds keep this from happening; a score outside 0–100
    // is a bug and must not be written (a NaN would sort and rank as a number).
    if let Some(bad) = scores.iter().find(|s| !(0.0..=100.0).contains(*s)) {
        return Err(polars::prelude::PolarsError::ComputeError(
            format!("internal error: a reliability of {bad} is outside 0–100").into(),
        ));
    }
    Ok(Column::new(RELIABILITY.into(), scores))
}

/// Rank by reliability, 1 = most reliable; ties share the best rank.
pub fn rank() -> Expr {
    col(RELIABILITY)
        .rank(
            RankOptions {
                method: RankMethod::Min,
                descending: true,
            },
            None,
        )
        .cast(DataType::UInt32)
        .alias(RANK)
}

/// Score the counts table. `info` holds `article_id, outlet, title,
/// published, syndicated_with, genre`, one row per article in the same order.
pub fn score_articles(
    counts: DataFrame,
    info: DataFrame,
    config: &Config,
) -> PolarsResult<DataFrame> {
    let mut frame = counts
        .hstack(info.columns())?
        .lazy()
        .with_columns(ALL.iter().map(|m| m.value()).collect::<Vec<_>>())
        .collect()?;
    frame.with_column(reliability_column(&frame, config)?)?;
    frame
        .lazy()
        .with_column(rank())
        .select(article_columns().into_iter().map(col).collect::<Vec<_>>())
        .collect()
}
