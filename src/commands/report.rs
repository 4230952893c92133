//! `credence report OUT/`: re-render report.md from OUT/'s extraction and
//! the config in its run.json.

use super::{output, saved};
use crate::args::ReportArgs;
use std::process::ExitCode;

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let keep: Vec<&str> = output::OUTPUT_FILES
        .iter()
        .copied()
        .filter(|&f| {
            ![
                "report.md",
                "report.html",
                "outlets.svg",
                "distribution.svg",
                "components.svg",
            ]
            .contains(&f)
        })
        // A workbook is rewritten when asked for, kept otherwise.
        .filter(|&f| !(args.report.xlsx && f == "report.xlsx"))
        .collect();
    let out = output::Staging::new(&args.dir, &keep)?;
    let extractions = saved::read_extractions(&args.dir)?;
    let info = saved::read_run_info(&args.dir)?.unwrap_or_default();
    let config = saved::run_config(&args.dir, Some(&info))?;
    let scores = credence_score::score(&extractions, &config)?;
    output::write_report(&out, &extractions, &scores, &config, &info, &args.report)?;
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}
