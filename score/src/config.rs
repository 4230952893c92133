//! The scoring configuration: weights, saturation points, corroboration
//! thresholds and the date window, read from TOML.
//!
//! The defaults are the commented file `default_config.toml`, which
//! `credence config` prints; [`Config::default`] is that file parsed, so the
//! two cannot drift apart. A user's file may leave keys out (they keep their
//! defaults); unknown keys and out-of-range values are errors.

use crate::error::ScoreError;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The default configuration, with comments, as `credence config` prints it.
pub const DEFAULT_CONFIG: &str = include_str!("default_config.toml");

/// Everything that shapes a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    /// Weight of each component in the reliability score.
    pub weights: PerComponent,
    /// Value at which each component earns its full weight.
    pub saturation: PerComponent,
    /// Cross-outlet claim matching.
    pub corroboration: CorroborationConfig,
    /// Outlet names and ranking.
    pub outlets: OutletsConfig,
}

/// One number per score component, under the component's name.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PerComponent {
    /// For [`crate::metrics::Sourcing`].
    pub sourcing: f64,
    /// For [`crate::metrics::NamedSourcing`].
    pub named_sourcing: f64,
    /// For [`crate::metrics::QuoteDensity`].
    pub quote_density: f64,
    /// For [`crate::metrics::Corroboration`].
    pub corroboration: f64,
    /// For [`crate::metrics::Hedging`].
    pub hedging: f64,
    /// For [`crate::metrics::SourceDiversity`].
    pub source_diversity: f64,
}

impl PerComponent {
    /// The number for the component called `name`.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.entries()
            .into_iter()
            .find(|&(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// `(component name, number)` for every component.
    pub fn entries(&self) -> [(&'static str, f64); 6] {
        [
            ("sourcing", self.sourcing),
            ("named_sourcing", self.named_sourcing),
            ("source_diversity", self.source_diversity),
            ("quote_density", self.quote_density),
            ("corroboration", self.corroboration),
            ("hedging", self.hedging),
        ]
    }
}

/// A `[weights]` or `[saturation]` table as written: keys may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialPerComponent {
    sourcing: Option<f64>,
    named_sourcing: Option<f64>,
    quote_density: Option<f64>,
    corroboration: Option<f64>,
    hedging: Option<f64>,
    source_diversity: Option<f64>,
}

impl PartialPerComponent {
    fn or(self, d: PerComponent) -> PerComponent {
        PerComponent {
            sourcing: self.sourcing.unwrap_or(d.sourcing),
            named_sourcing: self.named_sourcing.unwrap_or(d.named_sourcing),
            quote_density: self.quote_density.unwrap_or(d.quote_density),
            corroboration: self.corroboration.unwrap_or(d.corroboration),
            hedging: self.hedging.unwrap_or(d.hedging),
            source_diversity: self.source_diversity.unwrap_or(d.source_diversity),
        }
    }
}

/// A configuration file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    weights: PartialPerComponent,
    #[serde(default)]
    saturation: PartialPerComponent,
    #[serde(default)]
    corroboration: CorroborationConfig,
    #[serde(default)]
    outlets: OutletsConfig,
}

/// Outlet names and the outlet ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutletsConfig {
    /// Least number of articles for an outlet to be ranked; outlets with
    /// fewer are listed apart, unranked.
    pub min_articles: u32,
    /// Names that stand for one outlet: `"as written" = "outlet"`. Names are
    /// compared with surrounding whitespace trimmed and inner runs of
    /// whitespace as one space.
    pub aliases: BTreeMap<String, String>,
    /// Names (after aliases) that are listed but never ranked: aggregators,
    /// guest-writer buckets, single columnists — not newsrooms.
    pub unranked: Vec<String>,
    /// Which articles the ranking is on: their news (the default) or all.
    pub rank_on: RankOn,
}

/// The articles outlets are ranked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankOn {
    /// Articles classified as news ([`crate::genre`]): opinion quotes little
    /// by design, and an outlet heavy in opinion would sink whatever its
    /// reporting.
    News,
    /// Every article.
    All,
}

impl Default for OutletsConfig {
    fn default() -> Self {
        OutletsConfig {
            min_articles: 5,
            aliases: BTreeMap::new(),
            unranked: Vec::new(),
            rank_on: RankOn::News,
        }
    }
}

