//! The `quote_density` component.

use super::{Direction, Metric};

#[doc = include_str!("quote_density.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct QuoteDensity;

impl Metric for QuoteDensity {
    fn name(&self) -> &'static str {
        "quote_density"
    }

    fn doc(&self) -> &'static str {
        include_str!("quote_density.md")
    }

    fn direction(&self) -> Direction {
        Direction::HigherIsBetter
    }

    fn numerator(&self) -> &'static str {
        "quote_words"
    }

    fn denominator(&self) -> &'static str {
        "words"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::{counts, values};

    #[test]
    fn quoted_words_over_words() {
        let df = counts(&[("quote_words", &[90, 0, 5]), ("words", &[600, 0, 7])]);
        assert_eq!(values(&QuoteDensity, &df), [0.15, 0.0, 0.7143]);
        assert_eq!(QuoteDensity.direction(), Direction::HigherIsBetter);
    }
}
