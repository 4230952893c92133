//! Who a source is: its type (person, organization, outlet, document,
//! anonymous, unknown) and one canonical name per source within an article
//! ("Steve Witkoff", "Witkoff", "the American envoy" → "Steve Witkoff").
//!
//! Rules over small lexicons: typing a span that the tagger already found is
//! a job rules do well and can explain.

use crate::extraction::SourceType;
use crate::lexicon::dates::{MONTHS, WEEKDAYS};
use crate::lexicon::given_names::{is_title_surname, name_start};
use crate::lexicon::names::{
    is_name_particle, is_not_name, is_party_adjective, is_party_tag, opens_like_name, ROLE_WORDS,
    TITLES,
};
use crate::lexicon::places::is_demonym;
use crate::lexicon::pronouns;
use crate::lexicon::sources::{
    ANONYMOUS_NOUNS, DOCUMENT_NAMES, DOCUMENT_NOUNS, INDEFINITE, NON_PERSON_HEADS, ORG_NOUNS,
    OUTLETS, OUTLET_NAME_WORDS, OUTLET_NOUNS, PERSON_NOUNS,
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
    /// Not a source at all: a possessive or a determiner alone ("Trump’s",
    /// "Their"), an adjective ("European"), a compound modifier ("the
    /// Witkoff-Ushakov").
    NotASource,
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '—' || c == '–')
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '\'' | ':' | ';')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Prepositions that end a noun phrase's head ("the report by the IRS
/// inspector general" is a report).
const PREPOSITIONS: &[&str] = &[
    "of", "for", "at", "on", "with", "from", "by", "in", "to", "about",
];

