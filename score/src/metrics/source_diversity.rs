//! The `source_diversity` component.

use super::{Direction, Metric};

#[doc = include_str!("source_diversity.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceDiversity;

impl Metric for SourceDiversity {
    fn name(&self) -> &'static str {
        "source_diversity"
    }

    fn doc(&self) -> &'static str {
        include_str!("source_diversity.md")
    }

    fn direction(&self) -> Direction {
        Direction::HigherIsBetter
    }

    fn numerator(&self) -> &'static str {
        "sources_named"
    }

    fn denominator(&self) -> &'static str {
        "claims"
    }

    fn appended(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::{counts, values};

    #[test]
    fn distinct_named_sources_per_claim() {
        let df = counts(&[("sources_named", &[14, 0, 3]), ("claims", &[33, 0, 5])]);
        assert_eq!(values(&SourceDiversity, &df), [0.4242, 0.0, 0.6]);
        assert_eq!(SourceDiversity.direction(), Direction::HigherIsBetter);
    }
}
