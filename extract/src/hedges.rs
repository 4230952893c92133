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
pub fn find_hedge(text: &str, sentence: ByteSpan) -> Option<ByteSpan> {
    hedges_in(text, sentence)
        .min_by_key(|&(span, phrase)| (span.start, phrase, span.end))
        .map(|(span, _)| span)
}

/// Every hedge phrase occurrence in `sentence` on word boundaries, with the
/// index of the phrase in [`HEDGES`].
///
/// One Aho-Corasick pass over the sentence rather than a substring search
/// per phrase: this runs on every sentence of every article.
pub fn hedges_in(text: &str, sentence: ByteSpan) -> impl Iterator<Item = (ByteSpan, usize)> {
    let lower = sentence.slice(text).to_ascii_lowercase();
    let found: Vec<(ByteSpan, usize)> = matcher()
        .find_overlapping_iter(&lower)
        .filter(|m| {
            let before = lower[..m.start()].chars().next_back();
            let after = lower[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|m| {
            let span = ByteSpan::new(sentence.start + m.start(), sentence.start + m.end());
            (span, m.pattern().as_usize())
        })
        .collect();
    found.into_iter()
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
        let t = "Nonetheless, Trump appears committed to his strategy. He appeared in court.";
        assert_eq!(
            find_hedge(t, ByteSpan::new(0, 53)).map(|s| s.slice(t)),
            Some("appears committed")
        );
        assert_eq!(find_hedge(t, ByteSpan::new(54, t.len())), None);
    }
}