/// `name` trimmed, with every run of whitespace inside it one space.
pub fn tidy_outlet(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl OutletsConfig {
    /// The outlet an article's outlet name stands for: the name tidied
    /// ([`tidy_outlet`]), then looked up in `aliases`.
    pub fn canonical(&self, name: &str) -> String {
        let name = tidy_outlet(name);
        if self.aliases.is_empty() {
            return name;
        }
        match self.aliases.iter().find(|(k, _)| tidy_outlet(k) == name) {
            Some((_, v)) => tidy_outlet(v),
            None => name,
        }
    }

    /// Whether the outlet `name` (canonical) may be ranked at all.
    pub fn rankable(&self, name: &str) -> bool {
        !self.unranked.iter().any(|u| tidy_outlet(u) == name)
    }
}

/// Thresholds for cross-outlet claim matching.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CorroborationConfig {
    /// Least cosine similarity (0..1) for two claims to be judged at all.
    pub min_similarity: f64,
    /// Least same-fact probability (0..1) for two claims to corroborate.
    pub min_confidence: f64,
    /// Least same-fact probability, numbers left out, for two claims with
    /// different numbers for the same unit to conflict.
    pub conflict_confidence: f64,
    /// Least similarity for two claims to be copies of each other.
    pub copy_similarity: f64,
    /// Least share of the shorter article's check-worthy claims that must be
    /// copies for two articles to count as syndicated.
    pub syndication_share: f64,
    /// Most days between two articles that may corroborate each other.
    pub window_days: u32,
    /// Which articles an article without a readable date may corroborate.
    pub undated: Undated,
}

/// What an article without a readable date may be matched with: its date
/// could be years from any other's, so the window cannot vouch for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Undated {
    /// Only other undated articles: a corpus with no dates at all (a folder
    /// of text files, labelled pairs) is one window; in a dated corpus an
    /// undated article corroborates nothing dated (the default).
    Undated,
    /// Any article (the window is ignored for it).
    Any,
    /// Nothing.
    None,
}

impl Default for CorroborationConfig {
    fn default() -> Self {
        CorroborationConfig {
            min_similarity: 0.15,
            min_confidence: 0.6,
            conflict_confidence: 0.8,
            copy_similarity: 0.9,
            syndication_share: 0.5,
            window_days: 7,
            undated: Undated::Undated,
        }
    }
}

mod defaults {
    use super::PerComponent;

    pub fn weights() -> PerComponent {
        PerComponent {
            sourcing: 2.0,
            named_sourcing: 1.0,
            quote_density: 1.0,
            corroboration: 1.0,
            hedging: 1.0,
            source_diversity: 1.0,
        }
    }

    pub fn saturation() -> PerComponent {
        PerComponent {
            sourcing: 0.8,
            named_sourcing: 0.8,
            quote_density: 0.15,
            corroboration: 0.5,
            hedging: 0.1,
            source_diversity: 0.4,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            weights: defaults::weights(),
            saturation: defaults::saturation(),
            corroboration: CorroborationConfig::default(),
            outlets: OutletsConfig::default(),
        }
    }
}

