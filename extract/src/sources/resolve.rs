//! Resolving source mentions within one article: pronouns to the person meant,
//! role descriptions ("the American envoy") to the person who carried that
//! title, surnames to full names, and every mention of one source to one
//! canonical entry.

use super::typing::{classify, is_suffix, role_word, Mention};
use crate::extraction::SourceType;
use crate::lexicon::capitalise;
use crate::lexicon::dates::CARDINALS;
use crate::lexicon::given_names::{is_given_name, is_title_surname, name_start};
use crate::lexicon::names::{
    is_name_particle, is_not_name, is_party_tag, is_patronymic_particle, ROLE_WORDS, TITLES,
};
use crate::lexicon::places::{is_place, place, tag_forms, Place};
use crate::lexicon::sources::{ANONYMOUS_NOUNS, DOCUMENT_NOUNS, ORG_NOUNS};
use crate::text::{ByteSpan, Doc, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// A resolved source of one article (byte spans).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedSource {
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: SourceType,
    /// Every span that refers to it.
    pub mentions: Vec<ByteSpan>,
}

/// Assigns mentions to canonical sources, in text order.
pub struct Resolver<'a> {
    doc: &'a Doc<'a>,
    /// Full names seen in the text (two or more capitalised words), by last word.
    full_names: BTreeMap<String, String>,
    /// Name runs in text order: (byte position, canonical name).
    name_runs: Vec<(usize, String)>,
    /// Sources so far.
    pub sources: Vec<ResolvedSource>,
    /// Each source's index by type and name.
    source_index: HashMap<SourceType, HashMap<String, usize>>,
    /// Person sources in mention order: (position, source index).
    people: Vec<(usize, usize)>,
    /// The same, per role they were named with ("envoy" → …).
    people_by_role: HashMap<String, Vec<(usize, usize)>>,
    /// Group sources (organisations, anonymous groups) in mention order.
    groups: Vec<(usize, usize)>,
    /// People's gender where an honorific gives it ("Mr. Rahami"), by surname.
    gender: HashMap<String, Gender>,
    /// Names written after a title, by role ("governor" → "Dave Heineman"),
    /// in text order.
    titled: HashMap<String, Vec<(usize, String)>>,
    /// The party tag written after a name ("Rand Paul" → "R-Ky.").
    party_tags: HashMap<String, String>,
    /// Per name run, whether it is a person's name (see `person_like`).
    run_is_person: Vec<std::cell::OnceCell<bool>>,
}

/// What a name as written stands for (see `Resolver::read_name`).
enum NameReading {
    /// A person, by the name's full form.
    Person(String),
    /// A body, outlet or government.
    Group(SourceType, String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun.to_lowercase().as_str() {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}

fn honorific_gender(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "Mr" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" => Some(Gender::Female),
        _ => None,
    }
}

/// Whether `short` is the acronym of `long`: the initials of its
/// capitalised words ("NRA", "National Rifle Association"; "FBI", "Federal
/// Bureau of Investigation").
fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| *c != '.').collect();
    if letters.len() < 2 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let initials: String = long
        .split([' ', '-'])
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    initials.len() >= 2 && initials == letters
}

/// The words of `long` that `short` abbreviates, from the first initial to
/// the last ("nonpartisan Congressional Research Service" → "Congressional
/// Research Service").
fn acronym_core(short: &str, long: &str) -> Option<String> {
    let words: Vec<&str> = long.split(' ').collect();
    let letters = short.chars().filter(|c| *c != '.').count();
    let capitals = |w: &str| {
        w.split('-')
            .filter(|p| p.starts_with(char::is_uppercase))
            .count()
    };
    // The run from a capitalised word to a later one (lowercase words
    // between them allowed) holding exactly the acronym's letters.
    for start in (0..words.len()).filter(|&i| capitals(words[i]) > 0) {
        let mut count = 0;
        for end in start..words.len() {
            count += capitals(words[end]);
            if count == letters && capitals(words[end]) > 0 {
                let core = words[start..=end].join(" ");
                let core = core.trim_end_matches("'s").trim_end_matches("’s");
                if is_acronym_of(short, core) {
                    return Some(core.to_string());
                }
            }
            if count > letters {
                break;
            }
        }
    }
    None
}

/// A body or group of people: what "they" can refer to.
fn is_group(kind: SourceType) -> bool {
    matches!(
        kind,
        SourceType::Organization | SourceType::Anonymous | SourceType::Outlet
    )
}

/// Singular nouns for a group of people ("the business community, who").
const GROUP_HEADS: &[&str] = &[
    "community",
    "public",
    "group",
    "coalition",
    "majority",
    "minority",
];

/// Title words are not part of a name run ("President Donald Trump" → "Donald Trump").
fn is_title(w: &str) -> bool {
    w == "The" || TITLES.contains(w)
}

