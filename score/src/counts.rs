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
