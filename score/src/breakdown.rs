//! One article's score, component by component: value, the counts it is a
//! ratio of, its scaled value, weight and contribution in points — the
//! [`formula`] spelled out for a reader.

use crate::config::Config;
use crate::formula;
use crate::rows::{ArticleScore, ComponentValue};

/// One component of one article's score.
#[derive(Debug, Clone, Copy)]
pub struct Contribution {
    /// The component, its value and the counts it is a ratio of.
    pub component: ComponentValue,
    /// The value mapped to 0..1 by the saturation point (inverted where more is worse).
    pub scaled: f64,
    /// Its weight in the config.
    pub weight: f64,
    /// Points of the 0–100 score it contributes: `100 × weight × scaled / Σ weight`.
    pub points: f64,
}

/// One article's score.
#[derive(Debug, Clone)]
pub struct Breakdown {
    /// The composite, 0–100.
    pub reliability: f64,
    /// Its rank (1 = most reliable).
    pub rank: u32,
    /// Every component, in [`crate::metrics::ALL`] order.
    pub components: Vec<Contribution>,
}

/// The breakdown of one scored article under `config`.
pub fn breakdown(article: &ArticleScore, config: &Config) -> Breakdown {
    let components = article
        .components
        .iter()
        .map(|&c| Contribution {
            component: c,
            scaled: formula::scaled(config, c.metric, c.ratio()),
            weight: formula::weight(config, c.metric),
            points: formula::points(config, c.metric, c.ratio()),
        })
        .collect();
    Breakdown {
        reliability: article.reliability,
        rank: article.rank,
        components,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::ALL;

    #[test]
    fn contributions_follow_the_formula_and_keep_the_counts() {
        let config = Config::default();
        let values = [0.5, 1.0, 0.2, 0.15, 0.0, 0.1];
        let article = ArticleScore {
            outlet: "X".into(),
            genre: "news".into(),
            published: None,
            reliability: formula::reliability(&config, &values),
            rank: 1,
            components: ALL
                .iter()
                .zip(values)
                .map(|(&metric, value)| ComponentValue {
                    metric,
                    value,
                    // The counts the value is the ratio of, out of 20.
                    numerator: (value * 20.0).round() as u32,
                    denominator: 20,
                })
                .collect(),
        };
        let b = breakdown(&article, &config);
        assert_eq!(b.components.len(), ALL.len());
        // sourcing: weight 2, saturation 0.8: 0.5 / 0.8 = 0.625 of 2 of 7 weights.
        let sourcing = &b.components[0];
        assert_eq!(sourcing.component.metric.name(), "sourcing");
        assert!((sourcing.scaled - 0.625).abs() < 1e-12);
        assert!((sourcing.points - 100.0 * 2.0 * 0.625 / 7.0).abs() < 1e-9);
        let counts = (sourcing.component.numerator, sourcing.component.denominator);
        assert_eq!(counts, (10, 20));
        // hedging at its saturation point earns nothing.
        assert_eq!(b.components[5].points, 0.0);
        let total: f64 = b.components.iter().map(|c| c.points).sum();
        assert!((total - b.reliability).abs() < 0.005 + 1e-9);
    }
}
