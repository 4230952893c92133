//! The outlets table (`outlets.csv`): articles per outlet, mean reliability
//! with a 95% confidence interval, and the mean of each component.
//!
//! The interval is Student's t interval for the mean,
//! `mean ± t(0.975, n−1) · sd / √n`, clipped to 0..100: exact arithmetic
//! from the article scores, so it is deterministic and can be recomputed by
//! hand. With one article there is no interval (both bounds are empty): one
//! score says nothing about the spread of an outlet's articles, and a
//! zero-width interval would claim a precision it does not have.
//!
//! ## Ranking
//!
//! Outlets are ranked by a *shrunken* mean, not the raw one: an outlet with
//! one article at 95 is not the most reliable outlet of the corpus. The
//! estimate is the textbook empirical-Bayes (one-way random effects) one:
//!
//! ```text
//! shrunk = μ + (mean − μ) × n·τ² / (n·τ² + σ²)
//! ```
//!
//! where μ is the mean of all articles, σ² the pooled variance of articles
//! around their outlet's mean and τ² the variance of the outlets' true means,
//! estimated from the spread of the outlet means beyond what σ² explains
//! (`τ² = max(0, (Σ n(mean − μ)² − (K − 1)σ²) / (N − Σ n² / N))` for K outlets
//! and N articles). An outlet with many articles keeps its mean; one with few
//! is pulled toward μ by as much as its few articles leave uncertain. The
//! estimate is over the articles `[outlets] rank_on` names: those classified
//! as news by default ([`crate::genre`]; opinion pieces quote little by
//! design), or all. Only outlets with at least `[outlets] min_articles` such
//! articles get a `rank` (1 = most reliable; ties on the rounded estimate
//! share the best rank).

use crate::articles::{GENRE, OUTLET, RANK, RELIABILITY};
use crate::config::{OutletsConfig, RankOn};
use crate::genre::Genre;
use crate::metrics::{table_order, ALL};
use polars::prelude::*;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Number of articles of the outlet.
pub const ARTICLES: &str = "articles";
/// Lower bound of the 95% interval of the mean reliability (null for one article).
pub const RELIABILITY_CI_LOW: &str = "reliability_ci_low";
/// Upper bound of that interval.
pub const RELIABILITY_CI_HIGH: &str = "reliability_ci_high";
/// The shrunken mean the ranking uses (see the module docs).
pub const RELIABILITY_SHRUNK: &str = "reliability_shrunk";
/// The outlet's articles classified as news.
pub const ARTICLES_NEWS: &str = "articles_news";
/// Their mean reliability (null without any).
pub const RELIABILITY_NEWS: &str = "reliability_news";
/// Lower bound of the 95% interval of `reliability_news` (null for fewer than two).
pub const RELIABILITY_NEWS_CI_LOW: &str = "reliability_news_ci_low";
/// Upper bound of that interval.
pub const RELIABILITY_NEWS_CI_HIGH: &str = "reliability_news_ci_high";
/// The outlet's articles classified as opinion.
pub const ARTICLES_OPINION: &str = "articles_opinion";
/// Their mean reliability (null without any).
pub const RELIABILITY_OPINION: &str = "reliability_opinion";

/// Columns of the outlets table, in order: the outlet, its article count,
/// mean reliability and interval, the mean of each component in the
/// tables' order ([`table_order`]), then (appended, so spreadsheets built on
/// the earlier columns keep working) the news and opinion articles and their
/// means, the shrunken mean and the rank (on the articles
/// `[outlets] rank_on` names: news by default).
pub fn outlet_columns() -> Vec<&'static str> {
    let mut columns = vec![
        OUTLET,
        ARTICLES,
        RELIABILITY,
        RELIABILITY_CI_LOW,
        RELIABILITY_CI_HIGH,
    ];
    columns.extend(table_order().map(|m| m.name()));
    columns.extend([
        ARTICLES_NEWS,
        RELIABILITY_NEWS,
        RELIABILITY_NEWS_CI_LOW,
        RELIABILITY_NEWS_CI_HIGH,
        ARTICLES_OPINION,
        RELIABILITY_OPINION,
        RELIABILITY_SHRUNK,
        RANK,
    ]);
    columns
}

