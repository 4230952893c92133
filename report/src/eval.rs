//! The `credence eval` table.

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