impl<'a> Resolver<'a> {
    /// Index the names of `doc`.
    pub fn new(doc: &'a Doc<'a>) -> Self {
        let mut full_names: BTreeMap<String, String> = BTreeMap::new();
        let mut name_runs = Vec::new();
        let mut gender = HashMap::default();
        let mut titled: HashMap<String, Vec<(usize, String)>> = HashMap::default();
        let mut party_tags: HashMap<String, String> = HashMap::default();
        let mut run_counts: HashMap<String, usize> = HashMap::default();
        let toks = &doc.tokens;
        let mut i = 0;
        while i < toks.len() {
            let cap = |t: usize| {
                let s = doc.token_text(t);
                toks[t].kind == TokenKind::Word
                    && s.chars().next().is_some_and(char::is_uppercase)
                    && !is_title(s)
                    && !is_not_name(s)
            };
            if !cap(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            // "Peter King": a title word right after a given name is the
            // surname, and ends the name ("San Juan Mayor Carmen Yulín Cruz"
            // does not end at "Mayor").
            let surname = |t: usize| {
                t > i
                    && toks[t].kind == TokenKind::Word
                    && is_title_surname(doc.token_text(t - 1), doc.token_text(t))
                    && !(t + 1 < toks.len() && cap(t + 1))
            };
            // "Mohammed bin Salman", "Ursula von der Leyen".
            let particle = |t: usize| {
                t > i
                    && is_name_particle(doc.token_text(t))
                    && (t + 1..toks.len().min(t + 3))
                        .find(|&u| !is_name_particle(doc.token_text(u)))
                        .is_some_and(&cap)
            };
            // At most four words, particles aside ("Luiz Inácio Lula da Silva").
            let mut particles = 0;
            while j < toks.len()
                && (cap(j) || surname(j) || particle(j))
                && doc.token_sentence[j] == doc.token_sentence[i]
                && j - i < 4 + particles
            {
                if particle(j) {
                    particles += 1;
                }
                j += 1;
            }
            // The office a name follows is not part of it: "Secretary of
            // State Mike Pompeo" is Mike Pompeo (as `typing::person_name`
            // reads a source's own phrase).
            // A name starts at its given name ("Ambassador to the United
            // Nations Nikki Haley").
            let words: Vec<&str> = (i..j).map(|t| doc.token_text(t)).collect();
            let mut skip = name_start(&words);
            if skip == 0 && j - i >= 3 && i > 0 && doc.token_text(i - 1) == "of" {
                skip = 1;
            }
            let words = &words[skip..];
            i += skip;
            let name = words.join(" ");
            if let Some(g) = i
                .checked_sub(1)
                .and_then(|t| honorific_gender(doc.token_text(t)))
            {
                gender.insert(words[words.len() - 1].to_string(), g);
            }
            // Titles just before the name ("Nebraska Gov. Dave Heineman",
            // "President Obama"), as roles a later "the governor" can find.
            let sentence_start = doc.sentence_tokens[doc.token_sentence[i]].0;
            for t in (sentence_start.max(i.saturating_sub(3))..i).rev() {
                let w = doc.token_text(t);
                if !is_title(w) {
                    break;
                }
                titled
                    .entry(role_word(w))
                    .or_default()
                    .push((toks[i].span.start, name.clone()));
            }
            // A party tag after the name ("Sen. Rand Paul, R-Ky.", "Rep. Jim
            // Jordan (R-Ohio)") is a role a later "the Kentucky Republican"
            // can find.
            if j + 1 < toks.len() && matches!(doc.token_text(j), "(" | ",") {
                let tag = doc.token_text(j + 1);
                // (A person's name: not The Hill's glued link text "MORE".)
                let named =
                    words.len() >= 2 && words.iter().all(|w| w.chars().any(char::is_lowercase));
                if is_party_tag(tag) && tag.len() > 2 && named {
                    let party = match &tag[..1] {
                        "R" => "republican",
                        "D" => "democrat",
                        _ => "independent",
                    };
                    titled
                        .entry(party.to_string())
                        .or_default()
                        .push((toks[i].span.start, name.clone()));
                    party_tags.insert(name.clone(), tag.to_string());
                }
            }
            if words.len() >= 2 {
                *run_counts.entry(name.clone()).or_insert(0usize) += 1;
                // "Donald Trump Jr." is also found by "Trump".
                // "Mohammed bin Salman": after "bin" comes the father's name,
                // not a surname ("King Salman" is another man).
                let patronymic = words.iter().any(|w| is_patronymic_particle(w));
                let mut keys = if patronymic {
                    Vec::new()
                } else {
                    vec![words[words.len() - 1].to_string()]
                };
                if words.len() >= 3 && is_suffix(words[words.len() - 1]) {
                    keys.push(words[words.len() - 2].to_string());
                }
                // "Lula" for "Luiz Inácio Lula da Silva": the word before
                // the particles.
                if let Some(p) = words.iter().position(|w| is_name_particle(w)) {
                    if p >= 2 {
                        keys.push(words[p - 1].to_string());
                    }
                }
                for key in keys {
                    let e = full_names.entry(key).or_insert_with(|| name.clone());
                    // The full name written most often, then the longest.
                    let better = (run_counts[&name], words.len())
                        > (
                            run_counts.get(e.as_str()).copied().unwrap_or(0),
                            e.split(' ').count(),
                        );
                    if better {
                        *e = name.clone();
                    }
                }
            }
            // A title in quote marks ("Reparative Therapy of Male
            // Homosexuality") is no one a pronoun can refer to.
            // Quotes are disjoint and in text order: one binary search.
            let q = doc
                .quotes
                .partition_point(|q| q.inner.end <= toks[i].span.start);
            let quoted = doc
                .quotes
                .get(q)
                .is_some_and(|q| q.inner.contains(toks[i].span));
            if !quoted {
                name_runs.push((toks[i].span.start, name));
            }
            i = j;
        }
        let run_count = name_runs.len();
        Resolver {
            doc,
            full_names,
            name_runs,
            sources: Vec::new(),
            source_index: HashMap::default(),
            people: Vec::new(),
            people_by_role: HashMap::default(),
            groups: Vec::new(),
            gender,
            titled,
            party_tags,
            run_is_person: vec![std::cell::OnceCell::new(); run_count],
        }
    }

    /// Whether the person `name` can be what `pronoun` refers to: not when
    /// the article calls them "Mr." and the pronoun is "she", or the reverse.
    fn compatible(&self, name: &str, pronoun: &str) -> bool {
        let Some(wanted) = pronoun_gender(pronoun) else {
            return true;
        };
        let last = name.rsplit(' ').next().unwrap_or(name);
        self.gender.get(last).is_none_or(|&g| g == wanted)
    }

    /// The full form of a person's name ("Witkoff" → "Steve Witkoff").
    fn full_name(&self, name: &str) -> String {
        let last = name.rsplit(' ').next().unwrap_or(name);
        match self.full_names.get(last) {
            Some(full)
                if full.split(' ').count() > name.split(' ').count()
                    && (full.ends_with(name)
                        || full.rsplit_once(' ').is_some_and(|(rest, tail)| {
                            is_suffix(tail) && rest.ends_with(name)
                        })) =>
            {
                full.clone()
            }
            _ => name.to_string(),
        }
    }

    fn register(&mut self, kind: SourceType, name: String, span: ByteSpan) -> usize {
        let of_kind = self.source_index.entry(kind).or_default();
        let idx = match of_kind.get(&name) {
            Some(&idx) => idx,
            None => {
                of_kind.insert(name.clone(), self.sources.len());
                self.sources.push(ResolvedSource {
                    name,
                    kind,
                    mentions: Vec::new(),
                });
                self.sources.len() - 1
            }
        };
        self.sources[idx].mentions.push(span);
        idx
    }

    /// Resolve the source mention at `span`: its source index, or `None`
    /// when the mention names no source (a possessive or an adjective alone,
    /// a pronoun with no compatible antecedent).
    pub fn resolve(&mut self, span: ByteSpan) -> Option<usize> {
        let text = span.slice(self.doc.text);
        match classify(text) {
            Mention::NotASource => None,
            Mention::Named {
                kind: SourceType::Person,
                name,
                roles,
            } => self.person(name, roles, span),
            Mention::Named {
                kind: SourceType::Anonymous,
                name,
                ..
            } if name.starts_with("the ") => {
                // "the officials" are the officials named before.
                let head = name.rsplit(' ').next().unwrap_or("").to_string();
                Some(match self.anonymous_with_head(&head, &name, span) {
                    Some(idx) => self.add_mention(idx, span),
                    None => self.register_group(SourceType::Anonymous, name, span),
                })
            }
            // "King" after "Rep. Peter King": a title word alone is that
            // person when the article gives it as a surname.
            Mention::Named {
                kind: SourceType::Unknown,
                name,
                ..
            } if !name.contains(' ')
                && self
                    .full_names
                    .get(name.as_str())
                    .is_some_and(|full| full.split(' ').count() >= 2) =>
            {
                self.person(name, Vec::new(), span)
            }
            Mention::Named { kind, name, .. } => Some(self.register_group(kind, name, span)),
            Mention::PersonPronoun => {
                // The person mentioned last: a person source, or a name in the text.
                let pronoun = text.trim();
                let source = self
                    .people
                    .iter()
                    .rev()
                    .find(|p| p.0 < span.start && self.compatible(&self.sources[p.1].name, pronoun))
                    .copied();
                let run = self.person_run_before(span.start, pronoun);
                let idx = match (source, run) {
                    (Some((pos, idx)), Some((rpos, _))) if pos >= rpos => {
                        Some(self.add_mention(idx, span))
                    }
                    (Some((_, idx)), _) => Some(self.add_mention(idx, span)),
                    // "he" and "she" are people: when the name before them
                    // reads as a body's or an outlet's ("Acacia Squires/NPR
                    // … he says", "the Union of Jewish Students … He
                    // shows"), the pronoun stays unresolved. Looking further
                    // back for a person was measured: it found the right one
                    // about as often as a new wrong one.
                    (None, Some((_, name))) => match self.read_name(name, false) {
                        Some(NameReading::Person(name)) => self.person(name, Vec::new(), span),
                        _ => None,
                    },
                    (None, None) => None,
                };
                // "he" tells the person's gender for the pronouns after it.
                if let (Some(i), Some(g)) = (idx, pronoun_gender(pronoun)) {
                    if self.sources[i].kind == SourceType::Person {
                        let name = &self.sources[i].name;
                        let last = name.rsplit(' ').next().unwrap_or(name).to_string();
                        self.gender.entry(last).or_insert(g);
                    }
                }
                idx
            }
            Mention::Relative => {
                // "who" is a person; "which", "that" and "it" are not.
                // ("who helped edit the talking points": the span ran on.)
                let first = text.split_whitespace().next().unwrap_or("");
                if first.eq_ignore_ascii_case("who") {
                    // "Democrats, who have accused…", "major environmental
                    // groups who voiced concern": the people just before it.
                    // The mention runs from the phrase to "who".
                    if let Some((kind, name, from)) = self.group_phrase_before(span.start) {
                        let mention = ByteSpan::new(from, span.end);
                        return Some(self.register_group(kind, name, mention));
                    }
                    let run = self.person_run_before(span.start, "who");
                    let source = self.people.iter().rev().find(|p| p.0 < span.start).copied();
                    return match (run, source) {
                        (Some((_, name)), _) => self.person(name, Vec::new(), span),
                        (None, Some((_, idx))) => Some(self.add_mention(idx, span)),
                        (None, None) => None,
                    };
                }
                self.thing_before(span)
            }
            Mention::GroupPronoun => self.group_before(span),
            Mention::Role(role) if ANONYMOUS_NOUNS.contains(&role.as_str()) => {
                // "the official": an unnamed source stays unnamed, even when a
                // named person was called an official before.
                Some(match self.anonymous_with_head(&role, &role, span) {
                    Some(idx) => self.add_mention(idx, span),
                    None => {
                        let name = format!("the {role}");
                        self.register_group(SourceType::Anonymous, name, span)
                    }
                })
            }
            Mention::Role(role) => {
                // The person last credited with that role, or else the last
                // name written after that title ("the governor" → "Gov. Dave
                // Heineman"); a description's place or body must be written
                // near their name ("the Vermont senator" is not the senator
                // last named unless "Vermont" stands beside that name).
                let modifiers = modifiers(text);
                // A name with a party tag fits by its tag's state alone
                // ("R-Ky." for "the Kentucky Republican").
                let fits = |name: &str| match self.party_tags.get(name) {
                    Some(tag) if !modifiers.is_empty() => modifiers.iter().all(|m| {
                        let state = tag.trim_end_matches('.');
                        tag_forms(m).iter().any(|f| state.ends_with(f.as_str()))
                    }),
                    _ => self.written_near(name, &modifiers),
                };
                let person = self
                    .people_by_role
                    .get(&role)
                    .and_then(|people| {
                        people
                            .iter()
                            .rev()
                            .find(|p| p.0 < span.start && fits(&self.sources[p.1].name))
                    })
                    .copied();
                let titled = self
                    .titled
                    .get(&role)
                    .and_then(|names| {
                        // A role is a person's: not "National Committee"
                        // after "Democratic".
                        names.iter().rev().find(|n| {
                            n.0 < span.start
                                && fits(&n.1)
                                && matches!(
                                    classify(&n.1),
                                    Mention::Named {
                                        kind: SourceType::Person,
                                        ..
                                    }
                                )
                        })
                    })
                    .cloned();
                match (person, titled) {
                    (Some((pos, idx)), Some((tpos, _))) if pos >= tpos => {
                        Some(self.add_mention(idx, span))
                    }
                    (_, Some((_, name))) => self.person(name, vec![role], span),
                    (Some((_, idx)), None) => Some(self.add_mention(idx, span)),
                    (None, None) => {
                        // (Named by its head: "the Kentucky Republican, who
                        // served for decades…" is "the Kentucky Republican".)
                        let head = text.split(',').next().unwrap_or(text).trim();
                        Some(self.register(SourceType::Unknown, head.to_string(), span))
                    }
                }
            }
        }
    }

    /// A person's name as written ("Witkoff"), completed and registered; a
    /// place that reads like a name ("Washington", "Kyiv", "Saudi Arabia")
    /// stands for its government: an organisation, never a person.
    ///
    /// `None` for any other place ("Donetsk"): not a source.
    fn person(&mut self, name: String, roles: Vec<String>, span: ByteSpan) -> Option<usize> {
        let name = match self.read_name(name, !roles.is_empty())? {
            NameReading::Group(kind, full) => return Some(self.register_group(kind, full, span)),
            NameReading::Person(name) => name,
        };
        let idx = self.register(SourceType::Person, name, span);
        self.people.push((span.start, idx));
        for role in roles {
            self.people_by_role
                .entry(role)
                .or_default()
                .push((span.start, idx));
        }
        Some(idx)
    }

    /// What a name as written stands for ([`Self::person`] registers it):
    /// a person (its full form), a body or government, or nothing. A name
    /// given a role ("Chairman X") is never read as a body's.
    fn read_name(&self, name: String, has_roles: bool) -> Option<NameReading> {
        // "Amnesty" after "Amnesty International": a body's short name, when
        // no person has that surname ("Fox" may be Vicente Fox, not Fox News).
        if !name.contains(' ')
            && place(&name).is_none()
            && !self.full_names.contains_key(name.as_str())
            && !self.gender.contains_key(name.as_str())
            && !self.titled.values().flatten().any(|(_, n)| *n == name)
        {
            let body = self
                .full_names
                .values()
                .filter(|f| f.split(' ').next() == Some(name.as_str()))
                .find_map(|f| match classify(f) {
                    Mention::Named {
                        kind: kind @ (SourceType::Organization | SourceType::Outlet),
                        name,
                        ..
                    } => Some((kind, name)),
                    _ => None,
                });
            if let Some((kind, full)) = body {
                return Some(NameReading::Group(kind, full));
            }
        }
        let mut name = self.full_name(&name);
        // "Donald Trump Jr" and "Donald Trump Jr." are one person.
        if name.ends_with(" Jr") || name.ends_with(" Sr") {
            name.push('.');
        }
        // One capitalised word is a name only with support in the article: a
        // full name it belongs to, an honorific or a title before it
        // ("Earlier", "Ferguson" and "Internet" have none).
        if !name.contains(' ') && !self.supported(&name) {
            return match place(&name) {
                Some(Place::Government) => Some(NameReading::Group(SourceType::Organization, name)),
                _ => None,
            };
        }
        match place(&name) {
            Some(Place::Government) => {
                return Some(NameReading::Group(SourceType::Organization, name))
            }
            Some(Place::Other) => return None,
            None => {}
        }
        // The full form may name an outlet or organisation ("News" → "Bloomberg News").
        if let Mention::Named {
            kind, name: full, ..
        } = classify(&name)
        {
            if kind != SourceType::Person && kind != SourceType::Unknown {
                return Some(NameReading::Group(kind, full));
            }
        }
        if !has_roles && self.names_a_body(&name) {
            return Some(NameReading::Group(SourceType::Organization, name));
        }
        Some(NameReading::Person(name))
    }

    /// An unnamed source's description opens lowercase ("officials familiar
    /// with…" from "Officials familiar with…" opening a sentence), unless its
    /// first word is a name: the article writes it capitalised inside a
    /// sentence ("Pentagon officials", "Trump aides").
    fn proper_case(&self, name: String) -> String {
        let Some(first) = name
            .split(' ')
            .next()
            .filter(|w| w.starts_with(char::is_lowercase))
        else {
            return name;
        };
        let capital_form = capitalise(first);
        // "manuel's lawyers": the owner's name without the possessive.
        let capital = capital_form
            .strip_suffix("'s")
            .or_else(|| capital_form.strip_suffix("’s"))
            .unwrap_or(&capital_form)
            .to_string();
        if is_not_name(&capital)
            || ANONYMOUS_NOUNS.contains(&first)
            || ROLE_WORDS.contains(&first)
            || TITLES.contains(first)
        {
            return name;
        }
        // The surname of a person the article names in full, from a given
        // name ("Clinton supporters" after "Hillary Clinton"; not "Foundation
        // officials" after "Bill & Melinda Gates Foundation"), or a word the
        // article writes capitalised after a lowercase word: inside a
        // sentence, not a title-case heading.
        let toks = &self.doc.tokens;
        let surname = !ORG_NOUNS.contains(&capital)
            && self
                .full_names
                .get(&capital)
                .is_some_and(|full| full.split(' ').next().is_some_and(is_given_name));
        let inside_a_sentence = || {
            (1..toks.len()).any(|t| {
                toks[t].kind == TokenKind::Word
                    && self.doc.token_text(t) == capital
                    && self.doc.token_text(t - 1).starts_with(char::is_lowercase)
            })
        };
        if surname || inside_a_sentence() {
            format!("{capital_form}{}", &name[first.len()..])
        } else {
            name
        }
    }

    /// Whether a capitalised run read as a person's name names a body or a
    /// thing instead ("Planned Parenthood", "Homeland Security", "Black Lives
    /// Matter", "Reparative Therapy"): it has no given name, the article also
    /// writes its last word in lowercase (a common noun: "security",
    /// "therapy"), and never writes that word alone the way a surname is
    /// ("Cook said" after "Tim Cook"), nor calls it "he" or "she".
    fn names_a_body(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        let [.., before_last, last] = words[..] else {
            return false;
        };
        if words.iter().any(|w| is_given_name(w)) || self.gender.contains_key(last) {
            return false;
        }
        let lower = last.to_lowercase();
        let toks = &self.doc.tokens;
        let mut common_noun = false;
        for (t, tok) in toks.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let w = self.doc.token_text(t);
            if w == lower {
                common_noun = true;
            } else if w == last && (t == 0 || self.doc.token_text(t - 1) != before_last) {
                return false;
            }
        }
        common_noun
    }