impl Config {
    /// Parse and validate a TOML configuration. `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Config, ScoreError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| ScoreError::Config {
            origin: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let config = Config {
            weights: file.weights.or(defaults::weights()),
            saturation: file.saturation.or(defaults::saturation()),
            corroboration: file.corroboration,
            outlets: file.outlets,
        };
        config.validate().map_err(|message| ScoreError::Config {
            origin: origin.to_string(),
            message,
        })?;
        Ok(config)
    }

    /// Check every value is in range; the message names the key.
    pub fn validate(&self) -> Result<(), String> {
        for (name, w) in self.weights.entries() {
            // Only ratios between weights matter; the bounds keep every sum
            // and quotient of the formula finite.
            if !(w == 0.0 || (MIN_WEIGHT..=MAX_WEIGHT).contains(&w)) {
                return Err(format!(
                    "weights.{name} = {w}: a weight must be 0 or from {MIN_WEIGHT} to {MAX_WEIGHT}"
                ));
            }
        }
        if self.weights.entries().iter().all(|&(_, w)| w == 0.0) {
            return Err("weights: at least one weight must be > 0".to_string());
        }
        for (name, s) in self.saturation.entries() {
            unit_interval(&format!("saturation.{name}"), s)?;
        }
        let c = &self.corroboration;
        unit_interval("corroboration.min_similarity", c.min_similarity)?;
        unit_interval("corroboration.min_confidence", c.min_confidence)?;
        unit_interval("corroboration.conflict_confidence", c.conflict_confidence)?;
        unit_interval("corroboration.copy_similarity", c.copy_similarity)?;
        unit_interval("corroboration.syndication_share", c.syndication_share)?;
        let o = &self.outlets;
        if o.min_articles == 0 {
            return Err("outlets.min_articles = 0: must be at least 1".to_string());
        }
        for (from, to) in &o.aliases {
            if tidy_outlet(to).is_empty() || tidy_outlet(from).is_empty() {
                return Err(format!(
                    "outlets.aliases: \"{from}\" = \"{to}\": an outlet name cannot be empty"
                ));
            }
            if let Some((next, _)) = o.aliases.iter().find(|(k, _)| {
                tidy_outlet(k) == tidy_outlet(to) && tidy_outlet(to) != tidy_outlet(from)
            }) {
                return Err(format!(
                    "outlets.aliases: \"{from}\" = \"{to}\", but \"{next}\" is itself an alias: \
                     map every name to the final outlet"
                ));
            }
        }
        if c.copy_similarity < c.min_similarity {
            return Err(format!(
                "corroboration.copy_similarity = {} is below min_similarity = {}: copies must also be matches",
                c.copy_similarity, c.min_similarity
            ));
        }
        Ok(())
    }

    /// The values in force as canonical TOML (no comments, fixed key order).
    pub fn canonical(&self) -> String {
        toml::to_string(self).expect("a Config always serialises")
    }

    /// The keys whose values differ from `other`'s, as `(key, self's value,
    /// other's value)` with dotted keys (`weights.quote_density`) and TOML
    /// values; `—` for a key only one side has. Sorted by key.
    pub fn changes(&self, other: &Config) -> Vec<(String, String, String)> {
        fn flatten(prefix: &str, v: &toml::Value, out: &mut BTreeMap<String, String>) {
            match v {
                toml::Value::Table(t) => {
                    for (k, v) in t {
                        let key = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        flatten(&key, v, out);
                    }
                }
                other => {
                    out.insert(prefix.to_string(), other.to_string());
                }
            }
        }
        let values = |c: &Config| {
            let mut out = BTreeMap::new();
            if let Ok(v) = toml::Value::try_from(c) {
                flatten("", &v, &mut out);
            }
            out
        };
        let (a, b) = (values(self), values(other));
        let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        let none = || "—".to_string();
        keys.into_iter()
            .filter(|k| a.get(*k) != b.get(*k))
            .map(|k| {
                (
                    k.clone(),
                    a.get(k).cloned().unwrap_or_else(none),
                    b.get(k).cloned().unwrap_or_else(none),
                )
            })
            .collect()
    }

    /// `sha256:` and the first 16 hex digits of the SHA-256 of [`Config::canonical`]:
    /// equal for equal values, whatever the comments or key order of the file.
    pub fn hash(&self) -> String {
        let digest = Sha256::digest(self.canonical().as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }
}

/// The smallest non-zero weight and the largest weight.
pub const MIN_WEIGHT: f64 = 1e-6;
/// See [`MIN_WEIGHT`].
pub const MAX_WEIGHT: f64 = 1e6;

/// The smallest value of a key in (0, 1]: saturation points divide, so a
/// denormal one would make every scaled value infinite.
const MIN_FRACTION: f64 = 1e-6;

