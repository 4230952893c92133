//! One article's score, component by component: value, the counts it is a
//! ratio of, its scaled value, weight and contribution in points. The same
//! formula as [`crate::articles::reliability`], spelled out for a reader.

use crate::config::Config;
use crate::metrics::{Metric, ALL};
use polars::prelude::*;

/// One component of one article's score.
#[derive(Clone, Copy)]
pub struct Contribution {
    /// The component.
    pub metric: &'static dyn Metric,
    /// Its value (as in articles.csv).
    pub value: f64,
    /// The count it is a ratio of, and the count it is divided by.
    pub numerator: u32,
    /// See `numerator`.
    pub denominator: u32,
    /// The value mapped to 0..1 by the saturation point (inverted where more is worse).
    pub scaled: f64,
    /// Its weight in the config.
    pub weight: f64,
    /// Points of the 0–100 score it contributes: `100 × weight × scaled / Σ weight`.
    pub points: f64,
}

impl std::fmt::Debug for Contribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contribution")
            .field("metric", &self.metric.name())
            .field("value", &self.value)
            .field("points", &self.points)
            .finish()
    }
}

/// One article's score.
#[derive(Debug, Clone)]
pub struct Breakdown {
    /// The composite, 0–100.
    pub reliability: f64,
    /// Its rank (1 = most reliable).
    pub rank: u32,
    /// Every component, in [`ALL`] order.
    pub components: Vec<Contribution>,
}

fn f64_at(frame: &DataFrame, column: &str, row: usize) -> PolarsResult<f64> {
    Ok(frame.column(column)?.f64()?.get(row).unwrap_or(0.0))
}

fn u32_at(frame: &DataFrame, column: &str, row: usize) -> PolarsResult<u32> {
    Ok(frame.column(column)?.u32()?.get(row).unwrap_or(0))
}

/// `metric`'s value mapped to 0..1 by its saturation point under `config`.
pub fn scaled(config: &Config, metric: &dyn Metric, value: f64) -> f64 {
    metric.scaled(value, config.saturation.get(metric.name()).unwrap_or(1.0))
}

/// Points of the 0–100 score a component with `value` contributes under
/// `config`: `100 × weight × scaled / Σ weight`.
pub fn points(config: &Config, metric: &dyn Metric, value: f64) -> f64 {
    let total: f64 = ALL
        .iter()
        .map(|m| config.weights.get(m.name()).unwrap_or(0.0))
        .sum();
    let weight = config.weights.get(metric.name()).unwrap_or(0.0);
    100.0 * weight * scaled(config, metric, value) / total
}

/// The breakdown of row `row` of the scored articles table.
pub fn breakdown(articles: &DataFrame, row: usize, config: &Config) -> PolarsResult<Breakdown> {
    let components = ALL
        .iter()
        .map(|&m| {
            let value = f64_at(articles, m.name(), row)?;
            Ok(Contribution {
                metric: m,
                value,
                numerator: u32_at(articles, m.numerator(), row)?,
                denominator: u32_at(articles, m.denominator(), row)?,
                scaled: scaled(config, m, value),
                weight: config.weights.get(m.name()).unwrap_or(0.0),
                points: points(config, m, value),
            })
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    Ok(Breakdown {
        reliability: f64_at(articles, "reliability", row)?,
        rank: u32_at(articles, "rank", row)?,
        components,
    })
}
