//! Claims: the asserting sentences of an article's body, and whether each is
//! check-worthy (it carries a number, a date or a named entity that another
//! outlet could confirm or contradict).

use crate::tokens::{Token, TokenKind};

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "percent",
    "first",
    "second",
    "third",
    "once",
    "twice",
];

/// Month names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Date words besides the [`MONTHS`].
const DATE_WORDS: &[&str] = &[
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
];

/// Does the sentence made of `tokens` carry a number, a date or a named entity?
pub fn is_checkworthy(text: &str, tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        let s = t.span.slice(text);
        if t.kind == TokenKind::Number {
            return true;
        }
        let lower = s.to_lowercase();
        if NUMBER_WORDS.contains(&lower.as_str())
            || MONTHS.contains(&lower.as_str())
            || DATE_WORDS.contains(&lower.as_str())
        {
            return true;
        }
        // A capitalised word that is not the sentence's first word, nor "I".
        t.kind == TokenKind::Word
            && i > 0
            && s != "I"
            && s.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Is the sentence a question (ends with `?`, possibly before closing quotes)?
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '”', '’', '\'', ')', ' '])
        .ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::tokens::tokenize;

    fn checkworthy(s: &str) -> bool {
        let mut toks = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut toks);
        is_checkworthy(s, &toks)
    }

    #[test]
    fn numbers_dates_and_names_are_checkworthy() {
        assert!(checkworthy("The president held eight phone calls."));
        assert!(checkworthy("It happened on October 17."));
        assert!(checkworthy("They met in Moscow."));
        assert!(!checkworthy(
            "This has led to debate about the effectiveness of such approaches."
        ));
        assert!(is_question("Is this right?”"));
    }
}
