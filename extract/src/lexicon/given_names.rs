//! Given names, so that a person's name starts where the given name does:
//! "Ambassador to the United Nations Nikki Haley", "Special Envoy for
//! Ukraine Kurt Volker" and "Police Commissioner William Bratton" are Nikki
//! Haley, Kurt Volker and William Bratton, not "United Nations Nikki Haley".
//!
//! The names are the first-name lists of the `fake` crate's locales (MIT OR
//! Apache-2.0; English, French, German, Italian, Portuguese and Welsh, about
//! 4,800 names), taken from a well-kept crate rather than grown by hand. A
//! name missing from them ("Mitt", "Reince") only means no trimming: a run
//! is cut at a given name, never rejected for lacking one.

use super::names::TITLES;
use super::names::{is_not_name, ROLE_WORDS};
use super::places::{is_demonym, is_place, place, Place};
use fake::locales::{Data, CY_GB, DE_DE, EN, FR_FR, IT_IT, PT_BR, PT_PT};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Cities and states in the lists that the news names as places.
const NOT_GIVEN: &[&str] = &[
    "America",
    "Florida",
    "Missouri",
    "Montana",
    "London",
    "Paris",
    "Houston",
    "Dallas",
    "Cleveland",
    "Phoenix",
    "Virginia",
    "Carolina",
    "Georgia",
    "Sydney",
    "Berlin",
    "Austin",
];

fn names() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        [
            EN::NAME_FIRST_NAME,
            FR_FR::NAME_FIRST_NAME,
            DE_DE::NAME_FIRST_NAME,
            IT_IT::NAME_FIRST_NAME,
            PT_BR::NAME_FIRST_NAME,
            PT_PT::NAME_FIRST_NAME,
            CY_GB::NAME_FIRST_NAME,
        ]
        .iter()
        .flat_map(|list| list.iter().copied())
        // The lists hold a few words that are titles, countries or places
        // in the news ("General", "Judge", "King", "Jordan", "London"; not
        // every city: "Mary" is one).
        .filter(|w| !TITLES.contains(w) && place(w) != Some(Place::Government))
        .filter(|w| !NOT_GIVEN.contains(w))
        .collect()
    })
}

/// Whether `w` (as written, capitalised) is a given name.
pub fn is_given_name(w: &str) -> bool {
    names().contains(w)
}

/// Whether title word `w`, written right after `prev`, is a surname: a title
/// comes before a name, never after a given name ("Rep. Peter King", "Erik
/// Prince", "Coretta Scott King"; not "Saudi King Salman").
pub fn is_title_surname(prev: &str, w: &str) -> bool {
    w.starts_with(char::is_uppercase) && TITLES.contains(w) && is_given_name(prev)
}

/// An initial ("J.", "H.W."): part of a name, which may well go on with a
/// given name ("J. Paul Vance").
fn is_initial(w: &str) -> bool {
    w.len() <= 5
        && w.ends_with('.')
        && w.chars().all(|c| c == '.' || c.is_uppercase())
        && !matches!(w, "U.S." | "U.N." | "U.K." | "E.U.")
}

/// A capitalised word known not to be part of a person's name: a title or
/// role ("Counsel", "Vice-President"), a place or nationality ("Ukraine"),
/// an acronym or a shouted label ("CIA", "WATCHED"), a sentence opener or
/// stop word ("Like", "Since").
fn is_not_name_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    TITLES.contains(w)
        || ROLE_WORDS.contains(&lower.as_str())
        || w.split('-')
            .next()
            .is_some_and(|p| p != w && TITLES.contains(p))
        || is_place(w)
        || is_demonym(w)
        || is_not_name(w)
        || letters >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// "St.", "Ft.": an abbreviated word, which opens a place's name.
fn is_abbreviated_word(w: &str) -> bool {
    w.ends_with('.') && w.contains(char::is_lowercase)
}

/// Where the person's name starts in a run of capitalised words: at the
/// first given name that another capitalised word follows, when what comes
/// before it is no name ("United Nations", "Police Commissioner", or one
/// word known not to be a name: see `is_not_name_word`); else 0.
///
/// "United Nations Nikki Haley" → 2; "Like Chris Christie" → 1; "John Paul
/// Jones", "J. Paul Vance", "Keisha Lance Bottoms", "Mitt Romney" → 0.
pub fn name_start(run: &[&str]) -> usize {
    let Some(first) = run.first() else {
        return 0;
    };
    if is_given_name(first) || is_initial(first) {
        return 0;
    }
    (1..run.len().saturating_sub(1))
        // "St. Louis …": an abbreviated word opens a name of a place.
        .take_while(|&i| !is_initial(run[i]) && !is_abbreviated_word(run[i - 1]))
        .find(|&i| {
            is_given_name(run[i]) && run[i + 1].chars().next().is_some_and(char::is_uppercase)
        })
        .filter(|&i| i >= 2 || is_not_name_word(run[0]))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(run: &str) -> String {
        let words: Vec<&str> = run.split(' ').collect();
        words[name_start(&words)..].join(" ")
    }

    #[test]
    fn a_name_starts_at_its_given_name() {
        for (run, name) in [
            ("United Nations Nikki Haley", "Nikki Haley"),
            ("Ukraine Kurt Volker", "Kurt Volker"),
            ("Counsel Robert Mueller", "Robert Mueller"),
            ("Like Chris Christie", "Chris Christie"),
            ("National Intelligence James Clapper", "James Clapper"),
            ("Harvard Law Professor Laurence Tribe", "Laurence Tribe"),
            ("Police Commissioner William Bratton", "William Bratton"),
            ("CIA Roger Stone", "Roger Stone"),
            ("U.N. Nikki Haley", "Nikki Haley"),
            ("Vice-President Joe Biden", "Joe Biden"),
        ] {
            assert_eq!(trimmed(run), name, "{run}");
        }
    }

    #[test]
    fn names_without_a_listed_given_name_are_kept_whole() {
        for run in [
            "John Paul Jones",
            "J. Paul Vance",
            "Mitt Romney",
            "Blasey Ford",
            "Reince Priebus",
            "Martin Luther King",
            "Nikki Haley",
            "Florida Man",
            "Keisha Lance Bottoms",
            "Mary Louise Kelly",
            "St. Louis Post-Dispatch",
            "Wacko John Bolton",
            "Trump Donald John TrumpGOP",
        ] {
            assert_eq!(trimmed(run), run, "{run}");
        }
    }

    #[test]
    fn titles_and_places_are_not_given_names() {
        for w in ["General", "Judge", "King", "Florida", "London", "Jordan"] {
            assert!(!is_given_name(w), "{w}");
        }
        for w in ["Nikki", "Kurt", "Robert", "François", "Giuseppe", "Mary"] {
            assert!(is_given_name(w), "{w}");
        }
    }
}
