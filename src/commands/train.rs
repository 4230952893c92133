//! `credence train --gold DIR CORPUS... -o MODEL`: train the attribution tagger.

use super::input;
use crate::args::TrainArgs;
use anyhow::Context;
use credence_extract::brat::{ann_files, parse_ann};
use credence_extract::model::train::{train, Annotated, TrainOptions};
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
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        data.push(Annotated {
            text: article.text,
            gold: parse_ann(&text),
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
