//! Who a source is: its type (person, organization, outlet, document,
//! anonymous, unknown) and one canonical name per source within an article
//! ("Steve Witkoff", "Witkoff", "the American envoy" → "Steve Witkoff").
//!
//! Rules over small lexicons: typing a span that the tagger already found is
//! a job rules do well and can explain.

use crate::extraction::SourceType;
use crate::lexicon::names::TITLES;
use crate::lexicon::pronouns;
use crate::lexicon::sources::{
    ANONYMOUS_NOUNS, DOCUMENT_NAMES, DOCUMENT_NOUNS, INDEFINITE, ORG_NOUNS, OUTLETS, OUTLET_NOUNS,
};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// The class of a source span, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// A personal pronoun ("he", "she").
    PersonPronoun,
    /// A group pronoun ("they", "we").
    GroupPronoun,
    /// A relative pronoun ("who", "which") — refers to the noun before it.
    Relative,
    /// A typed, named mention with its canonical name and the role words seen in it.
    Named {
        /// Source type.
        kind: SourceType,
        /// Canonical name.
        name: String,
        /// Lowercased role words from the title ("envoy", "president").
        roles: Vec<String>,
    },
    /// A definite description of a role ("the American envoy").
    Role(String),
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '—' || c == '–')
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '\'' | ':' | ';')))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A phrase list searched in one Aho-Corasick pass (classify runs on every
/// source mention; a substring search per listed phrase dominated it).
struct PhraseSet(AhoCorasick);

impl PhraseSet {
    fn new<P: AsRef<[u8]>>(phrases: impl IntoIterator<Item = P>) -> Self {
        PhraseSet(AhoCorasick::new(phrases).expect("the phrase list builds a matcher"))
    }

    /// Index of the first listed phrase found in `haystack` on word boundaries.
    fn first_in(&self, haystack: &str) -> Option<usize> {
        self.0
            .find_overlapping_iter(haystack)
            .filter(|m| {
                let before = haystack[..m.start()].chars().next_back();
                let after = haystack[m.end()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|m| m.pattern().as_usize())
            .min()
    }
}

fn document_names() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(DOCUMENT_NAMES.iter().copied()))
}

fn outlet_names() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(OUTLETS.iter().map(|(needle, _)| *needle)))
}

fn org_nouns() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(ORG_NOUNS.forms()))
}

