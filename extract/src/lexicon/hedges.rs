//! Hedge phrases.

/// Hedge phrases, lowercase, matched on word boundaries; on a tie the phrase
/// listed first wins, so longer phrases that share a start come first.
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
    "it was reported",
    "it is reported",
    "it has been reported",
    "seemingly",
];

/// Words that, as the whole of a cue, mark a hedge rather than speech: the
/// subject of "Trump appears committed" or "the plan seems to" is what the
/// sentence is about, not who asserts it. Lowercase.
pub const HEDGE_CUE_WORDS: &[&str] = &[
    "appear",
    "appears",
    "appeared",
    "appearing",
    "seem",
    "seems",
    "seemed",
    "seeming",
];