    /// Whether the one-word name `w` is part of a longer name in the
    /// article, or written after an honorific or a title.
    fn supported(&self, w: &str) -> bool {
        self.full_names.contains_key(w)
            || self.gender.contains_key(w)
            || self
                .full_names
                .values()
                .any(|f| f.split(' ').next() == Some(w))
            || self.titled.values().flatten().any(|(_, n)| n == w)
    }

    fn register_group(&mut self, kind: SourceType, name: String, span: ByteSpan) -> usize {
        let name = if kind == SourceType::Anonymous {
            self.proper_case(name)
        } else {
            name
        };
        // "NRA" after "the National Rifle Association" (or the reverse): one
        // body under its first name.
        if matches!(kind, SourceType::Organization | SourceType::Outlet) {
            let same_body = self.sources.iter().position(|s| {
                s.kind == kind
                    && s.name != name
                    && (is_acronym_of(&name, &s.name) || is_acronym_of(&s.name, &name))
            });
            if let Some(idx) = same_body {
                // Named by its full name, without what the span ran on to
                // ("Internal Revenue Service targeting of…" → "Internal
                // Revenue Service").
                let (short, long) = if is_acronym_of(&name, &self.sources[idx].name) {
                    (name.clone(), self.sources[idx].name.clone())
                } else {
                    (self.sources[idx].name.clone(), name.clone())
                };
                if let Some(full) = acronym_core(&short, &long) {
                    self.rename(idx, full);
                }
                return self.add_mention(idx, span);
            }
        }
        let idx = self.register(kind, name, span);
        if is_group(kind) {
            self.groups.push((span.start, idx));
        }
        idx
    }