/// Classify the text of a source span.
pub fn classify(text: &str) -> Mention {
    let text = text.trim().trim_end_matches([',', '.', ':']);
    let ws = words(text);
    let Some(first) = ws.first() else {
        return Mention::Named {
            kind: SourceType::Unknown,
            name: String::new(),
            roles: Vec::new(),
        };
    };
    let lower_first = first.to_lowercase();
    if ws.len() == 1 {
        if pronouns::PERSON.contains(&lower_first.as_str()) {
            return Mention::PersonPronoun;
        }
        if pronouns::GROUP.contains(&lower_first.as_str()) {
            return Mention::GroupPronoun;
        }
        if pronouns::RELATIVE.contains(&lower_first.as_str()) {
            return Mention::Relative;
        }
    }
    // The head phrase: before the first comma (an appositive follows it).
    let head_text = text.split(',').next().unwrap_or(text).trim();
    let head = words(head_text);
    let lower_head: Vec<String> = head.iter().map(|w| w.to_lowercase()).collect();

    if document_names().first_in(text).is_some() {
        return named(SourceType::Document, strip_determiner(head_text));
    }
    if let Some(outlet) = outlet_names().first_in(head_text) {
        let last = lower_head.last().map(String::as_str).unwrap_or("");
        let kind = if DOCUMENT_NOUNS.contains(&last) {
            SourceType::Document
        } else {
            SourceType::Outlet
        };
        let name = if kind == SourceType::Outlet {
            OUTLETS[outlet].1.to_string()
        } else {
            strip_determiner(head_text)
        };
        return named(kind, name);
    }
    let last = lower_head.last().cloned().unwrap_or_default();
    let starts_definite = lower_first == "the" || lower_first == "this" || lower_first == "that";
    let lower_text = head_text.to_lowercase();
    if starts_definite && OUTLET_NOUNS.iter().any(|n| lower_text.ends_with(n)) {
        return named(SourceType::Outlet, strip_determiner(head_text));
    }
    if DOCUMENT_NOUNS.contains(&last.as_str()) {
        return named(SourceType::Document, strip_determiner(head_text));
    }
    let has_name = head.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        is_cap(w)
            && !TITLES.contains(w)
            && !(i == 0 && INDEFINITE.contains(&lower.as_str()))
            && lower != "the"
            && !ANONYMOUS_NOUNS.contains(&lower.as_str())
    });
    let anonymous_head =
        ANONYMOUS_NOUNS.contains(&last.as_str()) || lower_text.contains("familiar with");
    let indefinite = INDEFINITE.contains(&lower_first.as_str());
    if anonymous_head
        && (indefinite || !starts_definite && !has_name || last.ends_with('s') && !has_name)
    {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    if anonymous_head && indefinite {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    if org_nouns().first_in(head_text).is_some() && !person_like(&head) {
        return named(SourceType::Organization, strip_determiner(head_text));
    }
    if has_name {
        let (name, roles) = person_name(&head);
        if !name.is_empty() {
            return Mention::Named {
                kind: SourceType::Person,
                name,
                roles,
            };
        }
    }
    if starts_definite {
        return Mention::Role(last);
    }
    if anonymous_head {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    named(SourceType::Unknown, head_text.to_string())
}

fn named(kind: SourceType, name: String) -> Mention {
    Mention::Named {
        kind,
        name,
        roles: Vec::new(),
    }
}

/// A name ends the head phrase with two or more capitalised non-title words
/// ("communications director Steven Cheung").
fn person_like(head: &[&str]) -> bool {
    let tail = head
        .iter()
        .rev()
        .take_while(|w| is_cap(w) && !TITLES.contains(w))
        .count();
    tail >= 2 && !head.last().is_some_and(|l| ORG_NOUNS.contains(l))
}

/// The last run of capitalised non-title words, and the role words before it.
fn person_name(head: &[&str]) -> (String, Vec<String>) {
    let mut end = head.len();
    while end > 0 && !is_cap(head[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_cap(head[start - 1]) && !TITLES.contains(head[start - 1]) {
        start -= 1;
    }
    // Initials and particles inside names: "Jr.", "de", "van".
    let name = head[start..end].join(" ");
    let roles = head[..start]
        .iter()
        .map(|w| w.to_lowercase().trim_end_matches('.').to_string())
        .filter(|w| {
            w.len() > 2
                && !matches!(
                    w.as_str(),
                    "the" | "and" | "former" | "senior" | "u.s" | "mr" | "mrs"
                )
        })
        .collect();
    (name, roles)
}

fn strip_determiner(s: &str) -> String {
    let t = s.trim();
    for det in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = t.strip_prefix(det) {
            return rest.to_string();
        }
    }
    t.to_string()
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.trim().chars();
    match c.next() {
        Some(f)
            if c.clone().next().is_some_and(char::is_lowercase)
                || !c.clone().any(char::is_uppercase) =>
        {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> (SourceType, String) {
        match classify(s) {
            Mention::Named { kind, name, .. } => (kind, name),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn types_the_issue_examples() {
        assert_eq!(
            kind("US envoy Steve Witkoff"),
            (SourceType::Person, "Steve Witkoff".into())
        );
        assert_eq!(
            kind("Rep. Brian Fitzpatrick"),
            (SourceType::Person, "Brian Fitzpatrick".into())
        );
        assert_eq!(
            kind("White House communications director Steven Cheung"),
            (SourceType::Person, "Steven Cheung".into())
        );
        assert_eq!(
            kind("Eric Green, former senior Russia director under President Biden"),
            (SourceType::Person, "Eric Green".into())
        );
        assert_eq!(kind("The White House").0, SourceType::Organization);
        assert_eq!(kind("the Kremlin").0, SourceType::Organization);
        assert_eq!(
            kind("Bloomberg news agency"),
            (SourceType::Outlet, "Bloomberg".into())
        );
        assert_eq!(kind("the news agency").0, SourceType::Outlet);
        assert_eq!(kind("the transcript").0, SourceType::Document);
        assert_eq!(kind("Truth Social").0, SourceType::Document);
        assert_eq!(kind("officials").0, SourceType::Anonymous);
        assert_eq!(kind("critics").0, SourceType::Anonymous);
        assert_eq!(kind("Analysts").0, SourceType::Anonymous);
        assert_eq!(kind("Advisers").0, SourceType::Anonymous);
        assert_eq!(
            kind("A former senior State Department official").0,
            SourceType::Anonymous
        );
        assert_eq!(
            kind("people familiar with the matter").0,
            SourceType::Anonymous
        );
        assert_eq!(kind("international observers").0, SourceType::Anonymous);
    }

    #[test]
    fn pronouns_and_roles() {
        assert_eq!(classify("he"), Mention::PersonPronoun);
        assert_eq!(classify("They"), Mention::GroupPronoun);
        assert_eq!(classify("who"), Mention::Relative);
        assert_eq!(
            classify("the American envoy"),
            Mention::Role("envoy".into())
        );
    }
}
