//! `credence diff BASE/ NEW/`: what changed between two runs. Markdown to
//! stdout (or `-o FILE`), CSV with `--csv`; `--fail-above DELTA` exits 1 when
//! any article's reliability moved by more than DELTA points.

use super::saved;
use crate::args::DiffArgs;
use crate::exit::{self, BadInput};
use anyhow::Context;
use credence_report::diff::{diff, Run};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn read_run(dir: &Path) -> anyhow::Result<Run> {
    let open = |name: &str| {
        let p = dir.join(name);
        File::open(&p).with_context(|| {
            BadInput(format!(
                "opening {} (is {} a run directory?)",
                p.display(),
                dir.display()
            ))
        })
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
    .with_context(|| BadInput(format!("reading the run in {}", dir.display())))
}

pub fn run(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let d = diff(&read_run(&args.base)?, &read_run(&args.new)?);
    let mut buf = Vec::new();
    if args.csv {
        d.write_csv(&mut buf)?;
    } else {
        buf.extend_from_slice(d.markdown(args.top).as_bytes());
    }
    match &args.out {
        Some(p) => std::fs::write(p, &buf).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(&buf)?,
    }
    if let Some(why) = args.fail_above.and_then(|limit| d.gate(limit)) {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("gate tripped: {why}");
        }
        return Ok(ExitCode::from(exit::GATE));
    }
    Ok(ExitCode::SUCCESS)
}
