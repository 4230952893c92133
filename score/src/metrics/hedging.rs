//! The `hedging` component.

use super::{Direction, Metric};

#[doc = include_str!("hedging.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Hedging;

impl Metric for Hedging {
    fn name(&self) -> &'static str {
        "hedging"
    }

    fn doc(&self) -> &'static str {
        include_str!("hedging.md")
    }

    fn direction(&self) -> Direction {
        Direction::LowerIsBetter
    }

    fn numerator(&self) -> &'static str {
        "claims_hedged_unsourced"
    }

    fn denominator(&self) -> &'static str {
        "claims"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::{counts, values};

    #[test]
    fn share_of_claims_hedged_without_source() {
        let df = counts(&[
            ("claims_hedged_unsourced", &[1, 0, 0]),
            ("claims", &[10, 0, 4]),
        ]);
        assert_eq!(values(&Hedging, &df), [0.1, 0.0, 0.0]);
        assert_eq!(Hedging.direction(), Direction::LowerIsBetter);
    }
}
