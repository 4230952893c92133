//! Turning input arguments into a read corpus.

use crate::args::InputArgs;
use anyhow::Context;
use credence_extract::corpus::{read_corpus, Corpus, FieldNames, ReadOptions};

/// Read options from the arguments.
pub fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions {
        fields: FieldNames {
            id: args.id_field.clone(),
            outlet: args.outlet_field.clone(),
            url: args.url_field.clone(),
            published: args.published_field.clone(),
            title: args.title_field.clone(),
            text: args.text_field.clone(),
        },
        keep_going: args.keep_going,
        max_article_bytes: (args.max_article_mb as usize) << 20,
    }
}

/// Read the corpus named by the arguments.
pub fn read(args: &InputArgs) -> anyhow::Result<Corpus> {
    read_corpus(&args.corpus, &read_options(args)).context("reading the corpus")
}

/// Configure the global thread pools: rayon's (extraction, corroboration)
/// and polars' (read once, at its first use, from `POLARS_MAX_THREADS`).
/// `None` or 0: all cores.
pub fn threads(threads: Option<u16>) -> anyhow::Result<()> {
    if let Some(n) = threads.filter(|&n| n > 0) {
        // Still single-threaded here: no pool has started.
        std::env::set_var("POLARS_MAX_THREADS", n.to_string());
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .context("configuring threads")?;
    }
    Ok(())
}
