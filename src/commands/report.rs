//! `credence report OUT/`: re-render report.md from OUT/'s extraction and
//! the config in its run.json.

use super::{output, saved};
use crate::args::ReportArgs;
use credence_report::{chart, markdown};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let extractions = saved::read_extractions(&args.dir)?;
    let info = saved::read_run_info(&args.dir)?.unwrap_or_default();
    let config = saved::run_config(&args.dir, Some(&info))?;
    let scores = credence_score::score(&extractions, &config)?;
    let out = output::Staging::new(&args.dir)?;
    let mut context = saved::context(&info);
    if let Some(svg) = chart::outlets_svg(&scores) {
        out.write("outlets.svg", |w| w.write_all(svg.as_bytes()))?;
        context.chart = Some("outlets.svg".to_string());
    }
    let report = markdown::report(&extractions, &scores, &config, &context);
    out.write("report.md", |w| w.write_all(report.as_bytes()))?;
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}
