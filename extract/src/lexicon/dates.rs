//! Dates and numbers in words: what makes a sentence check-worthy, and what
//! corroboration reads as a number's value.

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

/// Month abbreviations as the tokenizer keeps them (with their period), lowercase.
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
];

/// Day names, lowercase, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Days named relative to today, lowercase.
pub const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow"];

/// Cardinal numbers in words, lowercase: `CARDINALS[n]` is the word for `n`.
pub const CARDINALS: [&str; 21] = [
    "zero",
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Tens beyond twenty, with their values.
pub const TENS: [(&str, f64); 7] = [
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Multipliers, with their values ("4.5 million").
pub const MULTIPLIERS: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Number words that make a sentence check-worthy besides one to twelve
/// ([`is_checkworthy_number`]), lowercase.
pub const CHECKWORTHY_NUMBER_WORDS: &[&str] = &[
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

/// Whether `w` (lowercase) is a number word that makes a sentence
/// check-worthy: one to twelve, or one of [`CHECKWORTHY_NUMBER_WORDS`].
/// (The teens and sixty to ninety are not, as the list was first written;
/// adding them changes which claims are check-worthy, so it belongs with a
/// measured corroboration change.)
pub fn is_checkworthy_number(w: &str) -> bool {
    CARDINALS[1..=12].contains(&w) || CHECKWORTHY_NUMBER_WORDS.contains(&w)
}
