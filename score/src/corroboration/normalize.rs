//! Claim normalisation: what two claims must share to "report the same thing".
//!
//! A claim becomes a set of terms: lower-cased, Snowball-stemmed content words
//! (NLTK English stop words, reporting verbs and quote marks dropped), plus
//! numbers, written as digits or words ("eight", "1,200", "4.5 million"),
//! which become `#8`, `#1200`, `#4500000` so that "eight" and "8" match. Each
//! number also keeps its *unit* (the stem of the next content word: "eight
//! phone calls" → 8 `phone`), so that two matched claims giving different
//! numbers for the same unit are a conflict.
//!
//! Names are ordinary terms. Weighting them up (as anchors) was measured on
//! BASIL and made matching worse: claims about different events by the same
//! people ("Senate Majority Leader Harry Reid said …") matched more often.

use credence_extract::lexicon::dates::{CARDINALS, MULTIPLIERS, TENS};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::sync::OnceLock;

/// A number in a claim with the word it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Its value ("4.5 million" → 4500000).
    pub value: f64,
    /// Stem of the next content word ("calls" → `call`); empty at the end.
    pub unit: String,
}

/// A claim, normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// Distinct terms (stems, or `#<value>` for numbers), sorted.
    pub terms: Vec<String>,
    /// Numbers in text order.
    pub quantities: Vec<Quantity>,
}

fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        stop_words::get("en")
            .iter()
            .copied()
            // Reporting words are everywhere in news and say nothing about the event.
            .chain([
                "said",
                "says",
                "say",
                "told",
                "according",
                "also",
                "would",
                "could",
            ])
            .collect()
    })
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn number_value(lower: &str) -> Option<f64> {
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = lower.chars().filter(|&c| c != ',').collect();
        return digits.parse().ok();
    }
    CARDINALS
        .iter()
        .position(|&w| w == lower)
        .map(|i| i as f64)
        .or_else(|| TENS.iter().find(|(w, _)| *w == lower).map(|&(_, v)| v))
}

fn multiplier(lower: &str) -> Option<f64> {
    MULTIPLIERS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, v)| v)
}

/// Words of a claim: runs of letters and digits, with `,` and `.` kept inside
/// numbers ("1,200", "4.5"); apostrophes end a word ("Witkoff's" → "Witkoff").
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let inside_number = (c == ',' || c == '.')
            && start.is_some()
            && i > 0
            && chars[i - 1].1.is_ascii_digit()
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
        if c.is_alphanumeric() || inside_number {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(&text[s..at]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    // Drop clitic fragments ("s" of "Witkoff's" after the apostrophe split).
    out.retain(|w| !matches!(*w, "s" | "t" | "re" | "ve" | "ll" | "d" | "m"));
    out
}

/// The claim without an embedded post's signature: "Change the laws! —
/// Donald J. Trump (@realDonaldTrump) June 18, 2018" → "Change the laws!".
/// Every embedded tweet carries one, and two different tweets must not match
/// on it.
fn without_signature(text: &str) -> &str {
    match text.rfind("(@") {
        Some(at) => {
            let before = &text[..at];
            match before.rfind(['—', '–']) {
                Some(dash) => &text[..dash],
                None => text,
            }
        }
        None => text,
    }
}

/// Normalise one claim.
pub fn normalize(text: &str) -> Normalized {
    let stop = stop_words();
    let stemmer = stemmer();
    let ws = words(without_signature(text));
    let lowers: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let mut terms = Vec::with_capacity(ws.len());
    let mut quantities = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let lower = lowers[i].as_str();
        if let Some(mut value) = number_value(lower) {
            let mut j = i + 1;
            while let Some(m) = lowers.get(j).and_then(|w| multiplier(w)) {
                value *= m;
                j += 1;
            }
            let unit = lowers[j..]
                .iter()
                .find(|w| !stop.contains(w.as_str()))
                .map(|w| stemmer.stem(w).into_owned())
                .unwrap_or_default();
            terms.push(format!("#{value}"));
            quantities.push(Quantity { value, unit });
            i = j;
            continue;
        }
        if !stop.contains(lower) && multiplier(lower).is_none() {
            terms.push(stemmer.stem(lower).into_owned());
        }
        i += 1;
    }
    terms.sort_unstable();
    terms.dedup();
    Normalized { terms, quantities }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drops_stop_words_and_quote_marks() {
        let n = normalize("“The talks were useful,” Witkoff’s aides said.");
        assert_eq!(n.terms, ["aid", "talk", "use", "witkoff"]);
    }

    #[test]
    fn embedded_post_signatures_are_not_terms() {
        let n = normalize("Change the laws! — Donald J. Trump (@realDonaldTrump) June 18, 2018");
        assert_eq!(n.terms, ["chang", "law"]);
        assert_eq!(normalize("A — B said.").terms, ["b"]);
    }

    #[test]
    fn numbers_in_words_and_digits_are_the_same_term() {
        let a = normalize("Trump made eight phone calls.");
        let b = normalize("Trump made 8 phone calls.");
        assert_eq!(a, b);
        assert_eq!(
            a.quantities,
            [Quantity {
                value: 8.0,
                unit: "phone".into()
            }]
        );
        assert!(a.terms.contains(&"#8".to_string()));
        let c = normalize("It cost $4.5 million and 1,200 jobs.");
        let values: Vec<f64> = c.quantities.iter().map(|q| q.value).collect();
        assert_eq!(values, [4_500_000.0, 1200.0]);
        assert_eq!(c.quantities[1].unit, "job");
    }
}