/// Per outlet `(articles, mean, sd)`: the shrunken means (see the module
/// docs), in the same order. Without two outlets and more articles than
/// outlets there is nothing to estimate the spreads from: the means are
/// returned as they are.
pub fn shrunk_means(outlets: &[(u32, f64, f64)]) -> Vec<f64> {
    let k = outlets.len() as f64;
    let n: f64 = outlets.iter().map(|o| f64::from(o.0)).sum();
    if k < 2.0 || n <= k {
        return outlets.iter().map(|o| o.1).collect();
    }
    let mu = outlets.iter().map(|o| f64::from(o.0) * o.1).sum::<f64>() / n;
    let within: f64 = outlets
        .iter()
        .map(|o| f64::from(o.0.saturating_sub(1)) * o.2 * o.2)
        .sum::<f64>()
        / (n - k);
    let between: f64 = outlets
        .iter()
        .map(|o| f64::from(o.0) * (o.1 - mu).powi(2))
        .sum();
    let n2: f64 = outlets.iter().map(|o| f64::from(o.0).powi(2)).sum();
    let tau2 = ((between - (k - 1.0) * within) / (n - n2 / n)).max(0.0);
    outlets
        .iter()
        .map(|&(count, mean, _)| {
            let signal = f64::from(count) * tau2;
            if signal + within == 0.0 {
                mean
            } else {
                mu + (mean - mu) * signal / (signal + within)
            }
        })
        .collect()
}