fn unit_interval(key: &str, v: f64) -> Result<(), String> {
    if (MIN_FRACTION..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(format!("{key} = {v}: must be from {MIN_FRACTION} to 1"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_defaults_are_the_defaults() {
        let parsed = Config::from_toml(DEFAULT_CONFIG, "defaults").unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn changes_name_the_keys_with_both_values() {
        let a = Config::default();
        let b = Config::from_toml(
            "[weights]\nquote_density = 0.0\n[outlets.aliases]\n\"Fox News (Online)\" = \"Fox News\"\n",
            "t",
        )
        .unwrap();
        let changes = a.changes(&b);
        assert_eq!(
            changes,
            vec![
                (
                    "outlets.aliases.Fox News (Online)".to_string(),
                    "—".to_string(),
                    "\"Fox News\"".to_string()
                ),
                (
                    "weights.quote_density".to_string(),
                    "1.0".to_string(),
                    "0.0".to_string()
                ),
            ]
        );
        assert!(a.changes(&a).is_empty());
    }

    #[test]
    fn outlet_names_are_tidied_and_aliases_resolved() {
        let c = Config::from_toml(
            "[outlets.aliases]\n\"Fox  News (Online) \" = \"Fox News\"\n",
            "t",
        )
        .unwrap();
        assert_eq!(c.outlets.canonical(" Fox News (Online)"), "Fox News");
        assert_eq!(c.outlets.canonical("NPR Editorial "), "NPR Editorial");
        assert_eq!(c.outlets.canonical("Fox News"), "Fox News");
        // A chain is refused: every name must map to the final outlet.
        let e = Config::from_toml("[outlets.aliases]\nA = \"B\"\nB = \"C\"\n", "t")
            .unwrap_err()
            .to_string();
        assert!(e.contains("itself an alias"), "{e}");
        assert!(Config::from_toml("[outlets]\nmin_articles = 0\n", "t").is_err());
    }

    #[test]
    fn left_out_keys_keep_their_defaults() {
        let c = Config::from_toml("[weights]\nquote_density = 0.0\n", "t").unwrap();
        assert_eq!(c.weights.quote_density, 0.0);
        assert_eq!(c.weights.sourcing, Config::default().weights.sourcing);
        assert_eq!(c.saturation, Config::default().saturation);
        assert_eq!(c.corroboration, Config::default().corroboration);
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = Config::from_toml("[weights]\nquote_densty = 1.0\n", "my.toml").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("my.toml") && msg.contains("quote_densty"),
            "{msg}"
        );
        assert!(Config::from_toml("[weighs]\n", "t").is_err());
    }

    #[test]
    fn out_of_range_values_are_errors() {
        for bad in [
            "[weights]\nsourcing = -1.0\n",
            "[saturation]\nquote_density = 0.0\n",
            "[saturation]\nhedging = 1.5\n",
            "[corroboration]\nmin_similarity = 2.0\n",
            "[corroboration]\nwindow_days = -3\n",
            "[weights]\nsourcing = 0.0\nnamed_sourcing = 0.0\nquote_density = 0.0\ncorroboration = 0.0\nhedging = 0.0\nsource_diversity = 0.0\n",
            // Values that passed before and gave NaN or infinite scores.
            "[weights]\nsourcing = 1e308\nhedging = 1e308\n",
            "[weights]\nsourcing = 5e-324\nnamed_sourcing = 0.0\nquote_density = 0.0\ncorroboration = 0.0\nhedging = 0.0\nsource_diversity = 0.0\n",
            "[saturation]\nquote_density = 5e-324\n",
            "[weights]\nsourcing = nan\n",
            "[weights]\nsourcing = inf\n",
        ] {
            assert!(Config::from_toml(bad, "t").is_err(), "accepted {bad:?}");
        }
        let msg = Config::from_toml("[saturation]\nhedging = 1.5\n", "t")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("saturation.hedging"), "{msg}");
    }

    /// Whatever weights pass validation, every score is finite and in 0–100.
    #[test]
    fn extreme_valid_weights_give_scores_in_range() {
        let extremes = [MIN_WEIGHT, 1.0, MAX_WEIGHT];
        for &a in &extremes {
            for &b in &extremes {
                let text = format!(
                    "[weights]\nsourcing = {a:e}\nnamed_sourcing = 0.0\nquote_density = {b:e}\n\
                     corroboration = {b:e}\nhedging = {a:e}\nsource_diversity = {b:e}\n"
                );
                let config = Config::from_toml(&text, "t").unwrap();
                for values in [[0.0; 6], [1.0; 6], [1e9; 6]] {
                    let r = crate::formula::reliability(&config, &values);
                    assert!((0.0..=100.0).contains(&r), "{text}: {r}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Any weights and saturation points, extreme floats included: the
        /// config is refused, or every score it gives is in 0–100.
        #[test]
        fn any_accepted_config_scores_in_range(
            weights in proptest::collection::vec(proptest::num::f64::ANY, 6),
            saturation in proptest::collection::vec(proptest::num::f64::ANY, 6),
            values in proptest::collection::vec(0.0f64..1e6, 6),
        ) {
            let names = crate::metrics::ALL.iter().map(|m| m.name());
            let mut text = String::from("[weights]\n");
            for (n, w) in names.clone().zip(&weights) {
                text.push_str(&format!("{n} = {}\n", toml_float(*w)));
            }
            text.push_str("[saturation]\n");
            for (n, s) in names.zip(&saturation) {
                text.push_str(&format!("{n} = {}\n", toml_float(*s)));
            }
            if let Ok(config) = Config::from_toml(&text, "t") {
                let r = crate::formula::reliability(&config, &values);
                proptest::prop_assert!((0.0..=100.0).contains(&r), "{text}: {r}");
            }
        }

        /// Arbitrary text as a config file never panics.
        #[test]
        fn any_text_as_config_is_parsed_or_refused(text in "\\PC{0,200}") {
            let _ = Config::from_toml(&text, "t");
        }
    }

    /// TOML spelling of any float (`nan`, `inf`, exponents).
    fn toml_float(v: f64) -> String {
        if v.is_nan() {
            "nan".into()
        } else if v.is_infinite() {
            if v > 0.0 {
                "inf".into()
            } else {
                "-inf".into()
            }
        } else {
            format!("{v:e}")
        }
    }

    #[test]
    fn hash_follows_values_not_formatting() {
        let a = Config::from_toml("[weights]\nsourcing = 2.0 # same\n", "a").unwrap();
        let b = Config::default();
        assert_eq!(a.hash(), b.hash());
        let c = Config::from_toml("[weights]\nsourcing = 1.5\n", "c").unwrap();
        assert_ne!(c.hash(), b.hash());
        assert!(b.hash().starts_with("sha256:") && b.hash().len() == 7 + 16);
    }
}
