//! The outlets table (`outlets.csv`): articles per outlet, mean reliability
//! with a 95% confidence interval, and the mean of each component.
//!
//! The interval is Student's t interval for the mean,
//! `mean ± t(0.975, n−1) · sd / √n`, clipped to 0..100: exact arithmetic
//! from the article scores, so it is deterministic and can be recomputed by
//! hand. With one article there is no interval (both bounds are empty): one
//! score says nothing about the spread of an outlet's articles, and a
//! zero-width interval would claim a precision it does not have.

use crate::articles::{OUTLET, RELIABILITY};
use crate::metrics::{table_order, ALL};
use polars::prelude::*;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Number of articles of the outlet.
pub const ARTICLES: &str = "articles";
/// Lower bound of the 95% interval of the mean reliability (null for one article).
pub const RELIABILITY_CI_LOW: &str = "reliability_ci_low";
/// Upper bound of that interval.
pub const RELIABILITY_CI_HIGH: &str = "reliability_ci_high";

/// Columns of the outlets table, in order: the outlet, its article count,
/// mean reliability and interval, then the mean of each component in the
/// tables' order ([`table_order`]).
pub fn outlet_columns() -> Vec<&'static str> {
    let mut columns = vec![
        OUTLET,
        ARTICLES,
        RELIABILITY,
        RELIABILITY_CI_LOW,
        RELIABILITY_CI_HIGH,
    ];
    columns.extend(table_order().map(|m| m.name()));
    columns
}

/// The 95% t interval for a mean of `n` values with standard deviation `sd`;
/// `None` for fewer than two values.
pub fn interval(mean: f64, sd: f64, n: u32) -> Option<(f64, f64)> {
    if n < 2 {
        return None;
    }
    let t = StudentsT::new(0.0, 1.0, f64::from(n - 1))
        .ok()?
        .inverse_cdf(0.975);
    let half = t * sd / f64::from(n).sqrt();
    let round = |v: f64| (v.clamp(0.0, 100.0) * 100.0).round() / 100.0;
    Some((round(mean - half), round(mean + half)))
}

/// Aggregate the scored articles table by outlet, sorted by outlet.
pub fn score_outlets(articles: &DataFrame) -> PolarsResult<DataFrame> {
    let mut aggs = vec![
        len().cast(DataType::UInt32).alias(ARTICLES),
        col(RELIABILITY).mean().alias("mean"),
        col(RELIABILITY).std(1).alias("sd"),
    ];
    aggs.extend(
        ALL.iter()
            .map(|m| col(m.name()).mean().round(4, RoundMode::HalfAwayFromZero)),
    );
    let grouped = articles
        .clone()
        .lazy()
        .group_by([col(OUTLET)])
        .agg(aggs)
        .sort([OUTLET], SortMultipleOptions::default())
        .collect()?;
    let n = grouped.column(ARTICLES)?.u32()?;
    let mean = grouped.column("mean")?.f64()?;
    let sd = grouped.column("sd")?.f64()?;
    let mut low = Vec::with_capacity(grouped.height());
    let mut high = Vec::with_capacity(grouped.height());
    for ((n, mean), sd) in n.iter().zip(mean.iter()).zip(sd.iter()) {
        let ci = match (n, mean) {
            (Some(n), Some(m)) => interval(m, sd.unwrap_or(0.0), n),
            _ => None,
        };
        low.push(ci.map(|c| c.0));
        high.push(ci.map(|c| c.1));
    }
    let mut out = grouped
        .lazy()
        .with_columns([col("mean")
            .round(2, RoundMode::HalfAwayFromZero)
            .alias(RELIABILITY)])
        .collect()?;
    out.with_column(Column::new(RELIABILITY_CI_LOW.into(), low))?;
    out.with_column(Column::new(RELIABILITY_CI_HIGH.into(), high))?;
    out.select(outlet_columns())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_has_no_interval() {
        assert_eq!(interval(70.0, 0.0, 1), None);
    }

    #[test]
    fn t_interval_matches_the_textbook() {
        // n = 4, sd = 10: t(0.975, 3) = 3.1824, half-width 3.1824 * 10 / 2 = 15.91.
        assert_eq!(interval(50.0, 10.0, 4), Some((34.09, 65.91)));
        // Clipped to the scale.
        assert_eq!(interval(95.0, 10.0, 2).unwrap().1, 100.0);
    }
}
