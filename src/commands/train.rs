//! `credence train --gold DIR CORPUS... -o MODEL`: train the attribution tagger.

use super::input;
use crate::args::TrainArgs;
use anyhow::Context;
use credence_extract::eval::brat::{ann_files, read_ann};
use credence_extract::tagger::train::{train, Annotated, TrainOptions};
use std::process::ExitCode;

pub fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let corpus = input::read(&args.input)?;
    // One annotator per article (the first in sorted order, as `eval` does):
    // training on every annotator's version measured slightly worse on dev.
    let anns = ann_files(&args.gold)?;
    let mut data = Vec::new();
    for article in corpus.articles {
        let Some(path) = anns.get(&article.id) else {
            continue;
        };
        data.push(Annotated {
            gold: read_ann(path)?,
            text: article.text,
        });
    }
    anyhow::ensure!(
        !data.is_empty(),
        "no article in the corpus has a .ann file in {}",
        args.gold.display()
    );
    let model = train(
        &data,
        TrainOptions {
            epochs: args.epochs,
            ..TrainOptions::default()
        },
    );
    std::fs::write(&args.out, model.to_bytes())
        .with_context(|| format!("writing {}", args.out.display()))?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "trained on {} articles: {} + {} cue features, {} + {} role features (labels + transitions), {} lexicon words -> {}",
            data.len(),
            model.cue.features(),
            model.cue_transitions.features(),
            model.role.features(),
            model.role_transitions.features(),
            model.lexicon.len(),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
