//! Every word list extraction uses, each defined once, by what it is for.
//!
//! Lists are matched as written. Lowercase lists are compared with lowercased
//! text. A list whose words may appear either lowercase or capitalised ("the
//! campaign", "the Campaign") is a [`Words`], which lists each word once:
//! that case rule is in the type, not in two spellings of every entry. The
//! tests at the bottom keep it so: no list repeats an entry, lowercase lists
//! are lowercase, and no word is listed in two cases.

pub mod abbreviations;
pub mod chrome;
pub mod cues;
pub mod dates;
pub mod formulas;
pub mod given_names;
pub mod hedges;
pub mod names;
pub mod places;
pub mod pronouns;
pub mod sources;

/// A word list matched exactly for some entries and in either case for others.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// Entries matched as written ("FBI", "Rep.", "White House").
    pub exact: &'static [&'static str],
    /// Lowercase entries also matched with a capital first letter
    /// ("campaign" matches "campaign" and "Campaign", not "CAMPAIGN").
    pub any_case: &'static [&'static str],
}

impl Words {
    /// Whether `w` is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.exact.contains(&w) || self.any_case.contains(&w) || capitalised_in(w, self.any_case)
    }

    /// Every form the list matches, for building a phrase matcher.
    pub fn forms(&self) -> impl Iterator<Item = String> + '_ {
        self.exact
            .iter()
            .map(|w| w.to_string())
            .chain(self.any_case.iter().map(|w| w.to_string()))
            .chain(self.any_case.iter().map(|w| capitalise(w)))
    }
}

/// `w` with its first letter upper-cased ("campaign" → "Campaign").
pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether `w` is a capitalised form of an entry of the lowercase `list`
/// ("Monday" of "monday"; not "MONDAY").
///
/// Compares without allocating: the name rules call it for every
/// capitalised token.
pub fn capitalised_in(w: &str, list: &[&str]) -> bool {
    let mut c = w.chars();
    let Some(first) = c.next().filter(|f| f.is_uppercase()) else {
        return false;
    };
    let rest = c.as_str();
    list.iter().any(|entry| {
        let mut e = entry.chars();
        e.next()
            .is_some_and(|ef| first.to_lowercase().eq(std::iter::once(ef)))
            && e.as_str() == rest
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every lowercase list, by name.
    fn lowercase_lists() -> Vec<(&'static str, &'static [&'static str])> {
        vec![
            ("CUE_WORDS", cues::CUE_WORDS),
            ("HEDGES", hedges::HEDGES),
            ("CHROME_LINES", chrome::CHROME_LINES),
            ("CHROME_PREFIXES", chrome::CHROME_PREFIXES),
            ("CREDIT_ENDINGS", chrome::CREDIT_ENDINGS),
            ("DISCLAIMERS", chrome::DISCLAIMERS),
            ("MONTHS", &dates::MONTHS),
            ("MONTH_ABBREVIATIONS", dates::MONTH_ABBREVIATIONS),
            ("WEEKDAYS", dates::WEEKDAYS),
            ("RELATIVE_DAYS", dates::RELATIVE_DAYS),
            ("CARDINALS", &dates::CARDINALS),
            ("CHECKWORTHY_NUMBER_WORDS", dates::CHECKWORTHY_NUMBER_WORDS),
            ("WORD_ABBREVIATIONS", abbreviations::WORD_ABBREVIATIONS),
            (
                "SENTENCE_ABBREVIATIONS",
                abbreviations::SENTENCE_ABBREVIATIONS,
            ),
            ("pronouns::PERSON", pronouns::PERSON),
            ("pronouns::GROUP", pronouns::GROUP),
            ("pronouns::RELATIVE", pronouns::RELATIVE),
            ("pronouns::SPEAKER", pronouns::SPEAKER),
            ("pronouns::TAGGER_EXTRA", pronouns::TAGGER_EXTRA),
            ("ROLE_WORDS", names::ROLE_WORDS),
            ("TITLES.any_case", names::TITLES.any_case),
            ("OUTLET_NOUNS", sources::OUTLET_NOUNS),
            ("DOCUMENT_NOUNS", sources::DOCUMENT_NOUNS),
            ("ORG_NOUNS.any_case", sources::ORG_NOUNS.any_case),
            ("ANONYMOUS_NOUNS", sources::ANONYMOUS_NOUNS),
            ("INDEFINITE", sources::INDEFINITE),
        ]
    }

    /// Every list whose entries are matched as written.
    fn exact_lists() -> Vec<(&'static str, Vec<&'static str>)> {
        vec![
            ("SENTENCE_OPENERS", names::SENTENCE_OPENERS.to_vec()),
            ("TITLES.exact", names::TITLES.exact.to_vec()),
            ("ORG_NOUNS.exact", sources::ORG_NOUNS.exact.to_vec()),
            ("DOCUMENT_NAMES", sources::DOCUMENT_NAMES.to_vec()),
            (
                "OUTLETS",
                sources::OUTLETS.iter().map(|(name, _)| *name).collect(),
            ),
        ]
    }

    #[test]
    fn no_list_repeats_an_entry() {
        let lists = lowercase_lists()
            .into_iter()
            .map(|(n, l)| (n, l.to_vec()))
            .chain(exact_lists());
        for (name, list) in lists {
            let mut seen = HashSet::new();
            for w in list {
                assert!(seen.insert(w), "{name} lists `{w}` twice");
            }
        }
    }

    #[test]
    fn lowercase_lists_are_lowercase() {
        for (name, list) in lowercase_lists() {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{name}: `{w}` is not lowercase");
            }
        }
    }

    #[test]
    fn no_word_is_listed_in_two_cases() {
        for (name, words) in [("TITLES", names::TITLES), ("ORG_NOUNS", sources::ORG_NOUNS)] {
            for w in words.exact {
                let lower = w.to_lowercase();
                assert!(
                    !words.any_case.contains(&lower.as_str())
                        && !words.any_case.iter().any(|a| capitalise(a) == *w),
                    "{name}: `{w}` is also in any_case; list it once"
                );
                if w.chars().next().is_some_and(char::is_uppercase) {
                    assert!(
                        !words.exact.contains(&lower.as_str()) || lower == *w,
                        "{name}: `{w}` and `{lower}` are both exact: move the word to any_case"
                    );
                }
            }
        }
        for w in names::SENTENCE_OPENERS {
            assert!(
                w.chars().next().is_some_and(char::is_uppercase),
                "SENTENCE_OPENERS: `{w}` is not capitalised"
            );
        }
    }

    #[test]
    fn speaker_pronouns_are_person_or_group_pronouns() {
        for p in pronouns::SPEAKER {
            assert!(
                pronouns::PERSON.contains(p) || pronouns::GROUP.contains(p),
                "{p}"
            );
        }
    }

    #[test]
    fn any_case_words_match_lowercase_and_capitalised_only() {
        let org = sources::ORG_NOUNS;
        assert!(org.contains("campaign") && org.contains("Campaign"));
        assert!(!org.contains("CAMPAIGN"));
        assert!(org.contains("FBI") && !org.contains("fbi"));
        assert!(names::is_not_name("Monday") && names::is_not_name("Sept."));
        assert!(!names::is_not_name("monday") && !names::is_not_name("Witkoff"));
        assert_eq!(capitalise("é"), "É");
        assert!(capitalised_in("Émile", &["émile"]) && !capitalised_in("ÉMILE", &["émile"]));
        assert!(!capitalised_in("", &["a"]) && !capitalised_in("émile", &["émile"]));
    }
}