    fn rename(&mut self, idx: usize, name: String) {
        let kind = self.sources[idx].kind;
        let of_kind = self.source_index.entry(kind).or_default();
        if of_kind.contains_key(&name) {
            return;
        }
        of_kind.remove(&self.sources[idx].name);
        of_kind.insert(name.clone(), idx);
        self.sources[idx].name = name;
    }

    /// The unnamed source mentioned last before `span` whose description
    /// holds `head` ("official" in "a high-ranking law enforcement
    /// official"), singular or plural, and no other number than
    /// `description` gives ("the three dissenting judges" are not "ten
    /// judges").
    fn anonymous_with_head(&self, head: &str, description: &str, span: ByteSpan) -> Option<usize> {
        let stem = head.trim_end_matches('s');
        let count = count_in(description);
        // "the Eglin spokeswoman" is not "a spokeswoman for the Coast Guard".
        let modifiers = capitalised_modifiers(description);
        self.groups
            .iter()
            .rev()
            .filter(|g| g.0 < span.start)
            .map(|g| g.1)
            .find(|&i| {
                self.sources[i].kind == SourceType::Anonymous
                    && self.sources[i]
                        .name
                        .split_whitespace()
                        .any(|w| w.trim_end_matches([',', '.']).trim_end_matches('s') == stem)
                    && (count.is_none()
                        || count_in(&self.sources[i].name).is_none_or(|c| Some(c) == count))
                    && modifiers
                        .iter()
                        .all(|m| self.sources[i].name.split_whitespace().any(|w| w == *m))
            })
    }

