//! The `credence eval` table.

use credence_extract::eval::sources::SourceEvaluation;
use credence_extract::eval::{Counts, Evaluation};
use std::io::{self, Write};

fn cells(c: Counts) -> String {
    format!("{:.3} | {:.3} | {:.3}", c.precision(), c.recall(), c.f1())
}

/// Write the evaluation as a Markdown table.
pub fn write_markdown(w: &mut impl Write, e: &Evaluation) -> io::Result<()> {
    writeln!(w, "Articles scored: {}", e.articles)?;
    writeln!(w)?;
    writeln!(w, "| span | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | gold | predicted |")?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    for (name, exact, overlap) in e.rows() {
        writeln!(
            w,
            "| {name} | {} | {} | {} | {} |",
            cells(exact),
            cells(overlap),
            exact.gold,
            exact.predicted
        )?;
    }
    let r = e.relation;
    writeln!(w)?;
    writeln!(w, "| relation | P | R | F1 | gold | predicted |")?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|")?;
    writeln!(
        w,
        "| attribution (source + content overlap) | {} | {} | {} |",
        cells(r),
        r.gold,
        r.predicted
    )?;
    Ok(())
}

/// Write the typed-source evaluation as Markdown; with `errors`, each
/// article's missed and extra sources after the tables.
pub fn write_sources_markdown(
    w: &mut impl Write,
    e: &SourceEvaluation,
    errors: bool,
) -> io::Result<()> {
    writeln!(w, "Articles scored: {}", e.articles)?;
    writeln!(w)?;
    writeln!(w, "| sources | P | R | F1 | gold | predicted |")?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|")?;
    for (name, c) in [("by name", e.sources), ("typed (name and type)", e.typed)] {
        writeln!(
            w,
            "| {name} | {} | {} | {} |",
            cells(c),
            c.gold,
            c.predicted
        )?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "| gold type | recall (typed) | precision (typed) | gold | predicted |"
    )?;
    writeln!(w, "|---|---:|---:|---:|---:|")?;
    for (kind, c) in &e.by_type {
        writeln!(
            w,
            "| {kind} | {:.3} | {:.3} | {} | {} |",
            c.recall(),
            c.precision(),
            c.gold,
            c.predicted
        )?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "Attributions per matched source: mean absolute error {:.2} over {} sources.",
        e.mean_attribution_error(),
        e.matched
    )?;
    if errors {
        for (id, a) in &e.errors {
            writeln!(w)?;
            writeln!(w, "{id}")?;
            for m in &a.missed {
                writeln!(w, "  missed: {m}")?;
            }
            for x in &a.extra {
                writeln!(w, "  extra:  {x}")?;
            }
        }
    }
    Ok(())
}
