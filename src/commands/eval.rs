//! `credence eval --gold DIR CORPUS...`: extraction quality against brat annotations.

use super::input;
use crate::args::EvalArgs;
use anyhow::Context;
use credence_extract::brat::{ann_files, parse_ann, GoldAttribution};
use credence_extract::doc::Doc;
use credence_extract::eval::Evaluation;
use credence_extract::model::Model;
use credence_extract::span::CharIndex;
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    input::threads(args.input.threads)?;
    let corpus = input::read(&args.input)?;
    let anns = ann_files(&args.gold)?;
    let loaded;
    let model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            loaded = Model::from_bytes(&bytes)
                .ok_or_else(|| credence_extract::ExtractError::BadModel { path: path.clone() })?;
            &loaded
        }
        None => Model::embedded(),
    };
    let pairs: Vec<_> = corpus
        .articles
        .iter()
        .filter_map(|a| anns.get(&a.id).map(|p| (a, p)))
        .collect();
    anyhow::ensure!(
        !pairs.is_empty(),
        "no article in the corpus has a .ann file in {}",
        args.gold.display()
    );
    if let Some(dir) = &args.write_ann {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let scored: Vec<anyhow::Result<Evaluation>> = pairs
        .par_iter()
        .map(|(article, path)| {
            let ann = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let gold = parse_ann(&ann);
            let doc = Doc::new(&article.text);
            let idx = CharIndex::new(&article.text);
            let predicted: Vec<GoldAttribution> =
                credence_extract::extract::attribution_spans(&doc, model)
                    .into_iter()
                    .map(|a| GoldAttribution {
                        source: a.source.map(|s| idx.span_to_chars(s)),
                        cue: a.cue.map(|s| idx.span_to_chars(s)),
                        content: a.content.map(|s| idx.span_to_chars(s)),
                    })
                    .collect();
            if let Some(dir) = &args.write_ann {
                let path = dir.join(format!("{}.ann", article.id));
                std::fs::write(&path, to_ann(&article.text, &predicted))
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            let mut e = Evaluation::default();
            e.add_article(&gold, &predicted);
            Ok(e)
        })
        .collect();
    let mut total = Evaluation::default();
    for e in scored {
        total.merge(&e?);
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &total)?;
        writeln!(out)?;
    } else {
        credence_report::eval::write_markdown(&mut out, &total)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Predictions in brat standoff form (character offsets).
fn to_ann(text: &str, predicted: &[GoldAttribution]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut t = 0;
    for (e, a) in predicted.iter().enumerate() {
        let mut args = Vec::new();
        for (role, span) in [("Source", a.source), ("Cue", a.cue), ("Content", a.content)] {
            let Some(span) = span else { continue };
            t += 1;
            let excerpt: String = chars[span.start..span.end]
                .iter()
                .map(|&c| if c == '\n' { ' ' } else { c })
                .collect();
            out.push_str(&format!(
                "T{t}\t{role} {} {}\t{excerpt}\n",
                span.start, span.end
            ));
            args.push(format!("{role}:T{t}"));
        }
        out.push_str(&format!("E{}\tAttribution {}\n", e + 1, args.join(" ")));
    }
    out
}