    /// Whether every one of `modifiers` is written within a few words of
    /// `name`'s surname somewhere in the text ("Vermont Sen. Bernie
    /// Sanders", "Bernie Sanders of Vermont"). True when there are none.
    fn written_near(&self, name: &str, modifiers: &[&str]) -> bool {
        if modifiers.is_empty() {
            return true;
        }
        let text = self.doc.text;
        let surname = name.rsplit(' ').next().unwrap_or(name);
        if surname.is_empty() {
            return false;
        }
        text.match_indices(surname).any(|(at, _)| {
            let mut from = at.saturating_sub(80);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let mut to = (at + surname.len() + 60).min(text.len());
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            let window = &text[from..to];
            // A state may be written in the party tag: "R-Ky." for Kentucky.
            modifiers.iter().all(|m| {
                window.contains(m) || tag_forms(m).iter().any(|f| window.contains(f.as_str()))
            })
        })
    }

    /// What "which" or "that" at `span` refers to, if it can be a source:
    /// the nearest document or organisation noun before it in its sentence
    /// ("a transcript of the call between Witkoff and Ushakov, which shows"),
    /// or an organisation's or outlet's name just before it. A place, a
    /// person or an ordinary noun ("meetings in Kyiv, which aimed") is none.
    fn thing_before(&mut self, span: ByteSpan) -> Option<usize> {
        let doc = self.doc;
        let (t, _) = doc.tokens_in(span)?;
        let sentence_start = doc.sentence_tokens[doc.token_sentence[t]].0;
        for b in (sentence_start.max(t.saturating_sub(30))..t).rev() {
            let w = doc.token_text(b);
            if DOCUMENT_NOUNS.contains(&w) {
                return Some(self.register_group(SourceType::Document, w.to_string(), span));
            }
            if ORG_NOUNS.any_case.contains(&w) {
                return Some(self.register_group(SourceType::Organization, w.to_string(), span));
            }
        }
        let before = self.name_runs.partition_point(|(p, _)| *p < span.start);
        let (pos, name) = self.name_runs.get(before.checked_sub(1)?)?.clone();
        let near = doc.tokens_in(ByteSpan::new(pos, pos + 1))?.0 + 4 >= t;
        match classify(&name) {
            Mention::Named {
                kind: kind @ (SourceType::Organization | SourceType::Outlet | SourceType::Document),
                name,
                ..
            } if near && !is_place(&name) => Some(self.register_group(kind, name, span)),
            _ => None,
        }
    }