fn is_cap(w: &str) -> bool {
    opens_like_name(w)
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

/// Words after which a phrase describes an unnamed source rather than names
/// it ("an official with knowledge of", "people familiar with").
fn descriptors() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| {
        PhraseSet::new([
            " with ",
            " who ",
            " familiar ",
            " close to ",
            " briefed ",
            " knowledgeable ",
        ])
    })
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
    let text = text.trim();
    let trimmed = text.trim_end_matches([',', '.', ':']);
    // "U.S.", "U.N.": a dotted acronym keeps its last period.
    let text = match text.get(..trimmed.len() + 1) {
        Some(dotted)
            if dotted.ends_with('.')
                && trimmed
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.contains('.') && is_acronym(w)) =>
        {
            dotted
        }
        _ => trimmed,
    };
    // "the Kurdistan Regional Government (KRG)": an acronym in parentheses
    // repeats the name.
    if let Some((name, rest)) = text.rsplit_once(" (") {
        if rest.strip_suffix(')').is_some_and(is_acronym) {
            return classify(name);
        }
    }
    let ws = words(text);
    let Some(first) = ws.first() else {
        return Mention::Named {
            kind: SourceType::Unknown,
            name: String::new(),
            roles: Vec::new(),
        };
    };
    // "with several", "by some": a preposition the span began on.
    if ws.len() > 1
        && matches!(
            first.to_lowercase().as_str(),
            "with" | "by" | "from" | "among"
        )
    {
        if let Some(rest) = text.get(first.len()..) {
            return classify(rest);
        }
    }
    // "But supporters": a conjunction the span began on.
    if ws.len() > 1 && matches!(*first, "But" | "And" | "Yet" | "So" | "Or") {
        if let Some(rest) = text.get(first.len()..) {
            return classify(rest);
        }
    }
    // "Indeed, a conservative movement leader": an opener before a comma is
    // not part of the source.
    if ws.len() > 1 && is_not_name(first) {
        if let Some(rest) = text.strip_prefix(first).and_then(|r| r.strip_prefix(',')) {
            return classify(rest);
        }
    }
    let lower_first = first.to_lowercase();
    // "US" is the country ("U.S."), not a pronoun; "the U.N.", "the NRA":
    // the acronym.
    if matches!(ws[..], ["US" | "U.S."])
        || matches!(ws[..], [_, "US" | "U.S."]) && lower_first == "the"
    {
        return named(SourceType::Organization, "U.S.".to_string());
    }
    if ws.len() == 2
        && lower_first == "the"
        && is_acronym(ws[1])
        && !TITLES.contains(ws[1])
        && !is_person_noun(&ws[1].to_lowercase())
    {
        return classify(ws[1]);
    }
    // "who not", "which led the": a relative pronoun the tagger ran on.
    if ws.len() > 1 && matches!(lower_first.as_str(), "who" | "which") {
        return Mention::Relative;
    }
    // "WHO", "US", "IT": an acronym, not a pronoun.
    let shouted = first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase());
    if ws.len() == 1 && !shouted {
        if pronouns::POSSESSIVE.contains(&lower_first.as_str())
            || matches!(lower_first.as_str(), "a" | "an" | "the")
            || is_possessive(first)
            || is_demonym(first) && !first.ends_with('s')
            || is_party_adjective(first)
        {
            return Mention::NotASource;
        }
        if pronouns::PERSON.contains(&lower_first.as_str()) {
            return Mention::PersonPronoun;
        }
        if pronouns::GROUP.contains(&lower_first.as_str()) {
            return Mention::GroupPronoun;
        }
        if pronouns::RELATIVE.contains(&lower_first.as_str()) {
            return Mention::Relative;
        }
        // "Indeed", "Amid", "Mrs": an opener, stop word or honorific alone
        // names no one; "Some", "Others", "Those" and "One" stand for
        // people, and "May" may be Theresa May.
        if (is_not_name(first) || matches!(first.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Dr"))
            && !matches!(
                lower_first.as_str(),
                "some"
                    | "many"
                    | "few"
                    | "most"
                    | "both"
                    | "all"
                    | "others"
                    | "several"
                    | "those"
                    | "these"
                    | "each"
                    | "one"
                    | "two"
                    | "may"
            )
        {
            return Mention::NotASource;
        }
    }
    // "the statement released by each office": a document, whoever issued
    // it ("documents obtained by The Intercept" stay with the outlet).
    for by in [" released by ", " issued by "] {
        if let Some((head, _)) = text.split_once(by) {
            if let document @ Mention::Named {
                kind: SourceType::Document,
                ..
            } = classify(head)
            {
                return document;
            }
        }
    }
    // The head phrase: before the first comma (an appositive follows it).
    let head_text = text.split(',').next().unwrap_or(text).trim();
    // What describes an unnamed source is not its name: "a high-ranking
    // official with knowledge of the investigation" → "a high-ranking official".
    let head_text = descriptors()
        .0
        .find(head_text)
        .map_or(head_text, |m| &head_text[..m.start()]);
    // "State Department spokeswoman Victoria Nuland later", "Flynn twice":
    // an adverb the span ran on to is not part of the source.
    let mut head_text = head_text.trim_end();
    while let Some((rest, last)) = head_text.rsplit_once(' ') {
        if !(TRAILING_ADVERBS.contains(&last) || last.len() > 4 && last.ends_with("ly")) {
            break;
        }
        head_text = rest.trim_end();
    }
    let head = words(head_text);
    let lower_head: Vec<String> = head.iter().map(|w| w.to_lowercase()).collect();
    let starts_definite = matches!(lower_first.as_str(), "the" | "this" | "that");
    // "Cruz's campaign manager, Jeff Roe": a name in apposition after a
    // description that names no one is the source.
    if let Some((before, after)) = text.split_once(',') {
        let after = words(after);
        // "the chairman of the Senate Judiciary Committee, Sen. Lindsey
        // Graham, R-S.C.,": past the titles before the name.
        let run_of = |ws: &[&str]| {
            ws.iter()
                .take_while(|w| is_cap(w) && !not_in_name(w) && !is_party_tag(w))
                .count()
        };
        let mut after = &after[..];
        let mut run = 0;
        // A run a title goes on from is the title's ("Navy Rear | Adm. John
        // Kirby", "National Security | Adviser Susan Rice", "Clatsop County,
        // Oregon, District | Attorney Joshua Marquis"): the name is after the
        // last title.
        for _ in 0..3 {
            let titles = after.iter().take_while(|w| TITLES.contains(w)).count();
            after = &after[titles..];
            run = run_of(after);
            if run == 0 || !after.get(run).is_some_and(|w| TITLES.contains(w)) {
                break;
            }
            after = &after[run..];
        }
        if (2..=4).contains(&run)
            && !matches!(
                classify(before),
                Mention::Named {
                    kind: SourceType::Person,
                    ..
                }
            )
        {
            let name = after[..run].join(" ");
            if let Mention::Named {
                kind: SourceType::Person,
                name,
                ..
            } = classify(&name)
            {
                let roles = words(before).iter().map(|w| role_word(w)).collect();
                return Mention::Named {
                    kind: SourceType::Person,
                    name,
                    roles,
                };
            }
        }
    }
    // "Trump’s team", "Witkoff's": what follows the last possessive is the
    // head; a possessive alone names no one.
    if let Some(p) = head.iter().rposition(|w| is_possessive(w)) {
        let rest = head[p + 1..].join(" ");
        // "Governor Andrew Cuomo’s (D)": nothing but tags after it.
        if p + 1 < head.len()
            && !head[p + 1..]
                .iter()
                .any(|w| w.chars().any(char::is_lowercase))
            && p > 0
        {
            let owner = head[..=p].join(" ");
            let owner = owner.trim_end_matches("'s").trim_end_matches("’s");
            return classify(owner);
        }
        // "Trump’s own": nothing owned is named.
        if rest.eq_ignore_ascii_case("own") {
            return Mention::NotASource;
        }
        // "Trump’s team", "the senator's camp": people around someone,
        // unnamed (not a body with a name of its own).
        if matches!(
            rest.to_lowercase().as_str(),
            "team" | "camp" | "staff" | "circle" | "inner circle" | "entourage" | "allies"
        ) {
            let name = if is_cap(head[0]) && is_possessive(head[0]) {
                head_text.to_string()
            } else {
                lowercase_first(head_text)
            };
            return named(SourceType::Anonymous, name);
        }
        return match classify(&rest) {
            Mention::Named {
                kind: SourceType::Person,
                name,
                roles,
            } => Mention::Named {
                kind: SourceType::Person,
                name,
                roles,
            },
            Mention::Named {
                kind: SourceType::Organization,
                ..
            } => named(SourceType::Organization, strip_determiner(head_text)),
            // "Rosenstein’s memo": a document, owner and all.
            Mention::Named {
                kind: SourceType::Document,
                ..
            } => named(SourceType::Document, strip_determiner(head_text)),
            Mention::NotASource => Mention::NotASource,
            _ if rest.is_empty() => Mention::NotASource,
            _ => named(SourceType::Anonymous, lowercase_first(head_text)),
        };
    }
    // "the Ohio Republican", "the veteran Michigan Democrat": a member of a
    // party, described (resolved by the party tag written with a name).
    if starts_definite
        && head.len() >= 3
        && matches!(
            head.last(),
            Some(&("Republican" | "Democrat" | "Independent"))
        )
    {
        return Mention::Role(last_lower_word(&head));
    }
    // "the Democratic": an adjective whose noun the span left out.
    if head.len() == 2
        && lower_first == "the"
        && (is_demonym(head[1]) && !head[1].ends_with('s')
            || matches!(head[1], "Democratic" | "Republican"))
    {
        return Mention::NotASource;
    }
    // "the chairman of the House panel": a role of a body is a person's
    // role, not the body; "a former investigator for the Select Committee"
    // is an unnamed person.
    if let Some(p) = head
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "at" | "on" | "with" | "from"))
    {
        let before = lower_head[..p].last().map(String::as_str).unwrap_or("");
        if p >= 2 && is_person_noun(before) && !head[..p].iter().skip(1).any(|w| is_cap(w)) {
            if starts_definite {
                return Mention::Role(before.to_string());
            }
            if INDEFINITE.contains(&lower_first.as_str()) {
                return named(SourceType::Anonymous, lowercase_first(head_text));
            }
        }
    }
    // "the Witkoff-Ushakov (call)": names joined as a modifier.
    if head.len() == 2 && lower_first == "the" && is_name_compound(head[1]) {
        return Mention::NotASource;
    }

    let last_lower = lower_head.last().cloned().unwrap_or_default();
    // "Senate Democrats", "some Republicans": members of a party, unnamed.
    if PARTY_MEMBERS.contains(&last_lower.as_str()) {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    // "A CNN spokeswoman", "a White House official": an unnamed person of a
    // named body is an unnamed source.
    if ANONYMOUS_NOUNS.contains(&last_lower.as_str()) && INDEFINITE.contains(&lower_first.as_str())
    {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    if document_names().first_in(text).is_some() {
        return named(SourceType::Document, strip_determiner(head_text));
    }
    if let Some(outlet) = outlet_names().first_in(head_text) {
        // "Daily Mail columnist Sarah Vine": the outlet's person, named.
        if let Some(p) = lower_head
            .iter()
            .position(|w| PERSON_NOUNS.contains(&w.as_str()) || ROLE_WORDS.contains(&w.as_str()))
        {
            let name = &head[p + 1..];
            if name.len() >= 2 && name.iter().all(|w| is_cap(w) && !not_in_name(w)) {
                if let person @ Mention::Named {
                    kind: SourceType::Person,
                    ..
                } = classify(&name.join(" "))
                {
                    return person;
                }
            }
        }
        let last = lower_head.last().map(String::as_str).unwrap_or("");
        // "a Washington Post report" is a document; "the Washington Post",
        // whose name ends in a document noun, is the outlet.
        let name_ends_head = head_text
            .to_lowercase()
            .ends_with(&OUTLETS[outlet].0.to_lowercase());
        let kind = if DOCUMENT_NOUNS.contains(&last) && !name_ends_head {
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
    let lower_text = head_text.to_lowercase();
    if starts_definite && OUTLET_NOUNS.iter().any(|n| lower_text.ends_with(n)) {
        return named(SourceType::Outlet, strip_determiner(head_text));
    }
    if DOCUMENT_NOUNS.contains(&last.as_str()) {
        return named(SourceType::Document, strip_determiner(head_text));
    }
    // "Washington Examiner", "the Times": a name ending in an outlet word.
    let capitals = head.iter().filter(|w| is_cap(w) && !is_not_name(w)).count();
    if head
        .last()
        .is_some_and(|l| OUTLET_NAME_WORDS.contains(l) && (capitals >= 2 || starts_definite))
    {
        return named(SourceType::Outlet, strip_determiner(head_text));
    }
    if let [word] = head[..] {
        if is_acronym(word) || is_brand(word) {
            return named(SourceType::Organization, word.to_string());
        }
    }
    let has_name = head.iter().enumerate().any(|(i, w)| {
        let lower = w.to_lowercase();
        let opens_indefinite = i == 0 && INDEFINITE.contains(&lower.as_str());
        let not_a_name = not_in_name(w)
            || opens_indefinite
            || lower == "the"
            || ANONYMOUS_NOUNS.contains(&lower.as_str());
        is_cap(w) && !not_a_name
    });
    // "the U.S. House of Representatives": a capitalised noun inside a name
    // is the name's, not an unnamed source's head.
    let proper_last = head.len() > 1 && head.last().is_some_and(|w| is_cap(w));
    let anonymous_head =
        ANONYMOUS_NOUNS.contains(&last.as_str()) && !proper_last || text.contains("familiar with");
    // "the larger business community", "the public": people as a whole.
    if matches!(last.as_str(), "community" | "public") && !proper_last {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    // "two lower courts", "American intelligence agencies": bodies.
    let singular = last
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| last.strip_suffix('s').map(str::to_string));
    // ("lawmakers and Jewish organizations" are people and bodies: unnamed.)
    if singular.is_some_and(|s| ORG_NOUNS.any_case.contains(&s.as_str()))
        && !proper_last
        && !lower_head
            .iter()
            .any(|w| ANONYMOUS_NOUNS.contains(&w.as_str()))
    {
        return named(SourceType::Organization, strip_determiner(head_text));
    }
    let indefinite = INDEFINITE.contains(&lower_first.as_str());
    // "senior Obama administration officials", "Trump aides": unnamed people
    // of a named body or person.
    if anonymous_head
        && (indefinite
            || !starts_definite && (!has_name || last.ends_with('s'))
            || last.ends_with('s') && !has_name)
    {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    if anonymous_head && indefinite {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    // "advocacy group Oxfam America", "Human rights advocacy group Amnesty
    // International": a body described, then named; its name is the name.
    if let Some(d) = head
        .iter()
        .rposition(|w| ORG_DESCRIPTORS.contains(&w.to_lowercase().as_str()))
    {
        let name = &head[d + 1..];
        if !name.is_empty() && name.iter().all(|w| is_cap(w)) && !not_in_name(name[0]) {
            return named(SourceType::Organization, name.join(" "));
        }
    }
    // "the former IRS official", "the freshman House member": a person
    // described by their body is that person, not the body.
    if starts_definite
        && is_person_noun(&last)
        && head.last().is_some_and(|w| !is_cap(w))
        && !lower_head
            .iter()
            .any(|w| PREPOSITIONS.contains(&w.as_str()))
    {
        return if anonymous_head {
            named(SourceType::Anonymous, lowercase_first(head_text))
        } else {
            Mention::Role(last)
        };
    }
    if org_nouns().first_in(head_text).is_some() && !person_like(&head) {
        return named(SourceType::Organization, strip_determiner(head_text));
    }
    if has_name {
        let (name, roles) = person_name(&head);
        let last_word = name.rsplit(' ').next().unwrap_or("");
        // "Trump Tower", "Election Day"; "Canada-to-Texas", "Mexican-born".
        if NON_PERSON_HEADS.contains(&last_word)
            || name
                .split('-')
                .skip(1)
                .any(|p| p.starts_with(char::is_lowercase))
        {
            return Mention::NotASource;
        }
        if !name.is_empty() {
            return Mention::Named {
                kind: SourceType::Person,
                name,
                roles,
            };
        }
    }
    // "the senator", "the tycoon": a definite description of a person; "the
    // approach" is none.
    if starts_definite && is_person_noun(&last) {
        return Mention::Role(last);
    }
    if anonymous_head {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    // People left unnamed in other words: a plural noun with no name ("a
    // number of locals", "the three witnesses", "most of the families") or
    // one person described ("a man", "a woman").
    let singular = last.strip_suffix('s').unwrap_or(&last);
    let irregular_plural = matches!(last.as_str(), "men" | "women" | "children" | "folks");
    let plural_noun = irregular_plural
        || last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("is")
            && !DOCUMENT_NOUNS.contains(&singular)
            && !matches!(
                singular,
                "year" | "month" | "week" | "day" | "hour" | "minute" | "decade" | "time" | "thing"
            );
    let described = indefinite && is_person_noun(&last);
    if !has_name
        && !lower_head.is_empty()
        && (plural_noun && !DOCUMENT_NOUNS.contains(&last.as_str()) || described)
    {
        return named(SourceType::Anonymous, lowercase_first(head_text));
    }
    named(SourceType::Unknown, head_text.to_string())
}

/// "Trump’s", "Witkoff's", "officials'".
fn is_possessive(w: &str) -> bool {
    w.len() > 2
        && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’"))
}

/// Two capitalised names joined by a hyphen ("Witkoff-Ushakov",
/// "Trump-Putin"); a double-barrelled surname looks the same, so this is
/// only used after "the".
fn is_name_compound(w: &str) -> bool {
    let mut parts = w.split('-');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    [a, b]
        .iter()
        .all(|p| p.len() > 1 && is_cap(p) && p.chars().all(char::is_alphabetic))
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
///
/// A party tag after the name ("Mark Warner D-Va.") is dropped, and so is
/// the office a name follows ("Secretary of State John Kerry" → "John Kerry").
fn person_name(head: &[&str]) -> (String, Vec<String>) {
    let mut end = head.len();
    while end > 0 && (!is_cap(head[end - 1]) || is_party_tag(head[end - 1])) {
        end -= 1;
    }
    let mut start = end;
    // "Peter King", "Martin Luther King Jr.": a title word as the surname.
    let suffixed = end >= 2 && is_suffix(head[end - 1]);
    let surname = end.checked_sub(if suffixed { 2 } else { 1 });
    loop {
        if start == 0 {
            break;
        }
        let w = head[start - 1];
        // "Mohammed bin Salman", "Ursula von der Leyen": particles between
        // capitalised parts.
        let particles = head[..start]
            .iter()
            .rev()
            .take_while(|w| is_name_particle(w))
            .count();
        if particles > 0 && start < end && start > particles {
            let before = head[start - particles - 1];
            if is_cap(before) && !not_in_name(before) {
                start -= particles;
                continue;
            }
        }
        let surname_title =
            Some(start - 1) == surname && start >= 2 && is_title_surname(head[start - 2], w);
        if !is_cap(w) || not_in_name(w) && !surname_title {
            break;
        }
        start -= 1;
    }
    // "Ambassador to the United Nations Nikki Haley": the name starts at
    // the given name.
    let skip = name_start(&head[start..end]);
    if skip > 0 {
        start += skip;
    } else if end - start >= 3 && start > 0 && head[start - 1] == "of" {
        start += 1;
    }
    let name = head[start..end].join(" ");
    let roles = head[..start]
        .iter()
        .map(|w| role_word(w))
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

/// The last word of `head`, lowercase.
fn last_lower_word(head: &[&str]) -> String {
    head.last().map(|w| w.to_lowercase()).unwrap_or_default()
}

/// "Jr.", "III": written after a surname.
pub(crate) fn is_suffix(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV")
}

/// A title or role word as a role: lowercase, and an abbreviated title
/// spelled out ("Gov." → "governor"), so "the governor" finds "Gov. Dave
/// Heineman".
pub fn role_word(w: &str) -> String {
    let lower = w.to_lowercase();
    let bare = lower.trim_end_matches('.');
    match bare {
        "gov" => "governor",
        "sen" | "sens" | "senators" => "senator",
        "rep" | "reps" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "maj" => "major",
        "adm" => "admiral",
        "sgt" => "sergeant",
        "capt" => "captain",
        "prof" => "professor",
        "dr" => "doctor",
        // "Democratic Rep. Ted Lieu" is who "the California Democrat" means.
        "democratic" => "democrat",
        other => other,
    }
    .to_string()
}

/// Words a person's name does not run through: titles, sentence openers and
/// stop words ("After Obama"), nationalities ("Russian envoy").
fn not_in_name(w: &str) -> bool {
    TITLES.contains(w) || is_not_name(w) || is_demonym(w)
}

/// A noun for a person or people: a role, a title, an unnamed-source head.
pub(crate) fn is_person_noun(w: &str) -> bool {
    ROLE_WORDS.contains(&w)
        || TITLES.any_case.contains(&w)
        || ANONYMOUS_NOUNS.contains(&w)
        || PERSON_NOUNS.contains(&w)
}

/// "NRA", "U.N.", "LGBT": an acronym names a body, not a person.
fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters.len() <= 6
        && letters.iter().all(|c| c.is_ascii_uppercase())
        && w.chars().all(|c| c == '.' || c.is_ascii_uppercase())
}

/// "WikiLeaks", "TransCanada": a capital after three or more lowercase
/// letters inside one word is a brand, not a surname ("McCarthy",
/// "DeSantis", "LaHood" have theirs after one or two; "MacArthur" is listed).
fn is_brand(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    let mut lower_run = 0;
    for (i, c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 && lower_run >= 3 && !w.starts_with("Mac") {
            return true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
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

/// Adverbs a source span may run on to ("Nuland later said").
const TRAILING_ADVERBS: &[&str] = &[
    "later",
    "also",
    "then",
    "again",
    "too",
    "earlier",
    "previously",
    "once",
    "twice",
    "first",
    "now",
    "still",
    "himself",
    "herself",
    "themselves",
    "itself",
    "alone",
    "last",
    "recently",
];

/// Lowercase nouns that describe a body before its name ("advocacy group
/// Oxfam America").
const ORG_DESCRIPTORS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "nonprofit",
    "non-profit",
    "charity",
    "company",
    "firm",
    "agency",
    "coalition",
    "association",
    "tank",
    "watchdog",
    "network",
    "movement",
];

/// Plural nouns for members of a party: proper nouns ("Democrats"), and
/// unnamed sources ("Senate Democrats", "some Republicans").
const PARTY_MEMBERS: &[&str] = &[
    "democrats",
    "republicans",
    "conservatives",
    "progressives",
    "libertarians",
    "tories",
];

fn lowercase_first(s: &str) -> String {
    let mut ws = s.split_whitespace();
    let (first, second) = (ws.next().unwrap_or_default(), ws.next());
    // A determiner or quantifier opening the phrase is lowercase: "some
    // Democrats", "the Republicans".
    let lower = first.to_lowercase();
    if second.is_some()
        && is_not_name(first)
        && !MONTHS.contains(&lower.as_str())
        && !WEEKDAYS.contains(&lower.as_str())
    {
        let mut c = s.trim().chars();
        return c
            .next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default();
    }
    // A proper adjective or name stays capitalised: "European officials",
    // "White House officials" (the first word of a capitalised run),
    // "Democrats".
    if is_demonym(first)
        || PARTY_MEMBERS.contains(&lower.as_str()) && is_cap(first)
        || matches!(first, "Republican" | "Democratic" | "Democrat" | "GOP")
        || second.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return s.trim().to_string();
    }
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

    #[test]
    fn unnamed_sources_keep_proper_adjectives_capitalised() {
        assert_eq!(
            lowercase_first("Officials familiar with the plan"),
            "officials familiar with the plan"
        );
        assert_eq!(lowercase_first("European officials"), "European officials");
        assert_eq!(
            lowercase_first("White House officials"),
            "White House officials"
        );
        assert_eq!(lowercase_first("A former official"), "a former official");
        assert_eq!(lowercase_first("Democrats"), "Democrats");
        assert_eq!(
            kind("senior Obama administration officials"),
            (
                SourceType::Anonymous,
                "senior Obama administration officials".into()
            )
        );
        assert_eq!(
            lowercase_first("Republican strategist"),
            "Republican strategist"
        );
        assert_eq!(lowercase_first("Some Democrats"), "some Democrats");
        assert_eq!(
            kind("Senate Democrats"),
            (SourceType::Anonymous, "Senate Democrats".into())
        );
        assert_eq!(
            kind("Republicans"),
            (SourceType::Anonymous, "Republicans".into())
        );
    }

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
    fn a_described_body_is_named_by_its_name() {
        assert_eq!(
            kind("advocacy group Oxfam America"),
            (SourceType::Organization, "Oxfam America".into())
        );
        assert_eq!(
            kind("Human rights advocacy group Amnesty International"),
            (SourceType::Organization, "Amnesty International".into())
        );
        assert_eq!(classify("the Democratic"), Mention::NotASource);
        assert_eq!(
            kind("Trump’s team"),
            (SourceType::Anonymous, "Trump’s team".into())
        );
        assert_eq!(
            classify("the chairman of the House panel"),
            Mention::Role("chairman".into())
        );
        assert_eq!(
            kind("A former investigator for the Select Committee on Benghazi"),
            (
                SourceType::Anonymous,
                "a former investigator for the Select Committee on Benghazi".into()
            )
        );
        assert_eq!(
            kind("the Washington Post"),
            (SourceType::Outlet, "The Washington Post".into())
        );
        assert_eq!(
            kind("a Washington Post report"),
            (SourceType::Document, "Washington Post report".into())
        );
        assert_eq!(
            kind("these men"),
            (SourceType::Anonymous, "these men".into())
        );
        assert_eq!(
            kind("with several"),
            (SourceType::Anonymous, "several".into())
        );
        assert_eq!(
            kind("State Department spokeswoman Victoria Nuland later"),
            (SourceType::Person, "Victoria Nuland".into())
        );
        assert_eq!(classify("Trump’s own"), Mention::NotASource);
    }

    #[test]
    fn places_adjectives_possessives_and_determiners_are_not_people() {
        for not in [
            "Trump’s",
            "Witkoff's",
            "Their",
            "European",
            "Saudi",
            "the Witkoff-Ushakov",
            "Republican",
            "Democratic",
        ] {
            assert_eq!(classify(not), Mention::NotASource, "{not}");
        }
        assert_eq!(kind("European officials").0, SourceType::Anonymous);
        assert_eq!(kind("A CNN spokeswoman").0, SourceType::Anonymous);
        assert_eq!(kind("the Washington Examiner").0, SourceType::Outlet);
        assert_eq!(kind("NRA").0, SourceType::Organization);
        assert_eq!(kind("WikiLeaks").0, SourceType::Organization);
        assert_eq!(
            kind("Cruz's campaign manager, Jeff Roe"),
            (SourceType::Person, "Jeff Roe".into())
        );
        for (text, name) in [
            (
                "the chairman of the Senate Judiciary Committee, Sen. Lindsey Graham, R-S.C.,",
                "Lindsey Graham",
            ),
            (
                "Defense Department spokesman, Navy Rear Adm. John Kirby,",
                "John Kirby",
            ),
            (
                "the Middle East Institute, National Security Adviser Susan Rice",
                "Susan Rice",
            ),
        ] {
            assert_eq!(kind(text), (SourceType::Person, name.into()), "{text}");
        }
        assert_eq!(
            kind("Secretary of State John Kerry"),
            (SourceType::Person, "John Kerry".into())
        );
        assert_eq!(
            kind("Sen. Mark Warner (D-Va.)"),
            (SourceType::Person, "Mark Warner".into())
        );
        assert_eq!(classify("Trump Tower"), Mention::NotASource);
        for unnamed in ["A number of locals", "the three witnesses", "a man"] {
            assert_eq!(kind(unnamed).0, SourceType::Anonymous, "{unnamed}");
        }
        assert_eq!(kind("decades").0, SourceType::Unknown);
        assert_eq!(classify("the approach"), kind_unknown("the approach"));
    }

    #[test]
    fn title_words_as_surnames_name_particles_and_the_country() {
        for (text, name) in [
            ("Rep. Peter King", "Peter King"),
            ("Erik Prince", "Erik Prince"),
            ("Martin Luther King Jr.", "Martin Luther King Jr"),
            ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
            ("Ursula von der Leyen", "Ursula von der Leyen"),
            // A title before a name stays a title.
            ("King Salman", "Salman"),
            ("Saudi King Salman", "Salman"),
            ("Prince Charles", "Charles"),
        ] {
            assert_eq!(kind(text), (SourceType::Person, name.into()), "{text}");
        }
        for text in ["The US", "the U.S.", "US", "U.S."] {
            assert_eq!(
                kind(text),
                (SourceType::Organization, "U.S.".into()),
                "{text}"
            );
        }
        assert_eq!(kind("the U.N."), (SourceType::Organization, "U.N.".into()));
    }

    fn kind_unknown(s: &str) -> Mention {
        named(SourceType::Unknown, s.to_string())
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