/// Ranks (1 = best, ties share the best) of `values` where `eligible`.
fn ranks(values: &[f64], eligible: &[bool]) -> Vec<Option<u32>> {
    values
        .iter()
        .zip(eligible)
        .map(|(&v, &ok)| {
            ok.then(|| {
                let better = values
                    .iter()
                    .zip(eligible)
                    .filter(|&(&w, &e)| e && w > v)
                    .count();
                better as u32 + 1
            })
        })
        .collect()
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
pub fn score_outlets(articles: &DataFrame, config: &OutletsConfig) -> PolarsResult<DataFrame> {
    let is = |g: Genre| col(GENRE).eq(lit(g.as_str()));
    let of = |g: Genre| col(RELIABILITY).filter(is(g));
    let mut aggs = vec![
        len().cast(DataType::UInt32).alias(ARTICLES),
        col(RELIABILITY).mean().alias("mean"),
        col(RELIABILITY).std(1).alias("sd"),
        is(Genre::News)
            .sum()
            .cast(DataType::UInt32)
            .alias(ARTICLES_NEWS),
        of(Genre::News).mean().alias("mean_news"),
        of(Genre::News).std(1).alias("sd_news"),
        is(Genre::Opinion)
            .sum()
            .cast(DataType::UInt32)
            .alias(ARTICLES_OPINION),
        of(Genre::Opinion).mean().alias("mean_opinion"),
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
    let mut stats = Vec::with_capacity(grouped.height());
    for ((n, mean), sd) in n.iter().zip(mean.iter()).zip(sd.iter()) {
        let (n, mean, sd) = (n.unwrap_or(0), mean.unwrap_or(0.0), sd.unwrap_or(0.0));
        let ci = interval(mean, sd, n);
        low.push(ci.map(|c| c.0));
        high.push(ci.map(|c| c.1));
        stats.push((n, mean, sd));
    }
    let news: Vec<(u32, f64, f64)> = {
        let n = grouped.column(ARTICLES_NEWS)?.u32()?;
        let mean = grouped.column("mean_news")?.f64()?;
        let sd = grouped.column("sd_news")?.f64()?;
        n.iter()
            .zip(mean.iter())
            .zip(sd.iter())
            .map(|((n, m), s)| (n.unwrap_or(0), m.unwrap_or(0.0), s.unwrap_or(0.0)))
            .collect()
    };
    let news_ci: Vec<Option<(f64, f64)>> =
        news.iter().map(|&(n, m, s)| interval(m, s, n)).collect();
    // The articles the ranking is on.
    let ranked_on: Vec<(u32, f64, f64)> = match config.rank_on {
        RankOn::All => stats.clone(),
        RankOn::News => news.clone(),
    };
    // Outlets without such articles have no estimate (and no rank).
    let with: Vec<usize> = (0..ranked_on.len())
        .filter(|&i| ranked_on[i].0 > 0)
        .collect();
    let estimates = shrunk_means(&with.iter().map(|&i| ranked_on[i]).collect::<Vec<_>>());
    let mut shrunk: Vec<Option<f64>> = vec![None; ranked_on.len()];
    for (&i, v) in with.iter().zip(estimates) {
        shrunk[i] = Some((v * 100.0).round() / 100.0);
    }
    let names = grouped.column(OUTLET)?.str()?;
    let eligible: Vec<bool> = ranked_on
        .iter()
        .zip(names.iter())
        .map(|(s, name)| s.0 >= config.min_articles && config.rankable(name.unwrap_or_default()))
        .collect();
    let values: Vec<f64> = shrunk
        .iter()
        .map(|v| v.unwrap_or(f64::NEG_INFINITY))
        .collect();
    let rank = ranks(&values, &eligible);
    let mut out = grouped
        .lazy()
        .with_columns([
            col("mean")
                .round(2, RoundMode::HalfAwayFromZero)
                .alias(RELIABILITY),
            col("mean_news")
                .round(2, RoundMode::HalfAwayFromZero)
                .alias(RELIABILITY_NEWS),
            col("mean_opinion")
                .round(2, RoundMode::HalfAwayFromZero)
                .alias(RELIABILITY_OPINION),
        ])
        .collect()?;
    out.with_column(Column::new(RELIABILITY_CI_LOW.into(), low))?;
    out.with_column(Column::new(RELIABILITY_CI_HIGH.into(), high))?;
    out.with_column(Column::new(
        RELIABILITY_NEWS_CI_LOW.into(),
        news_ci.iter().map(|c| c.map(|c| c.0)).collect::<Vec<_>>(),
    ))?;
    out.with_column(Column::new(
        RELIABILITY_NEWS_CI_HIGH.into(),
        news_ci.iter().map(|c| c.map(|c| c.1)).collect::<Vec<_>>(),
    ))?;
    out.with_column(Column::new(RELIABILITY_SHRUNK.into(), shrunk))?;
    out.with_column(Column::new(RANK.into(), rank))?;
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

    #[test]
    fn few_articles_are_pulled_toward_the_grand_mean_many_are_not() {
        // Two big outlets far apart, and one article at 95.
        let outlets = [(100, 40.0, 10.0), (100, 60.0, 10.0), (1, 95.0, 0.0)];
        let s = shrunk_means(&outlets);
        // By hand: N = 201, μ = 10095 / 201, σ² = 100, τ² = (Σ n(mean − μ)² − 2σ²) / (201 − 20001 / 201).
        let mu: f64 = 10095.0 / 201.0;
        let between =
            100.0 * (40.0 - mu).powi(2) + 100.0 * (60.0 - mu).powi(2) + (95.0 - mu).powi(2);
        let tau2 = (between - 200.0) / (201.0 - 20001.0 / 201.0);
        let expect = |n: f64, m: f64| mu + (m - mu) * n * tau2 / (n * tau2 + 100.0);
        for (i, &(n, m, _)) in outlets.iter().enumerate() {
            assert!((s[i] - expect(f64::from(n), m)).abs() < 1e-9, "{s:?}");
        }
        // The big outlets barely move; the single article is pulled a third of the way to μ.
        assert!(
            (s[0] - 40.0).abs() < 0.1 && (s[1] - 60.0).abs() < 0.1,
            "{s:?}"
        );
        assert!(s[2] < 85.0 && s[2] > 75.0, "{s:?}");
        // Only outlets with enough articles are ranked.
        assert_eq!(
            ranks(&s, &[true, true, false]),
            vec![Some(2), Some(1), None]
        );
        assert_eq!(
            ranks(&[50.0, 50.0, 40.0], &[true; 3]),
            vec![Some(1), Some(1), Some(3)]
        );
    }

    #[test]
    fn no_spread_between_outlets_means_everyone_at_the_grand_mean() {
        // Outlet means differ by less than their articles' spread explains.
        let s = shrunk_means(&[(10, 50.0, 20.0), (10, 52.0, 20.0)]);
        assert!(
            (s[0] - 51.0).abs() < 1e-9 && (s[1] - 51.0).abs() < 1e-9,
            "{s:?}"
        );
        // One outlet: nothing to shrink toward.
        assert_eq!(shrunk_means(&[(3, 70.0, 5.0)]), vec![70.0]);
    }
}