    /// The group (organisation, outlet, unnamed people) mentioned last
    /// before `span`.
    fn group_before(&mut self, span: ByteSpan) -> Option<usize> {
        let &(_, idx) = self.groups.iter().rev().find(|g| g.0 < span.start)?;
        Some(self.add_mention(idx, span))
    }

    /// The plural or collective noun phrase right before a "who" at `pos`
    /// (a comma between them allowed), typed as a group: "Democrats",
    /// "major environmental groups", "the larger business community". `None`
    /// when a name or a singular noun is there ("Sen. Warner, who").
    fn group_phrase_before(&self, pos: usize) -> Option<(SourceType, String, usize)> {
        let toks = &self.doc.tokens;
        let mut t = toks
            .partition_point(|tok| tok.span.start < pos)
            .checked_sub(1)?;
        if self.doc.token_text(t) == "," {
            t = t.checked_sub(1)?;
        }
        let end = toks[t].span.end;
        let head = self.doc.token_text(t);
        let lower = head.to_lowercase();
        // A noun for people: listed, or a plural agent noun ("pundits",
        // "protesters", "Republicans", "veterans").
        let group = GROUP_HEADS.contains(&lower.as_str())
            || ANONYMOUS_NOUNS.contains(&lower.as_str()) && lower.ends_with('s')
            || matches!(lower.as_str(), "men" | "women" | "people")
            || lower.len() > 4
                && ["ers", "ors", "ists", "ants", "ents", "ans", "ives", "ees"]
                    .iter()
                    .any(|s| lower.ends_with(s));
        if !group || toks[t].kind != TokenKind::Word {
            return None;
        }
        // The noun's modifiers, back to a function word ("of", "the").
        let mut start = t;
        while start > 0 && t - start < 4 {
            let prev = start - 1;
            let w = self.doc.token_text(prev);
            // A modifier: a capitalised word ("Republican House members")
            // or an adjective by its ending ("major environmental groups");
            // not a verb ("would tell friends").
            let adjective = w.starts_with(char::is_lowercase)
                && [
                    "al", "ic", "ive", "ous", "ary", "ern", "ish", "ian", "or", "ent", "ant",
                    "wing", "ion", "ment", "ity", "ence", "ness",
                ]
                .iter()
                .any(|s| w.ends_with(s));
            if toks[prev].kind != TokenKind::Word
                || is_not_name(&capitalise(&w.to_lowercase()))
                || self.doc.token_sentence[prev] != self.doc.token_sentence[t]
                || !(adjective || w.starts_with(char::is_uppercase))
            {
                break;
            }
            start = prev;
        }
        let phrase = &self.doc.text[toks[start].span.start..end];
        match classify(phrase) {
            Mention::Named {
                kind: kind @ (SourceType::Anonymous | SourceType::Organization),
                name,
                ..
            } => Some((kind, name, toks[start].span.start)),
            _ => None,
        }
    }

