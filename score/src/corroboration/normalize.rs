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

use credence_extract::lexicon::dates::{CARDINALS, MONTHS, MONTH_ABBREVIATIONS, MULTIPLIERS, TENS};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// A number in a claim with the word it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Its value ("4.5 million" → 4500000).
    pub value: f64,
    /// Stem of the next content word ("calls" → `call`); empty at the end.
    pub unit: String,
    /// Half the value of its last written digit ("3.9" → 0.05, "4.5
    /// million" → 50000, "eight" → 0.5): a number written to that precision
    /// agrees with any value within it (3.9 percent and 3.85 percent agree).
    pub tolerance: f64,
}

/// A claim, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    /// Distinct terms (stems, or `#<value>` for numbers), sorted.
    pub terms: Vec<String>,
    /// Numbers in text order.
    pub quantities: Vec<Quantity>,
    /// Distinct terms written as names (capitalised, not the claim's first
    /// word), sorted: the participants two claims of one fact share.
    pub names: Vec<String>,
    /// Distinct adjacent term pairs in text order, hashed, sorted: a crude
    /// trace of who did what to whom that a bag of terms does not keep.
    pub bigrams: Vec<u32>,
    /// Whether the claim has a negation ("not", "no", "never", "didn't").
    pub negated: bool,
    /// Sum of its words' static vectors ([`super::vectors`]), quantised.
    pub vector: super::vectors::Quantised,
}

/// Words that negate what a claim says.
const NEGATIONS: [&str; 8] = [
    "not", "no", "never", "nor", "neither", "none", "nobody", "nothing",
];

/// FNV-1a of a term: fixed, so bigram ids are the same on every run.
fn term_hash(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in term.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A pair of adjacent terms (by their hashes) as one id; order matters.
/// 32 bits (the product's best-mixed high half): bigrams are only ever
/// compared between two claims of a few dozen each, where a collision is a
/// one-in-a-hundred-million event, and a corpus holds tens of millions.
fn bigram(a: u64, b: u64) -> u32 {
    ((a.rotate_left(17) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

fn stop_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
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

/// Distinct words a thread remembers the stems of (about 10 MB at most).
const STEM_CACHE: usize = 200_000;

/// The Snowball stem of `lower`, remembered per thread: a corpus repeats a
/// few hundred thousand distinct words millions of times, and stemming was
/// a tenth of the matcher's time. The stem is a function of the word, so
/// the cache changes nothing but the time.
fn stem(stemmer: &Stemmer, lower: &str) -> String {
    thread_local! {
        static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::default();
    }
    STEMS.with_borrow_mut(|cache| {
        if let Some(s) = cache.get(lower) {
            return s.clone();
        }
        let s = stemmer.stem(lower).into_owned();
        if cache.len() < STEM_CACHE {
            cache.insert(lower.to_string(), s.clone());
        }
        s
    })
}

/// Words with the number they stand for.
type WordValues = FxHashMap<&'static str, f64>;

/// Number words ("eight", "ninety") and multipliers ("million") with their
/// values, in one map: every word of every claim is looked up, and scanning
/// the lists string by string was a tenth of the matcher's time.
fn number_words() -> &'static (WordValues, WordValues) {
    static MAPS: OnceLock<(WordValues, WordValues)> = OnceLock::new();
    MAPS.get_or_init(|| {
        let values = CARDINALS
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, i as f64))
            .chain(TENS.iter().copied())
            .collect();
        (values, MULTIPLIERS.iter().copied().collect())
    })
}

fn number_value(lower: &str) -> Option<f64> {
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = lower.chars().filter(|&c| c != ',').collect();
        return digits.parse().ok();
    }
    number_words().0.get(lower).copied()
}

fn multiplier(lower: &str) -> Option<f64> {
    number_words().1.get(lower).copied()
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
pub fn without_signature(text: &str) -> &str {
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

/// The month an abbreviation names ("oct" → "october"), from the
/// abbreviations the tokenizer knows (without their period).
fn month_of_abbreviation(lower: &str) -> Option<&'static str> {
    MONTH_ABBREVIATIONS
        .iter()
        .find(|a| a.strip_suffix('.') == Some(lower))
        .and_then(|a| MONTHS.iter().find(|m| m.starts_with(&a[..3])))
        .copied()
}

/// Normalise one claim.
pub fn normalize(text: &str) -> Normalized {
    let body = without_signature(text);
    let read = Read::new(body);
    read.unit(0..read.words.len(), body)
}

/// Normalise one claim, then each of its clauses (see `clauses`) when it
/// has two or more: the claim first. The words are read, lower-cased,
/// stemmed and looked up once, for the claim and its clauses alike.
pub fn normalize_with_clauses(text: &str) -> Vec<Normalized> {
    let body = without_signature(text);
    let read = Read::new(body);
    let mut out = vec![read.unit(0..read.words.len(), body)];
    for range in clauses(body) {
        let first = read.starts.partition_point(|&s| s < range.start);
        let last = read.starts.partition_point(|&s| s < range.end);
        let unit = read.unit(first..last, &body[range]);
        // A clause of names and titles ("Senate Majority Leader Mitch
        // McConnell") describes someone; it states no fact.
        let plain = unit
            .terms
            .len()
            .saturating_sub(unit.names.len() + unit.quantities.len());
        if plain >= MIN_PLAIN_TERMS {
            out.push(unit);
        }
    }
    out
}

/// Fewest terms that are neither names nor numbers a clause needs to be
/// matched on its own.
const MIN_PLAIN_TERMS: usize = 2;

/// A claim's words, read once.
struct Read<'a> {
    words: Vec<&'a str>,
    /// Byte offset of each word in the text.
    starts: Vec<usize>,
    /// Lower-cased ("Oct." as "october").
    lowers: Vec<String>,
    /// Stem of each word that is not a stop word.
    stems: Vec<Option<String>>,
    /// Row of each word in the vector table.
    vectors: Vec<Option<u32>>,
}

