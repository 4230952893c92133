//! Resolving source mentions within one article: pronouns to the person meant,
//! role descriptions ("the American envoy") to the person who carried that
//! title, surnames to full names, and every mention of one source to one
//! canonical entry.

use super::typing::{classify, Mention};
use crate::extraction::SourceType;
use crate::lexicon::names::TITLES;
use crate::text::{ByteSpan, Doc, TokenKind};
use std::collections::{BTreeMap, HashMap};

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
}

/// Title words are not part of a name run ("President Donald Trump" → "Donald Trump").
fn is_title(w: &str) -> bool {
    w == "The" || TITLES.contains(w)
}

impl<'a> Resolver<'a> {
    /// Index the names of `doc`.
    pub fn new(doc: &'a Doc<'a>) -> Self {
        let mut full_names: BTreeMap<String, String> = BTreeMap::new();
        let mut name_runs = Vec::new();
        let toks = &doc.tokens;
        let mut i = 0;
        while i < toks.len() {
            let cap = |t: usize| {
                let s = doc.token_text(t);
                toks[t].kind == TokenKind::Word
                    && s.chars().next().is_some_and(char::is_uppercase)
                    && !is_title(s)
            };
            if !cap(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len()
                && cap(j)
                && doc.token_sentence[j] == doc.token_sentence[i]
                && j - i < 4
            {
                j += 1;
            }
            let words: Vec<&str> = (i..j).map(|t| doc.token_text(t)).collect();
            let name = words.join(" ");
            if words.len() >= 2 {
                let last = words[words.len() - 1].to_string();
                let e = full_names.entry(last).or_insert_with(|| name.clone());
                if words.len() > e.split(' ').count() {
                    *e = name.clone();
                }
            }
            name_runs.push((toks[i].span.start, name));
            i = j;
        }
        Resolver {
            doc,
            full_names,
            name_runs,
            sources: Vec::new(),
            source_index: HashMap::new(),
            people: Vec::new(),
            people_by_role: HashMap::new(),
            groups: Vec::new(),
        }
    }

    /// The full form of a person's name ("Witkoff" → "Steve Witkoff").
    fn full_name(&self, name: &str) -> String {
        let last = name.rsplit(' ').next().unwrap_or(name);
        match self.full_names.get(last) {
            Some(full)
                if full.split(' ').count() > name.split(' ').count() && full.ends_with(name) =>
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

    /// Resolve the source mention at `span`; returns its source index.
    pub fn resolve(&mut self, span: ByteSpan) -> usize {
        let text = span.slice(self.doc.text);
        match classify(text) {
            Mention::Named {
                kind: SourceType::Person,
                name,
                roles,
            } => {
                let name = self.full_name(&name);
                // The full form may name an outlet or organisation ("News" → "Bloomberg News").
                if let Mention::Named {
                    kind, name: full, ..
                } = classify(&name)
                {
                    if kind != SourceType::Person && kind != SourceType::Unknown {
                        return self.register(kind, full, span);
                    }
                }
                let idx = self.register(SourceType::Person, name, span);
                self.people.push((span.start, idx));
                for role in roles {
                    self.people_by_role
                        .entry(role)
                        .or_default()
                        .push((span.start, idx));
                }
                idx
            }
            Mention::Named { kind, name, .. } => {
                let idx = self.register(kind, name, span);
                if matches!(
                    kind,
                    SourceType::Organization | SourceType::Anonymous | SourceType::Outlet
                ) {
                    self.groups.push((span.start, idx));
                }
                idx
            }
            Mention::PersonPronoun | Mention::Relative => {
                // The person mentioned last before the pronoun: a person source,
                // or (for "who" and for pronouns with no earlier source) a name in the text.
                let source = self
                    .people
                    .iter()
                    .rev()
                    .find(|p| p.0 < span.start)
                    .map(|p| (p.0, p.1));
                // Name runs are in text order.
                let before = self.name_runs.partition_point(|(pos, _)| *pos < span.start);
                let run = before.checked_sub(1).map(|r| self.name_runs[r].clone());
                let relative = matches!(classify(text), Mention::Relative);
                match (source, run) {
                    (Some((pos, idx)), Some((rpos, _))) if !relative || pos >= rpos => {
                        self.add_mention(idx, span)
                    }
                    (_, Some((_, name))) if relative || source.is_none() => {
                        let mention = classify(&name);
                        match mention {
                            Mention::Named { kind, name, .. } if kind != SourceType::Unknown => {
                                let name = if kind == SourceType::Person {
                                    self.full_name(&name)
                                } else {
                                    name
                                };
                                let idx = self.register(kind, name, span);
                                if kind == SourceType::Person {
                                    self.people.push((span.start, idx));
                                }
                                idx
                            }
                            _ => self.register(SourceType::Unknown, text.trim().to_string(), span),
                        }
                    }
                    (Some((_, idx)), _) => self.add_mention(idx, span),
                    _ => self.register(SourceType::Unknown, text.trim().to_string(), span),
                }
            }
            Mention::GroupPronoun => match self.groups.iter().rev().find(|g| g.0 < span.start) {
                Some(&(_, idx)) => self.add_mention(idx, span),
                None => self.register(SourceType::Unknown, text.trim().to_string(), span),
            },
            Mention::Role(role) => {
                let person = self
                    .people_by_role
                    .get(&role)
                    .and_then(|people| people.iter().rev().find(|p| p.0 < span.start))
                    .map(|p| p.1);
                match person {
                    Some(idx) => self.add_mention(idx, span),
                    None => self.register(SourceType::Unknown, text.trim().to_string(), span),
                }
            }
        }
    }

    fn add_mention(&mut self, idx: usize, span: ByteSpan) -> usize {
        self.sources[idx].mentions.push(span);
        idx
    }
}