    /// The name a personal pronoun at `pos` most likely refers to: the last
    /// person's name earlier in its own sentence, else the first one of the
    /// nearest earlier sentence that has one (the subject, usually: in
    /// "Amarjit Singh … was friends with Mr. Rahami at Edison High School.
    /// The person he knew, he said", "he" is Singh). Names that are places,
    /// organisations or outlets are skipped.
    fn person_run_before(&self, pos: usize, pronoun: &str) -> Option<(usize, String)> {
        let before = self.name_runs.partition_point(|(p, _)| *p < pos);
        let sentence_of = |p: usize| {
            let t = self.doc.tokens.partition_point(|tok| tok.span.start < p);
            self.doc.token_sentence.get(t).copied()
        };
        let here = sentence_of(pos);
        // A likely name: two words, or the surname of one ("Rahami" after
        // "Ahmad Khan Rahami"), or after an honorific; not "Monday", not a
        // capitalised sentence opener.
        let mut runs = (before.saturating_sub(40)..before)
            .rev()
            .filter(|&r| self.person_like(r))
            .map(|r| &self.name_runs[r])
            .filter(|(_, n)| self.compatible(n, pronoun));
        let last = runs.next()?;
        let last_sentence = sentence_of(last.0);
        if last_sentence == here {
            return Some(last.clone());
        }
        // The first person's name of that earlier sentence.
        let mut first = last;
        for run in runs {
            if sentence_of(run.0) != last_sentence {
                break;
            }
            first = run;
        }
        Some(first.clone())
    }

