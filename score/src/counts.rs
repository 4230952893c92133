//! The per-article counts table: how many claims, quotes, attributions and
//! sources each article has, and how many of them are of each kind.
//!
//! Built with polars from one row per extracted item (claims, quotes,
//! attributions, sources), grouped by article and joined onto the articles,
//! so that every component is a ratio of two of these counts.

use crate::corroboration::{ClaimRef, Corroboration, Relation};
use credence_extract::extraction::SentenceKind;
use credence_extract::Extraction;
use credence_extract::SourceType;
use polars::prelude::*;

/// Columns of the counts table after `article` (the article's index), in order.
pub const COUNT_COLUMNS: &[&str] = &[
    "words",
    "sentences",
    "claims",
    "claims_attributed",
    "claims_hedged_unsourced",
    "claims_checkworthy",
    "claims_corroborated",
    "claims_conflicted",
    "quotes",
    "quote_words",
    "attributions",
    "attributions_named",
    "attributions_anonymous",
    "attributions_typed",
    "sources_named",
    "sources_anonymous",
];

/// Rows of one item table, column by column.
struct Items {
    article: Vec<u32>,
    columns: Vec<(&'static str, Vec<u32>)>,
}

impl Items {
    fn new(columns: &[&'static str]) -> Items {
        Items {
            article: Vec::new(),
            columns: columns.iter().map(|&c| (c, Vec::new())).collect(),
        }
    }

    fn push(&mut self, article: usize, values: &[u32]) {
        self.article.push(article as u32);
        for ((_, column), &v) in self.columns.iter_mut().zip(values) {
            column.push(v);
        }
    }

    /// Sum every column per article.
    fn per_article(self) -> PolarsResult<LazyFrame> {
        let names: Vec<&str> = self.columns.iter().map(|(n, _)| *n).collect();
        let mut columns = vec![Column::new("article".into(), self.article)];
        columns.extend(
            self.columns
                .into_iter()
                .map(|(n, v)| Column::new(n.into(), v)),
        );
        Ok(DataFrame::new_infer_height(columns)?
            .lazy()
            .group_by([col("article")])
            .agg(names.iter().map(|&n| col(n).sum()).collect::<Vec<_>>()))
    }
}

fn flag(b: bool) -> u32 {
    u32::from(b)
}

/// The counts table: `article` then [`COUNT_COLUMNS`], one row per
/// extraction, in input order.
pub fn counts(
    extractions: &[Extraction],
    corroboration: &Corroboration,
) -> PolarsResult<DataFrame> {
    let mut claims = Items::new(&COUNT_COLUMNS[2..8]);
    let mut quotes = Items::new(&COUNT_COLUMNS[8..10]);
    let mut attributions = Items::new(&COUNT_COLUMNS[10..14]);
    let mut sources = Items::new(&COUNT_COLUMNS[14..16]);
    let (mut index, mut words, mut sentences) = (Vec::new(), Vec::new(), Vec::new());
    for (a, e) in extractions.iter().enumerate() {
        index.push(a as u32);
        words.push(e.words as u32);
        sentences.push(
            e.sentences
                .iter()
                .filter(|s| matches!(s.kind, SentenceKind::Statement | SentenceKind::Question))
                .count() as u32,
        );
        for (c, claim) in e.claims.iter().enumerate() {
            let matches = corroboration.matches_of(ClaimRef {
                article: a,
                claim: c,
            });
            let has = |r: Relation| matches.iter().any(|m| m.relation == r);
            claims.push(
                a,
                &[
                    1,
                    flag(claim.attributed),
                    flag(claim.hedged && !claim.attributed),
                    flag(claim.checkworthy),
                    flag(has(Relation::Corroborates)),
                    flag(has(Relation::Conflicts)),
                ],
            );
        }
        for q in &e.quotes {
            quotes.push(a, &[1, q.words as u32]);
        }
        for at in &e.attributions {
            let kind = at.source.map_or(SourceType::Unknown, |s| e.sources[s].kind);
            let (named, anonymous) = (kind.is_named(), kind == SourceType::Anonymous);
            attributions.push(
                a,
                &[1, flag(named), flag(anonymous), flag(named || anonymous)],
            );
        }
        for s in &e.sources {
            sources.push(
                a,
                &[
                    flag(s.kind.is_named()),
                    flag(s.kind == SourceType::Anonymous),
                ],
            );
        }
    }
    let articles = DataFrame::new_infer_height(vec![
        Column::new("article".into(), index),
        Column::new("words".into(), words),
        Column::new("sentences".into(), sentences),
    ])?;
    let mut lf = articles.lazy();
    for items in [claims, quotes, attributions, sources] {
        lf = lf.join(
            items.per_article()?,
            [col("article")],
            [col("article")],
            JoinArgs::new(JoinType::Left),
        );
    }
    lf.with_columns(
        COUNT_COLUMNS
            .iter()
            .map(|&c| col(c).fill_null(lit(0)).cast(DataType::UInt32))
            .collect::<Vec<_>>(),
    )
    .sort(["article"], SortMultipleOptions::default())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corroboration::ClaimMatch;
    use credence_extract::{extract_article, Article, Tagger};

    fn article(id: &str, text: &str) -> Extraction {
        let a = Article {
            id: id.into(),
            outlet: id.into(),
            text: text.into(),
            ..Article::default()
        };
        extract_article(&a, Tagger::embedded())
    }

    fn column(frame: &DataFrame, name: &str) -> Vec<u32> {
        frame
            .column(name)
            .unwrap()
            .u32()
            .unwrap()
            .into_no_null_iter()
            .collect()
    }

    #[test]
    fn every_count_is_a_count_of_extracted_items() {
        let extractions = [
            article(
                "a",
                "\"We will meet on Monday,\" Steve Witkoff said in Moscow. \
                 Officials said the talks in Geneva went well. \
                 The plan reportedly has 28 points.",
            ),
            // A heading alone: no claims, quotes or attributions.
            article("b", "Weather report"),
        ];
        let a = &extractions[0];
        let corroborated = ClaimRef {
            article: 0,
            claim: 0,
        };
        // (The match's other side need not exist for counting.)
        let other = ClaimRef {
            article: 1,
            claim: 0,
        };
        let corroboration = Corroboration {
            matches: vec![ClaimMatch {
                claim: corroborated,
                other,
                similarity: 0.9,
                confidence: 0.9,
                relation: Relation::Corroborates,
            }],
            ..Corroboration::default()
        };
        let frame = counts(&extractions, &corroboration).unwrap();
        assert_eq!(frame.height(), 2);
        let expect = |name: &str, a_value: usize| {
            assert_eq!(column(&frame, name)[0], a_value as u32, "{name}");
        };
        expect("words", a.words);
        expect("claims", a.claims.len());
        expect(
            "claims_attributed",
            a.claims.iter().filter(|c| c.attributed).count(),
        );
        expect(
            "claims_hedged_unsourced",
            a.claims
                .iter()
                .filter(|c| c.hedged && !c.attributed)
                .count(),
        );
        expect(
            "claims_checkworthy",
            a.claims.iter().filter(|c| c.checkworthy).count(),
        );
        expect("claims_corroborated", 1);
        expect("claims_conflicted", 0);
        expect("quotes", a.quotes.len());
        expect("quote_words", a.quotes.iter().map(|q| q.words).sum());
        expect("attributions", a.attributions.len());
        let kinds: Vec<SourceType> = a
            .attributions
            .iter()
            .map(|at| at.source.map_or(SourceType::Unknown, |s| a.sources[s].kind))
            .collect();
        expect(
            "attributions_named",
            kinds.iter().filter(|k| k.is_named()).count(),
        );
        expect(
            "attributions_anonymous",
            kinds
                .iter()
                .filter(|&&k| k == SourceType::Anonymous)
                .count(),
        );
        expect(
            "sources_named",
            a.sources.iter().filter(|s| s.kind.is_named()).count(),
        );
        // The example holds what each count needs to be non-trivial.
        assert!(a.quotes.len() == 1 && a.claims.len() == 3);
        assert!(kinds.contains(&SourceType::Person) && kinds.contains(&SourceType::Anonymous));
        // An article with nothing gets zeros, not nulls.
        assert!(extractions[1].attributions.is_empty() && extractions[1].claims.is_empty());
        assert_eq!(column(&frame, "attributions")[1], 0);
        assert_eq!(column(&frame, "claims")[1], 0);
        assert_eq!(column(&frame, "quotes")[1], 0);
        assert_eq!(column(&frame, "claims_corroborated")[1], 0);
    }
}
