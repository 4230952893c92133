//! `credence diff BASE/ NEW/`: what changed between two runs. Markdown to
//! stdout (or `-o FILE`), CSV with `--csv`; `--fail-above DELTA` exits 1 when
//! any article's reliability moved by more than DELTA points.

use super::saved;
use crate::args::DiffArgs;
use anyhow::Context;
use credence_report::diff::{diff, Run};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn read_run(dir: &Path) -> anyhow::Result<Run> {
    let open = |name: &str| {
        let p = dir.join(name);
        File::open(&p).with_context(|| format!("opening {}", p.display()))
    };
    let info = saved::read_run_info(dir)?;
    let config = match &info {
        Some(_) => Some(saved::run_config(dir, info.as_ref())?),
        None => None,
    };
    Run::read(
        &dir.display().to_string(),
        open("articles.csv")?,
        open("outlets.csv")?,
        config,
    )
    .with_context(|| format!("reading the run in {}", dir.display()))
}

pub fn run(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let d = diff(&read_run(&args.base)?, &read_run(&args.new)?);
    let mut buf = Vec::new();
    if args.csv {
        d.write_csv(&mut buf)?;
    } else {
        buf.extend_from_slice(d.markdown().as_bytes());
    }
    match &args.out {
        Some(p) => std::fs::write(p, &buf).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(&buf)?,
    }
    if let Some(limit) = args.fail_above {
        if d.max_move() > limit {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "reliability moved by up to {:.2} points (limit {limit})",
                    d.max_move()
                );
            }
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}
