//! The score components, one file each, and the registry [`ALL`].
//!
//! Every component is a ratio of two per-article counts (columns of the
//! counts table built by [`crate::counts`]), so every value can be recomputed
//! by hand from the spans it counts: `sourcing = 12 / 20` means 12 of the
//! article's 20 claims are attributed, and claims.csv lists which.

mod corroboration;
mod hedging;
mod named_sourcing;
mod quote_density;
mod source_diversity;
mod sourcing;

pub use corroboration::Corroboration;
pub use hedging::Hedging;
pub use named_sourcing::NamedSourcing;
pub use quote_density::QuoteDensity;
pub use source_diversity::SourceDiversity;
pub use sourcing::Sourcing;

use polars::prelude::*;

/// Whether more of a component makes an article more or less reliable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better: `scaled = min(value / saturation, 1)`.
    HigherIsBetter,
    /// More is worse: `scaled = 1 - min(value / saturation, 1)`.
    LowerIsBetter,
}

/// A score component.
pub trait Metric: Sync {
    /// Column name in articles.csv and key in the config's `[weights]` and `[saturation]`.
    fn name(&self) -> &'static str;
    /// Documentation: a one-line summary, then `## What it measures`,
    /// `## Why it matters`, `## Example`, `## Limitations` (Markdown).
    fn doc(&self) -> &'static str;
    /// Whether more is better.
    fn direction(&self) -> Direction;
    /// Counts column of the numerator.
    fn numerator(&self) -> &'static str;
    /// Counts column of the denominator.
    fn denominator(&self) -> &'static str;

    /// Whether the component's column is appended after `rank` in
    /// articles.csv (and after the other components in outlets.csv):
    /// components added after the first column contract go at the end, so
    /// spreadsheets built on the earlier columns keep working.
    fn appended(&self) -> bool {
        false
    }

    /// The doc's first line.
    fn summary(&self) -> &'static str {
        self.doc().lines().next().unwrap_or_default()
    }

    /// The value as a polars expression over the counts table: numerator /
    /// denominator, 0 where the denominator is 0, rounded to 4 decimals (the
    /// value written is the value scored).
    fn value(&self) -> Expr {
        let (num, den) = (col(self.numerator()), col(self.denominator()));
        when(den.clone().gt(lit(0)))
            .then(
                (num.cast(DataType::Float64) / den.cast(DataType::Float64))
                    .round(4, RoundMode::HalfAwayFromZero),
            )
            .otherwise(lit(0.0))
            .alias(self.name())
    }

    /// The value mapped to 0..1 with the saturation point.
    fn scaled(&self, value: f64, saturation: f64) -> f64 {
        let s = (value / saturation).min(1.0);
        match self.direction() {
            Direction::HigherIsBetter => s,
            Direction::LowerIsBetter => 1.0 - s,
        }
    }
}

/// Components are equal when they are the same component (same name).
impl PartialEq for dyn Metric {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

/// A component shows as its name.
impl std::fmt::Debug for dyn Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Every component, in column order.
pub const ALL: &[&dyn Metric] = &[
    &Sourcing,
    &NamedSourcing,
    &SourceDiversity,
    &QuoteDensity,
    &Corroboration,
    &Hedging,
];

/// Every component in the order of the CSV tables: the first contract's
/// components, then the [appended](Metric::appended) ones, each group in
/// [`ALL`] order.
pub fn table_order() -> impl Iterator<Item = &'static dyn Metric> {
    let first = ALL.iter().copied().filter(|m| !m.appended());
    first.chain(ALL.iter().copied().filter(|m| m.appended()))
}

/// The component called `name`.
pub fn by_name(name: &str) -> Option<&'static dyn Metric> {
    ALL.iter().copied().find(|m| m.name() == name)
}

#[cfg(test)]
pub(crate) mod testing {
    use polars::prelude::*;

    /// A counts table with one column per `(name, values)`.
    pub fn counts(columns: &[(&str, &[u32])]) -> DataFrame {
        DataFrame::new_infer_height(
            columns
                .iter()
                .map(|(n, v)| Column::new((*n).into(), v.to_vec()))
                .collect(),
        )
        .unwrap()
    }

    /// The values of a metric over a counts table.
    pub fn values(m: &dyn super::Metric, df: &DataFrame) -> Vec<f64> {
        let out = df.clone().lazy().select([m.value()]).collect().unwrap();
        out.column(m.name())
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn every_component_has_a_weight_a_saturation_and_a_full_doc() {
        let c = Config::default();
        for m in ALL {
            assert!(c.weights.get(m.name()).is_some(), "{}", m.name());
            assert!(c.saturation.get(m.name()).is_some(), "{}", m.name());
            for section in [
                "## What it measures",
                "## Why it matters",
                "## Example",
                "## Limitations",
            ] {
                assert!(m.doc().contains(section), "{} lacks {section}", m.name());
            }
        }
        assert_eq!(ALL.len(), c.weights.entries().len());
    }

    #[test]
    fn scaling_saturates_and_inverts() {
        assert_eq!(QuoteDensity.scaled(0.075, 0.15), 0.5);
        assert_eq!(QuoteDensity.scaled(0.3, 0.15), 1.0);
        assert_eq!(Hedging.scaled(0.05, 0.1), 0.5);
        assert_eq!(Hedging.scaled(0.5, 0.1), 0.0);
        assert_eq!(Hedging.scaled(0.0, 0.1), 1.0);
    }
}
