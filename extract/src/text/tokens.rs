//! Word and punctuation tokens with byte offsets.
//!
//! Hand-written because the tagger needs exactly PolNeAR's token boundaries:
//! clitics (`’s`, `n't`) split from their word, abbreviation periods kept with
//! the word (`Mr.`, `U.S.`), numbers with separators kept whole (`$3.2`,
//! `800,000`). General-purpose segmenters (UAX #29) split `U.S.` and join
//! `O’Malley’s`, which costs exact-match span accuracy.

use super::span::ByteSpan;
use crate::lexicon::abbreviations::WORD_ABBREVIATIONS;

/// One token of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: ByteSpan,
    /// What sort of token it is.
    pub kind: TokenKind,
}

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with internal hyphens, apostrophes or abbreviation periods).
    Word,
    /// Digits, possibly with `.`/`,` separators.
    Number,
    /// A double or single quotation mark.
    Quote,
    /// Any other single non-space character.
    Punct,
}

/// Is `c` a quotation mark of any style?
pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Split `text[range]` into tokens; offsets are into `text`.
pub fn tokenize(text: &str, range: ByteSpan, out: &mut Vec<Token>) {
    let s = &text[range.start..range.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| range.start + chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // The clitic `n't` after a word ("do" + "n't").
        if (c == 'n' || c == 'N')
            && i > 0
            && chars[i - 1].1.is_alphabetic()
            && at(i + 1).is_some_and(is_apostrophe)
            && at(i + 2) == Some('t')
        {
            out.push(Token {
                span: ByteSpan::new(off(i), off(i + 3)),
                kind: TokenKind::Word,
            });
            i += 3;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next = at(j + 1);
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                // 3.2 / 800,000
                if (d == '.' || d == ',') && numeric && next.is_some_and(|x| x.is_ascii_digit()) {
                    j += 2;
                    continue;
                }
                // co-chair, 28-point, and U.S-style internal periods
                if (d == '-' || (d == '.' && !numeric)) && next_alnum {
                    j += 2;
                    continue;
                }
                // O’Malley (apostrophe followed by an uppercase letter), but
                // not the clitics ’s / ’re / ’ll / ’ve / ’d / ’m.
                if is_apostrophe(d) && next.is_some_and(char::is_uppercase) {
                    j += 2;
                    continue;
                }
                break;
            }
            // `n't` is its own token: split "don't" into "do" + "n't".
            if j < n && is_apostrophe(chars[j].1) && j > start + 1 && at(j + 1) == Some('t') {
                let prev = chars[j - 1].1;
                if prev == 'n' || prev == 'N' {
                    j -= 1;
                }
            }
            // Keep an abbreviation's final period: "U.S.", "Mr.", "Sept.".
            if j < n && chars[j].1 == '.' && is_abbreviation(&s[chars[start].0..chars[j].0]) {
                j += 1;
            }
            kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: ByteSpan::new(off(start), off(j)),
                kind,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            // Clitic: ’s ’re ’ll ’ve ’d ’m n’t directly after a word.
            let prev_alnum = i > 0 && chars[i - 1].1.is_alphanumeric();
            if prev_alnum {
                let mut j = i + 1;
                while j < n && chars[j].1.is_alphabetic() {
                    j += 1;
                }
                let clitic: String = chars[i + 1..j]
                    .iter()
                    .map(|&(_, c)| c.to_ascii_lowercase())
                    .collect();
                if matches!(clitic.as_str(), "s" | "re" | "ll" | "ve" | "d" | "m") {
                    out.push(Token {
                        span: ByteSpan::new(off(i), off(j)),
                        kind: TokenKind::Word,
                    });
                    i = j;
                    continue;
                }
            }
        }
        kind = if is_quote_char(c) {
            TokenKind::Quote
        } else {
            TokenKind::Punct
        };
        // Runs of dashes / dots are one token ("--", "...").
        let mut j = i + 1;
        if matches!(c, '-' | '.') {
            while j < n && chars[j].1 == c {
                j += 1;
            }
        }
        out.push(Token {
            span: ByteSpan::new(off(i), off(j)),
            kind,
        });
        i = j;
    }
}

/// Words whose trailing period belongs to the word.
pub fn is_abbreviation(word: &str) -> bool {
    // Dotted initialisms: U.S, D.C, U.N, a.m
    if word.contains('.') {
        return true;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // initials: "J."
    }
    WORD_ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, ByteSpan::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn splits_clitics_and_keeps_abbreviations() {
        assert_eq!(
            toks("O’Malley’s campaign, Mr. Trump and the U.S. don't."),
            [
                "O’Malley",
                "’s",
                "campaign",
                ",",
                "Mr.",
                "Trump",
                "and",
                "the",
                "U.S.",
                "do",
                "n't",
                "."
            ]
        );
    }

    #[test]
    fn keeps_numbers_and_hyphenated_words() {
        assert_eq!(
            toks("$3.2 million, 800,000 co-chair 28-point"),
            ["$", "3.2", "million", ",", "800,000", "co-chair", "28-point"]
        );
    }

    #[test]
    fn quotes_are_tokens() {
        assert_eq!(
            toks("“Yes,” he said. 'real peace man'"),
            ["“", "Yes", ",", "”", "he", "said", ".", "'", "real", "peace", "man", "'"]
        );
    }
}
