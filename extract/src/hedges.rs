//! Hedges: words that weaken a sentence's assertion without naming who
//! asserts it ("reportedly", "is said to", "allegedly", "appeared to").

use crate::span::Span;

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

/// The first hedge phrase in `sentence` (a span of `text`), if any.
pub fn find_hedge(text: &str, sentence: Span) -> Option<Span> {
    let s = sentence.slice(text);
    let lower = s.to_ascii_lowercase();
    let mut best: Option<(usize, usize)> = None;
    for h in HEDGES {
        for (i, _) in lower.match_indices(h) {
            let before = lower[..i].chars().next_back();
            let after = lower[i + h.len()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if best.is_none_or(|(b, _)| i < b) {
                best = Some((i, i + h.len()));
            }
            break;
        }
    }
    best.map(|(a, b)| Span::new(sentence.start + a, sentence.start + b))
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
