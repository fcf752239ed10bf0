//! Prometheus metrics: request counts and latency histograms by method, route and status, and
//! error responses by status and problem `code`.
//!
//! Labels are bounded: the caller passes a method from a fixed set or `other`, and a route template
//! or `other` ([`crate::edge`]); past [`MAX_SERIES`] series (or [`MAX_CODES`] codes) anything new is
//! folded into `other` as well, so no client can grow the metrics. A scrape copies the counters
//! under the lock (a few thousand entries at most) and renders after releasing it, so requests,
//! which take the lock for one update, never wait for a scrape to render.

use std::collections::BTreeMap;
use std::fmt::Write;

use parking_lot::Mutex;

const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// The most (method, route, status) series kept; later new ones count as `other`.
pub const MAX_SERIES: usize = 4096;
/// The most (status, code) pairs kept; later new ones count as code `other`.
pub const MAX_CODES: usize = 512;

#[derive(Clone, Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

type Key = (&'static str, String, u16);

/// Request metrics (see the module docs).
#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<Key, Series>>,
    errors: Mutex<BTreeMap<(u16, String), u64>>,
}

impl Metrics {
    /// Counts one request. `method` is a label from a fixed set (see [`crate::edge::method_label`]).
    pub fn observe(&self, method: &'static str, route: &str, status: u16, seconds: f64) {
        let status = if (100..600).contains(&status) {
            status
        } else {
            0
        };
        let mut m = self.series.lock();
        let key = (method, route.to_owned(), status);
        let s = if m.contains_key(&key) || m.len() < MAX_SERIES {
            m.entry(key).or_default()
        } else {
            m.entry(("other", "other".to_owned(), status)).or_default()
        };
        s.count += 1;
        s.sum += seconds;
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                s.buckets[i] += 1;
            }
        }
    }

    /// Counts one error response by status and problem code.
    pub fn count_error(&self, status: u16, code: &str) {
        let mut m = self.errors.lock();
        let key = (status, code.to_owned());
        if m.contains_key(&key) || m.len() < MAX_CODES {
            *m.entry(key).or_default() += 1;
        } else {
            *m.entry((status, "other".to_owned())).or_default() += 1;
        }
    }

    /// The Prometheus text exposition, with graph gauges appended.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        // Copy under the lock, render without it.
        let series: Vec<(Key, Series)> = self
            .series
            .lock()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let errors: Vec<((u16, String), u64)> = self
            .errors
            .lock()
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        let mut out = String::new();
        out.push_str(
            "# HELP citygraph_http_requests_total HTTP requests by method, route and status.\n",
        );
        out.push_str("# TYPE citygraph_http_requests_total counter\n");
        for ((method, route, status), s) in &series {
            let _ = writeln!(out, "citygraph_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}", s.count);
        }
        out.push_str(
            "# HELP citygraph_http_errors_total Error responses by status and problem code.\n",
        );
        out.push_str("# TYPE citygraph_http_errors_total counter\n");
        for ((status, code), n) in &errors {
            let _ = writeln!(
                out,
                "citygraph_http_errors_total{{status=\"{status}\",code=\"{code}\"}} {n}"
            );
        }
        out.push_str("# HELP citygraph_http_request_duration_seconds HTTP request latency.\n");
        out.push_str("# TYPE citygraph_http_request_duration_seconds histogram\n");
        for ((method, route, status), s) in &series {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (i, b) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "citygraph_http_request_duration_seconds_bucket{{{labels},le=\"{b}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "citygraph_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "citygraph_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "citygraph_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

/// The analytics engine's answers per query and outcome.
pub fn render_engine(e: &citygraph_service::analytics::engine::EngineStats) -> String {
    let mut out = String::new();
    out.push_str("# HELP citygraph_analytics_total Analytics requests by query and outcome (hit: from the result cache; joined: waited for an identical computation; computed: started one; then how computations ended, or why requests were refused).\n");
    out.push_str("# TYPE citygraph_analytics_total counter\n");
    for (q, c) in &e.queries {
        for (outcome, n) in [
            ("hit", c.hits),
            ("joined", c.joined),
            ("computed", c.computed),
            ("succeeded", c.succeeded),
            ("failed", c.failed),
            ("deadline_exceeded", c.deadline),
            ("canceled", c.canceled),
            ("too_expensive", c.too_expensive),
            ("refused", c.refused),
        ] {
            let _ = writeln!(
                out,
                "citygraph_analytics_total{{query=\"{q}\",outcome=\"{outcome}\"}} {n}"
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_past_the_bound_fold_into_other() {
        let m = Metrics::default();
        for i in 0..MAX_SERIES + 10 {
            m.observe("GET", &format!("/r{i}"), 200, 0.001);
        }
        let text = m.render(&[]);
        assert!(text.contains("route=\"other\",status=\"200\"} 10"));
        assert!(!text.contains(&format!("/r{}\"", MAX_SERIES + 5)));
    }
}
