//! Hedges: words that weaken a sentence's assertion without naming who
//! asserts it ("reportedly", "is said to", "allegedly", "appeared to").

use crate::span::Span;
use aho_corasick::AhoCorasick;

/// Hedge phrases, lowercase, matched on word boundaries.
pub const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "rumored",
    "rumoured",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "is believed to",
    "are believed to",
    "was believed to",
    "is thought to",
    "are thought to",
    "is understood to",
    "appeared to",
    "appears to",
    "appear to",
    "seemed to",
    "seems to",
    "is alleged",
    "it is believed",
    "it is said",
    "may have",
    "might have",
    "could have",
    "reports suggest",
    "it is understood",
    "is expected to",
    "are expected to",
    "is reported to",
    "are reported to",
];

fn matcher() -> &'static AhoCorasick {
    static MATCHER: std::sync::OnceLock<AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| AhoCorasick::new(HEDGES).expect("the hedge phrases build a matcher"))
}

/// The first hedge phrase in `sentence` (a span of `text`), if any: the
/// earliest occurrence on word boundaries, the phrase listed first on a tie.
///
/// One Aho-Corasick pass over the sentence rather than a substring search
/// per phrase: this runs on every sentence of every article.
pub fn find_hedge(text: &str, sentence: Span) -> Option<Span> {
    let s = sentence.slice(text);
    let lower = s.to_ascii_lowercase();
    let mut best: Option<(usize, usize, usize)> = None;
    for m in matcher().find_overlapping_iter(&lower) {
        let (i, j) = (m.start(), m.end());
        let before = lower[..i].chars().next_back();
        let after = lower[j..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let key = (i, m.pattern().as_usize(), j);
        if best.is_none_or(|b| key < b) {
            best = Some(key);
        }
    }
    best.map(|(a, _, b)| Span::new(sentence.start + a, sentence.start + b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hedges_on_word_boundaries() {
        let t = "Witkoff reportedly advised officials. He is said to have outlined it. Unreported news.";
        assert_eq!(
            find_hedge(t, Span::new(0, 37)).map(|s| s.slice(t)),
            Some("reportedly")
        );
        assert_eq!(
            find_hedge(t, Span::new(38, 70)).map(|s| s.slice(t)),
            Some("is said to")
        );
        assert_eq!(find_hedge(t, Span::new(71, t.len())), None);
    }
}
