//! The reliability formula, defined once (the README's "Scoring" section):
//!
//! ```text
//! scaled      = min(value / saturation, 1)        (1 − that where more is worse)
//! reliability = 100 × Σ weight × scaled / Σ weight     (rounded to 2 decimals)
//! points      = 100 × weight × scaled / Σ weight       (one component's share)
//! ```
//!
//! The articles table, each article's breakdown (`explain`, the report's
//! cards) and `credence diff` all compute through these functions.

use crate::config::Config;
use crate::metrics::{Metric, ALL};

/// `metric`'s weight under `config`.
pub fn weight(config: &Config, metric: &dyn Metric) -> f64 {
    config.weights.get(metric.name()).unwrap_or(0.0)
}

/// The sum of all weights (validated to be positive).
pub fn total_weight(config: &Config) -> f64 {
    ALL.iter().map(|&m| weight(config, m)).sum()
}

/// `metric`'s value mapped to 0..1 by its saturation point under `config`.
pub fn scaled(config: &Config, metric: &dyn Metric, value: f64) -> f64 {
    metric.scaled(value, config.saturation.get(metric.name()).unwrap_or(1.0))
}

/// Points of the 0–100 score a component with `value` contributes under
/// `config`: `100 × weight × scaled / Σ weight`.
pub fn points(config: &Config, metric: &dyn Metric, value: f64) -> f64 {
    100.0 * weight(config, metric) * scaled(config, metric, value) / total_weight(config)
}

/// The composite score of one article from its component `values` (in
/// [`ALL`] order; the exact ratios of the counts, not the 4-decimal values
/// of the tables), rounded half away from zero to 2 decimals: the value
/// written to articles.csv and shown everywhere.
pub fn reliability(config: &Config, values: &[f64]) -> f64 {
    debug_assert_eq!(values.len(), ALL.len());
    let total: f64 = ALL
        .iter()
        .zip(values)
        .map(|(&m, &v)| points(config, m, v))
        .sum();
    round(total, 2)
}

/// Round half away from zero to `decimals` (as polars' `round` does, so the
/// values written match the tables' other rounded columns).
pub fn round(value: f64, decimals: i32) -> f64 {
    let m = 10f64.powi(decimals);
    let r = (value * m).round() / m;
    if r.is_finite() {
        r
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_add_up_to_the_unrounded_score() {
        let c = Config::default();
        let values = [0.5, 0.8, 0.2, 0.1, 0.0, 0.05];
        let total: f64 = ALL.iter().zip(values).map(|(&m, v)| points(&c, m, v)).sum();
        assert!((round(total, 2) - reliability(&c, &values)).abs() < 1e-9);
    }

    #[test]
    fn saturated_article_scores_100_and_empty_one_scores_hedging_only() {
        let c = Config::default();
        let full: Vec<f64> = ALL
            .iter()
            .map(|m| match m.direction() {
                crate::metrics::Direction::HigherIsBetter => 1.0,
                crate::metrics::Direction::LowerIsBetter => 0.0,
            })
            .collect();
        assert_eq!(reliability(&c, &full), 100.0);
        // All zero: only hedging (more is worse) earns its weight, 1 of 7.
        assert_eq!(reliability(&c, &[0.0; 6]), round(100.0 / 7.0, 2));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round(2.345, 2), 2.35);
        assert_eq!(round(-2.5, 0), -3.0);
        assert_eq!(round(f64::MAX, 2), f64::MAX);
    }
}
