//! `credence diff BASE/ NEW/`: what changed between two runs. Markdown to
//! stdout (or `-o FILE`), CSV with `--csv`; `--fail-above DELTA` exits 1 when
//! any article's reliability moved by more than DELTA points.

use super::saved;
use crate::args::DiffArgs;
use crate::exit;
use anyhow::Context;
use credence_report::diff::diff;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let d = diff(&saved::read_run(&args.base)?, &saved::read_run(&args.new)?);
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