impl<'a> Read<'a> {
    fn new(body: &'a str) -> Read<'a> {
        let stop = stop_words();
        let stemmer = stemmer();
        let words = words(body);
        let starts = words
            .iter()
            .map(|w| w.as_ptr() as usize - body.as_ptr() as usize)
            .collect();
        let mut lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        // Vectors by the word as written, else lower-cased (before "Oct."
        // becomes "october" below).
        let vectors = words
            .iter()
            .zip(&lowers)
            .map(|(w, l)| super::vectors::row_or_lower(w, l))
            .collect();
        for (w, lower) in words.iter().zip(lowers.iter_mut()) {
            // "Oct." and "October" are one term.
            if lower.len() <= 4 && w.starts_with(char::is_uppercase) {
                if let Some(month) = month_of_abbreviation(lower) {
                    *lower = month.to_string();
                }
            }
        }
        let stems = lowers
            .iter()
            .map(|l| (!stop.contains(l.as_str())).then(|| stem(stemmer, l)))
            .collect();
        Read {
            words,
            starts,
            lowers,
            stems,
            vectors,
        }
    }

    /// The words `range` (whose text is `text`) as a normalised unit.
    fn unit(&self, range: std::ops::Range<usize>, text: &str) -> Normalized {
        let (lowers, first) = (&self.lowers[..range.end], range.start);
        // "didn't", "won’t": the clitic is dropped by `words`, so look for it here.
        let mut negated = text.contains("n't") || text.contains("n’t");
        let mut sum = [0.0f32; super::vectors::DIMS];
        for row in self.vectors[range.clone()].iter().flatten() {
            super::vectors::add_row(*row, &mut sum);
        }
        let n = range.len();
        let mut terms = Vec::with_capacity(n);
        // Term hashes in text order, for the bigrams.
        let mut sequence: Vec<u64> = Vec::with_capacity(n);
        let mut names = Vec::new();
        let mut quantities = Vec::new();
        let mut i = first;
        while i < range.end {
            let lower = lowers[i].as_str();
            negated |= NEGATIONS.contains(&lower);
            if let Some(mut value) = number_value(lower) {
                let decimals = lower.split_once('.').map_or(0, |(_, d)| d.len());
                let mut tolerance = 0.5 * 10f64.powi(-(decimals as i32));
                let mut j = i + 1;
                // "ninety-five", "thirty two": tens then units are one number.
                if TENS.iter().any(|&(w, _)| w == lower) {
                    if let Some(units) = lowers
                        .get(j)
                        .and_then(|w| CARDINALS[1..10].iter().position(|c| c == w))
                    {
                        value += (units + 1) as f64;
                        j += 1;
                    }
                }
                while let Some(m) = lowers.get(j).and_then(|w| multiplier(w)) {
                    value *= m;
                    tolerance *= m;
                    j += 1;
                }
                // A date's day ("March 3") or a year ("2018") counts nothing:
                // two claims giving different ones tell of different days or
                // events, which is not a conflict.
                let day = i > first && MONTHS.contains(&lowers[i - 1].as_str());
                let year = lower.len() == 4
                    && lower.bytes().all(|b| b.is_ascii_digit())
                    && (1800.0..=2100.0).contains(&value);
                let unit = if day || year {
                    String::new()
                } else {
                    self.stems[j.min(range.end)..range.end]
                        .iter()
                        .flatten()
                        .next()
                        .cloned()
                        .unwrap_or_default()
                };
                let term = format!("#{value}");
                sequence.push(term_hash(&term));
                terms.push(term);
                quantities.push(Quantity {
                    value,
                    unit,
                    tolerance,
                });
                i = j;
                continue;
            }
            if let (Some(stem), None) = (&self.stems[i], multiplier(lower)) {
                if i > first && self.words[i].starts_with(char::is_uppercase) {
                    names.push(stem.clone());
                }
                sequence.push(term_hash(stem));
                terms.push(stem.clone());
            }
            i += 1;
        }
        terms.sort_unstable();
        terms.dedup();
        names.sort_unstable();
        names.dedup();
        let mut bigrams: Vec<u32> = sequence.windows(2).map(|w| bigram(w[0], w[1])).collect();
        bigrams.sort_unstable();
        bigrams.dedup();
        Normalized {
            terms,
            quantities,
            names,
            bigrams,
            negated,
            vector: super::vectors::quantise(&sum),
        }
    }
}

/// Clause markers a claim is split at, so that one fact of a long sentence
/// can match a sentence stating only that fact.
const CLAUSE_MARKERS: &[&str] = &[
    ", which ",
    ", who ",
    ", while ",
    ", where ",
    ", after ",
    ", before ",
    ", as ",
    ", but ",
    ", and ",
    "; ",
    " — ",
    " – ",
    ", when ",
    ", with ",
];

/// The byte ranges of the clauses of `text` (a claim without its
/// signature) with at least 5 words, when it has two or more. Not after
/// ", including": what follows is a list of names, not a fact. An embedded
/// post's signature is no clause ("— Donald J. Trump (@realDonaldTrump)
/// June 4, 2018" would match every other post's): the caller strips it.
fn clauses(text: &str) -> Vec<std::ops::Range<usize>> {
    // Every marker starts with ',', ';' or ' ' before a dash: look only there.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        if matches!(c, ',' | ';' | ' ') {
            let rest = &text[at..];
            if let Some(m) = CLAUSE_MARKERS.iter().find(|m| rest.starts_with(**m)) {
                cuts.push((at, at + m.len()));
            }
        }
    }
    let mut units = Vec::new();
    let mut start = 0;
    for (at, after) in cuts {
        if at >= start {
            units.push(start..at);
            start = after;
        }
    }
    units.push(start..text.len());
    units.retain(|u| text[u.clone()].split_whitespace().count() >= 5);
    if units.len() < 2 {
        units.clear();
    }
    units
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
    fn clauses_are_units_unless_they_only_name_someone() {
        let units = normalize_with_clauses(
            "Senate Majority Leader Mitch McConnell, who backed Luther Strange in the primary, \
             said the allegations must be investigated by the committee.",
        );
        // The claim, then its clause about backing Strange; not the clause
        // that only names McConnell.
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(
            units[1].terms.contains(&"primari".to_string()),
            "{:?}",
            units[1].terms
        );
        assert_eq!(normalize_with_clauses("Witkoff met Ushakov.").len(), 1);
    }

    #[test]
    fn month_abbreviations_are_months() {
        assert_eq!(
            normalize("The call on Oct. 14 was leaked.").terms,
            normalize("The call on October 14 was leaked.").terms
        );
        assert_eq!(month_of_abbreviation("sept"), Some("september"));
        assert_eq!(month_of_abbreviation("dog"), None);
    }

    #[test]
    fn names_bigrams_and_negation() {
        let n = normalize("Officials said Witkoff met Yuri Ushakov, who didn't object.");
        assert_eq!(n.names, ["ushakov", "witkoff", "yuri"]);
        assert!(n.negated);
        assert!(!normalize("Witkoff met Ushakov.").negated);
        assert!(normalize("He never met Ushakov.").negated);
        // Word order: "Witkoff met Ushakov" and "Ushakov met Witkoff" share
        // their terms but not their bigrams.
        let (a, b) = (
            normalize("Witkoff met Ushakov."),
            normalize("Ushakov met Witkoff."),
        );
        assert_eq!(a.terms, b.terms);
        assert!(a.bigrams.iter().all(|x| !b.bigrams.contains(x)));
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
        assert_eq!((&a.terms, &a.quantities), (&b.terms, &b.quantities));
        assert_eq!(
            a.quantities,
            [Quantity {
                value: 8.0,
                unit: "phone".into(),
                tolerance: 0.5,
            }]
        );
        assert!(a.terms.contains(&"#8".to_string()));
        let n = normalize("Ninety-five percent of cargo, thirty two ships.");
        let values: Vec<f64> = n.quantities.iter().map(|q| q.value).collect();
        assert_eq!(values, [95.0, 32.0]);
        let c = normalize("It cost $4.5 million and 1,200 jobs.");
        let values: Vec<f64> = c.quantities.iter().map(|q| q.value).collect();
        assert_eq!(values, [4_500_000.0, 1200.0]);
        assert_eq!(c.quantities[1].unit, "job");
        // Days of dates and years count nothing.
        let d = normalize("Biden spoke on March 3, 2020 in Los Angeles.");
        assert!(d.quantities.iter().all(|q| q.unit.is_empty()), "{d:?}");
    }
}
