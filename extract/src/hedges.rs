//! Hedges: words that weaken a sentence's assertion without naming who
//! asserts it ("reportedly", "is said to", "allegedly", "appeared to").

use crate::lexicon::hedges::HEDGES;
use crate::text::ByteSpan;
use aho_corasick::AhoCorasick;

fn matcher() -> &'static AhoCorasick {
    static MATCHER: std::sync::OnceLock<AhoCorasick> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| AhoCorasick::new(HEDGES).expect("the hedge phrases build a matcher"))
}

/// The first hedge phrase in `sentence` (a span of `text`), if any: the
/// earliest occurrence on word boundaries, the phrase listed first on a tie.
///
/// One Aho-Corasick pass over the sentence rather than a substring search
/// per phrase: this runs on every sentence of every article.
pub fn find_hedge(text: &str, sentence: ByteSpan) -> Option<ByteSpan> {
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
    best.map(|(a, _, b)| ByteSpan::new(sentence.start + a, sentence.start + b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hedges_on_word_boundaries() {
        let t = "Witkoff reportedly advised officials. He is said to have outlined it. Unreported news.";
        assert_eq!(
            find_hedge(t, ByteSpan::new(0, 37)).map(|s| s.slice(t)),
            Some("reportedly")
        );
        assert_eq!(
            find_hedge(t, ByteSpan::new(38, 70)).map(|s| s.slice(t)),
            Some("is said to")
        );
        assert_eq!(find_hedge(t, ByteSpan::new(71, t.len())), None);
    }
}
