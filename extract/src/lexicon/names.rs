//! Words around people's names: titles and roles that are not part of a
//! name, and capitalised words that are not names.

use super::dates::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};
use super::{capitalise, Words};

/// Capitalised words that open sentences without naming anyone ("The",
/// "However", "According"). Month and day names are not names either (see
/// [`is_not_name`]).
pub const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Meanwhile",
    "However",
    "According",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "Although",
    "Despite",
    "Still",
    "Shortly",
    "Further",
    "Furthermore",
    "Interestingly",
    "Nonetheless",
    "Alongside",
    "With",
    "For",
    "From",
    "Until",
    "Others",
    // Conjunctions and prepositions that open a sentence before a name
    // ("Though Obama has…", "Like Chris Christie, he…").
    "Though",
    "Whenever",
    "Since",
    "Like",
    "Unlike",
    "Because",
    "Unless",
    "Including",
    "Amid",
    "Indeed",
    "Perhaps",
    "Thus",
    "It",
    "Its",
    "Their",
    "His",
    "Her",
];

/// Number words, capitalised at a sentence start ("Fifteen minutes later").
pub const NUMBER_WORDS: &[&str] = &[
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
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozens",
    "millions",
];

/// NLTK's English stop words (the `stop-words` crate), lowercase, without
/// the ones that are also first names or contraction stubs ("Don Bacon",
/// "Will Hurd", "Jack Ma"; "didn").
fn stop_words() -> &'static std::collections::HashSet<&'static str> {
    const NAMES_AND_STUBS: &[&str] = &[
        "don", "won", "will", "ma", "ain", "aren", "couldn", "didn", "doesn", "hadn", "hasn",
        "haven", "isn", "mightn", "mustn", "needn", "shan", "shouldn", "wasn", "weren", "wouldn",
        "ll", "ve", "re",
    ];
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        stop_words::get("en")
            .iter()
            .copied()
            .filter(|w| w.len() >= 2 && !NAMES_AND_STUBS.contains(w))
            .collect()
    })
}

/// Whether `w` (lowercase) is a function word: a stop word ("and", "of",
/// "most").
pub fn is_function_word(w: &str) -> bool {
    stop_words().contains(w)
}

/// Whether `w` opens like a name: a capital, or an Arabic article joined to
/// a capitalised name ("al-Assad", "el-Sisi", "ash-Shara"), which is
/// written lowercase inside a name ("Bashar al-Assad").
pub fn opens_like_name(w: &str) -> bool {
    if w.starts_with(char::is_uppercase) {
        return true;
    }
    [
        "al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "ar-", "an-", "ud-", "ul-",
    ]
    .iter()
    .any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// Whether `w` is a particle written lowercase between the parts of a name
/// ("Mohammed bin Salman", "Ursula von der Leyen", "Charles de Gaulle"); it
/// is part of the name only between two capitalised words.
pub fn is_name_particle(w: &str) -> bool {
    is_patronymic_particle(w)
        || matches!(
            w,
            "van"
                | "von"
                | "der"
                | "den"
                | "de"
                | "del"
                | "della"
                | "di"
                | "da"
                | "du"
                | "dos"
                | "das"
        )
}

/// Whether particle `w` introduces a father's name ("Mohammed bin Salman"):
/// what follows it is no surname.
pub fn is_patronymic_particle(w: &str) -> bool {
    matches!(w, "bin" | "bint" | "ibn")
}

/// "Democratic", "Republican": a party's adjective, which alone names no one.
pub fn is_party_adjective(w: &str) -> bool {
    matches!(w, "Democratic" | "Republican" | "Democrat")
}

/// Whether a capitalised word is known not to be (part of) a name: a
/// sentence opener, a stop word or number word capitalised ("After",
/// "His", "Fifteen"), a month or day name, a month abbreviation.
///
/// One hash lookup: every capitalised token of every article asks.
pub fn is_not_name(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let lists = [&MONTHS[..], WEEKDAYS, MONTH_ABBREVIATIONS, NUMBER_WORDS];
        SENTENCE_OPENERS
            .iter()
            .map(|w| w.to_string())
            .chain(lists.iter().flat_map(|l| l.iter()).map(|w| capitalise(w)))
            .chain(stop_words().iter().map(|w| capitalise(w)))
            .collect()
    })
    .contains(w)
}

/// A party-and-state tag written after a lawmaker's name: "D", "R-Calif.",
/// "D-N.Y.", "I-Vt." (from "Sen. Mark Warner (D-Va.)").
pub fn is_party_tag(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('D' | 'R' | 'I')) && matches!(c.next(), None | Some('-'))
}

/// Lowercase role words that may sit inside a titled name ("Russian envoy
/// Kirill Dmitriev").
pub const ROLE_WORDS: &[&str] = &[
    "envoy",
    "director",
    "communications",
    "official",
    "adviser",
    "advisor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "president",
    "minister",
    "chairman",
    "senator",
    "leader",
    "ambassador",
    "press",
    "foreign",
    "policy",
    "special",
    "senior",
    "former",
    "chief",
    "deputy",
];

/// Title and role words stripped from a person's name ("President",
/// "Rep.", "envoy"): `exact` as written, `any_case` lowercase or capitalised.
pub const TITLES: Words = Words {
    exact: &[
        "Vice",
        "Rep.",
        "Sen.",
        "Gov.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Prof.",
        "Army",
        "U.S.",
        "US",
        "American",
        "Russian",
        "Ukrainian",
        "Democratic",
        "Republican",
        "Democrat",
        "GOP",
        "Senator",
        "Representative",
        "Governor",
        "Speaker",
        "Leader",
        "Prime",
        "Foreign",
        "Chancellor",
        "Gen.",
        "Lt.",
        "Col.",
        "Adm.",
        "Sgt.",
        "Capt.",
        "Judge",
        "Justice",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Attorney",
        "General",
        "Mayor",
        "Pope",
        "King",
        "Queen",
        "Prince",
        "Press",
        "White",
        "House",
        "communications",
        "Commander",
        "Chief",
        "Rev.",
        "Sheriff",
        "Supreme",
        "CEO",
        "Founder",
        "Israeli",
        "Chinese",
        "British",
        "French",
        "German",
        "Kremlin",
        "aide",
        "Senators",
        "Sens.",
        "Reps.",
        "Bishop",
        "Pastor",
        "Rabbi",
        "Cardinal",
        "Maj.",
        "Cpl.",
        "Pvt.",
        "Cmdr.",
        "Officer",
        "Detective",
        "Lawyer",
        "Host",
        // British style writes honorifics without a point ("Mr Trump").
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Pres.",
        "Rep",
        "Counsel",
        "Congressman",
        "Congresswoman",
        "Assemblyman",
        "Assemblywoman",
        "Councilman",
        "Councilwoman",
        "Commissioner",
        "Whip",
        "Archbishop",
        "Ayatollah",
        "Undersecretary",
        "Administrator",
        "Businessman",
        "Businesswoman",
        "Justices",
    ],
    any_case: &[
        "president",
        "secretary",
        "envoy",
        "special",
        "minister",
        "ambassador",
        "director",
        "former",
        "senior",
        "deputy",
        "spokesman",
        "spokeswoman",
        "adviser",
    ],
};