    /// Whether name run `r` is likely a person's name: two words, or the
    /// surname of a longer name ("Rahami" after "Ahmad Khan Rahami"), or
    /// after an honorific; typed a person; not a place ("Monday" and
    /// sentence openers are not in a run). Classifying is not cheap and a
    /// pronoun looks back over many runs, so each run is classified once.
    fn person_like(&self, r: usize) -> bool {
        *self.run_is_person[r].get_or_init(|| {
            let name = self.name_runs[r].1.as_str();
            let last = name.rsplit(' ').next().unwrap_or(name);
            (name.contains(' ')
                || self.full_names.contains_key(last)
                || self.gender.contains_key(last))
                && !is_place(name)
                && matches!(
                    classify(name),
                    Mention::Named {
                        kind: SourceType::Person,
                        ..
                    }
                )
                && !is_place(&self.full_name(name))
        })
    }

    fn add_mention(&mut self, idx: usize, span: ByteSpan) -> usize {
        self.sources[idx].mentions.push(span);
        // A body or group mentioned again is the latest one "they" can mean.
        if is_group(self.sources[idx].kind) && self.groups.last().is_none_or(|g| g.0 < span.start) {
            self.groups.push((span.start, idx));
        }
        idx
    }
}

/// The number a description gives its people, as written ("three" in "the
/// three witnesses", "12" in "12 senators"), lowercase.
fn count_in(description: &str) -> Option<String> {
    description.split_whitespace().find_map(|w| {
        let w = w.to_lowercase();
        (CARDINALS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit())).then_some(w)
    })
}

/// The places a description names, as written: "Vermont" in "The Vermont
/// senator", "New York City" in "the New York City mayor". Two descriptions
/// of one person share them, and a person so described has the place
/// written beside their name.
fn modifiers(description: &str) -> Vec<&str> {
    let words: Vec<(usize, &str)> = description
        .split_whitespace()
        .map(|w| {
            let at = w.as_ptr() as usize - description.as_ptr() as usize;
            (at, w.trim_end_matches([',', '.', ':', ';']))
        })
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The longest run of up to three capitalised words from `i` that is a place.
        let run = (1..=3.min(words.len() - i)).rev().find(|&n| {
            let (first, last) = (words[i], words[i + n - 1]);
            words[i..i + n]
                .iter()
                .all(|w| w.1.starts_with(char::is_uppercase))
                && is_place(&description[first.0..last.0 + last.1.len()])
        });
        match run {
            Some(n) => {
                let (first, last) = (words[i], words[i + n - 1]);
                found.push(&description[first.0..last.0 + last.1.len()]);
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// The capitalised words of a description after its determiner, other than
/// titles: "Eglin" in "the Eglin spokeswoman". An unnamed source described
/// again keeps them ("the White House official" after "a senior White House
/// official").
fn capitalised_modifiers(description: &str) -> Vec<&str> {
    description
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            (
                i,
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
            )
        })
        .filter(|&(i, w)| {
            w.starts_with(char::is_uppercase)
                && !(i == 0 && matches!(w, "The" | "A" | "An" | "This" | "That"))
                && !TITLES.contains(w)
        })
        .map(|(_, w)| w)
        .collect()
}
