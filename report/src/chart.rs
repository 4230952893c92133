//! `outlets.svg`: each outlet's mean reliability with its 95% interval, the
//! chart linked from report.md. Drawn with plotters' SVG backend and no font
//! files: text is left to the viewer, so the output is the same on every
//! machine.

use credence_score::Scores;
use plotters::prelude::*;

/// Most outlets drawn; with more, the ones with the most articles are kept.
pub const MAX_OUTLETS: usize = 40;

struct Row {
    name: String,
    articles: u32,
    mean: f64,
    interval: Option<(f64, f64)>,
}

fn rows(scores: &Scores) -> Vec<Row> {
    let mut rows: Vec<Row> = scores
        .outlets
        .iter()
        .map(|o| Row {
            name: o.outlet.clone(),
            articles: o.articles,
            mean: o.reliability,
            interval: o.interval,
        })
        .collect();
    // Keep the outlets with the most articles, then order by reliability.
    rows.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    rows.truncate(MAX_OUTLETS);
    rows.sort_by(|a, b| a.mean.total_cmp(&b.mean).then_with(|| b.name.cmp(&a.name)));
    rows
}

fn label(r: &Row) -> String {
    let mut name: String = r.name.chars().take(32).collect();
    if r.name.chars().count() > 32 {
        name.push('…');
    }
    format!("{name} (n={})", r.articles)
}

/// The chart as an SVG document; `None` when there are no outlets.
pub fn outlets_svg(scores: &Scores) -> Option<String> {
    let rows = rows(scores);
    if rows.is_empty() {
        return None;
    }
    let height = 90 + 22 * rows.len() as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (820, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let n = rows.len();
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "Mean reliability per outlet (95% interval; none for one article)",
                ("sans-serif", 16),
            )
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(300)
            .build_cartesian_2d(0f64..100f64, -0.5f64..(n as f64 - 0.5))
            .ok()?;
        chart
            .configure_mesh()
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
                    label(&rows[i as usize])
                } else {
                    String::new()
                }
            })
            .x_desc("reliability (0-100)")
            .disable_y_mesh()
            .draw()
            .ok()?;
        chart
            .draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
                r.interval.map(|(lo, hi)| {
                    ErrorBar::new_horizontal(i as f64, lo, r.mean, hi, BLUE.stroke_width(2), 8)
                })
            }))
            .ok()?;
        chart
            .draw_series(
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| Circle::new((r.mean, i as f64), 4, BLUE.filled())),
            )
            .ok()?;
        root.present().ok()?;
    }
    Some(svg)
}
