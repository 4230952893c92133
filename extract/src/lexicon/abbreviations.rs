//! Abbreviations whose period does not end a word or a sentence.

/// Words whose trailing period belongs to the word ("Gov.", "Jan.", "Calif."),
/// lowercase, without the period.
pub const WORD_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "hon", "gen", "col", "sgt", "capt",
    "lt", "gov", "sen", "rep", "reps", "sens", "pres", "supt", "det", "vs", "etc", "inc", "ltd",
    "co", "corp", "dept", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "adm", "maj", "cmdr", "atty", "ft", "mt", "ariz", "calif", "fla", "ga",
    "ill", "mass", "mich", "minn", "pa", "tenn", "tex", "va", "wash", "wis", "conn", "colo", "ky",
    "la", "md", "mo", "nev", "okla", "ore",
];

/// Abbreviations added to the sentence segmenter's own list (the `sentencize`
/// crate already knows "mr", "u.s", "gen", "sept", …): plural titles, state
/// names and initialisms news text uses. Lowercase, without the final period.
pub const SENTENCE_ABBREVIATIONS: &[&str] = &[
    "adm", "maj", "cmdr", "atty", "ft", "mt", "reps", "sens", "gens", "govs", "ariz", "calif",
    "fla", "ill", "mass", "mich", "minn", "tenn", "tex", "wash", "wis", "conn", "colo", "nev",
    "okla", "n.y", "l.a", "s.c", "n.c", "n.h", "n.j", "d-calif", "r-texas", "a.g",
];
