//! Exports: the one export use case behind `GET /v1/export/{format}` and `citygraph export`.
//!
//! [`ExportRequest`] is parsed from the same [`ExportParams`] by both. [`Service::export`] writes
//! an export of a snapshot into any writer (the command line: a file). [`Service::start_export`]
//! runs one on the service's export workers for a client, bounded like analytics: at most
//! `max_exports` at once and `exports_per_client` per client (more are refused, nothing queues),
//! a deadline after which the export stops, and a writer that stops as soon as its reader is gone.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use citygraph_core::algo::cancel::Cancel;
use citygraph_core::{PartnershipKind, Snapshot};
use citygraph_interchange::export::{self as ex, ExportFormat, ExportOptions, ExportSummary};
use parking_lot::Mutex;
use serde::Deserialize;

use crate::analytics::engine::ClientId;
use crate::analytics::request::parse_as_of;
use crate::pool::Pool;
use crate::{entities, Error, Result, Service};

/// Filters of an export, as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ExportParams {
    /// The graph as it was on this day (default today).
    pub as_of: Option<String>,
    /// `twinning` (cities and partnerships, default) or `bipartite` (cities, networks, memberships).
    pub projection: Option<String>,
    /// Only cities of this survey region (a link when both ends are).
    pub region: Option<String>,
    /// Only cities of this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Only cities that are members of this network on `as_of`.
    pub network: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
    /// `in_force` (active or suspended on `as_of`, default), `active`, `suspended`, `ended` or `all`.
    pub status: Option<String>,
}

impl ExportParams {
    fn is_empty(&self) -> bool {
        self.as_of.is_none()
            && self.projection.is_none()
            && self.region.is_none()
            && self.country.is_none()
            && self.network.is_none()
            && self.kind.is_none()
            && self.status.is_none()
    }
}

/// A checked export: the format and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// NDJSON without any filter: every record, whatever its dates (importing it rebuilds the
    /// store).
    pub everything: bool,
    pub options: ExportOptions,
}

fn parse_error(code: &'static str, e: impl std::fmt::Display) -> Error {
    Error::Analytics {
        code,
        message: e.to_string(),
        not_found: false,
    }
}

impl ExportRequest {
    /// Checks `format` and `params` (an unknown format is `unknown_format`, a not-found kind).
    pub fn new(format: &str, params: &ExportParams) -> Result<ExportRequest> {
        let format: ExportFormat =
            format
                .parse()
                .map_err(|e: ex::ParseError| Error::Analytics {
                    code: "unknown_format",
                    message: e.to_string(),
                    not_found: true,
                })?;
        let everything = format == ExportFormat::Ndjson && params.is_empty();
        let mut filter =
            citygraph_core::algo::filter::Filter::on(parse_as_of(params.as_of.as_deref())?);
        filter.region = params
            .region
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|e| parse_error("invalid_region", e)))
            .transpose()?;
        filter.country = params
            .country
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                citygraph_core::CountryCode::new(s).map_err(|e| parse_error("invalid_country", e))
            })
            .transpose()?;
        filter.kind = params.kind;
        filter.network = params
            .network
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                citygraph_core::NetworkId::new(s)
                    .map_err(|e| Error::bad_param("network", e.to_string()))
            })
            .transpose()?;
        let mut options = ExportOptions::new(filter);
        if let Some(p) = params.projection.as_deref().filter(|s| !s.is_empty()) {
            options = options.with_projection(
                p.parse()
                    .map_err(|e: ex::ParseError| Error::bad_param("projection", e.to_string()))?,
            );
        }
        if let Some(s) = params.status.as_deref().filter(|s| !s.is_empty()) {
            options = options.with_status(
                s.parse()
                    .map_err(|e: ex::ParseError| Error::bad_param("status", e.to_string()))?,
            );
        }
        Ok(ExportRequest {
            format,
            everything,
            options,
        })
    }

    /// Checks that the network named by the filter exists in `snap`.
    pub fn check_references(&self, snap: &Snapshot) -> Result<()> {
        if let Some(n) = &self.options.filter.network {
            entities::network(snap, n.as_str())?;
        }
        Ok(())
    }
}

/// A writer that fails once its export is cancelled or past its deadline.
struct Checked<'a, W: ?Sized> {
    inner: &'a mut W,
    cancel: &'a Cancel,
}

impl<W: Write + ?Sized> Write for Checked<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.cancel
            .advance(buf.len() as u64)
            .map_err(|e| io::Error::new(io::ErrorKind::TimedOut, e))?;
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The export workers and who holds them.
pub struct Exports {
    pool: Pool,
    slots: usize,
    per_client: usize,
    timeout: Duration,
    retry_after_secs: u64,
    clients: Arc<Mutex<HashMap<ClientId, usize>>>,
}

impl std::fmt::Debug for Exports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exports").field("pool", &self.pool).finish()
    }
}

impl Exports {
    pub fn new(
        slots: usize,
        per_client: usize,
        timeout: Duration,
        retry_after_secs: u64,
    ) -> Exports {
        Exports {
            pool: Pool::new("export", slots, slots.max(1)),
            slots: slots.max(1),
            per_client: per_client.max(1),
            timeout,
            retry_after_secs,
            clients: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// Exports running now.
    pub fn running(&self) -> usize {
        self.pool.stats().running + self.pool.stats().queued
    }
}

impl Service {
    /// Writes the export `req` of `snap` to `out`, stopping when `cancel` says so.
    pub fn export(
        &self,
        req: &ExportRequest,
        snap: &Snapshot,
        out: &mut dyn Write,
        cancel: &Cancel,
    ) -> Result<ExportSummary> {
        export_snapshot(req, snap, out, cancel)
    }

    /// Runs the export `req` of `snap` for `client` on an export worker, writing into the writer
    /// `make` returns (given the export's cancellation handle, which a writer waiting on a slow
    /// reader should watch). Refused with [`Error::Busy`] when every export worker is taken and
    /// [`Error::ClientBusy`] when this client already holds its share.
    pub fn start_export<W, F>(
        &self,
        req: ExportRequest,
        snap: Arc<Snapshot>,
        client: &ClientId,
        make: F,
    ) -> Result<()>
    where
        W: Write,
        F: FnOnce(Cancel) -> W + Send + 'static,
    {
        req.check_references(&snap)?;
        let ex = &self.exports;
        let mut clients = ex.clients.lock();
        let mine = clients.get(client).copied().unwrap_or(0);
        if mine >= ex.per_client {
            return Err(Error::ClientBusy {
                limit: ex.per_client,
                retry_after_secs: ex.retry_after_secs,
            });
        }
        if ex.pool.stats().running + ex.pool.stats().queued >= ex.slots {
            return Err(Error::Busy {
                limit: ex.slots,
                retry_after_secs: ex.retry_after_secs,
            });
        }
        let cancel = Cancel::new(Some(Instant::now() + ex.timeout));
        let task = {
            let clients = ex.clients.clone();
            let client = client.clone();
            let cancel = cancel.clone();
            move || {
                let mut out = make(cancel.clone());
                match export_snapshot(&req, &snap, &mut out, &cancel) {
                    Ok(s) => tracing::debug!(nodes = s.nodes, edges = s.edges, "export done"),
                    Err(e) => tracing::debug!(error = %e, "export ended early"),
                }
                let mut c = clients.lock();
                if let Some(n) = c.get_mut(&client) {
                    *n -= 1;
                    if *n == 0 {
                        c.remove(&client);
                    }
                }
            }
        };
        *clients.entry(client.clone()).or_insert(0) += 1;
        // Room was checked above under the clients lock; the pool's queue holds what its workers
        // have not picked up yet.
        if !ex.pool.try_submit(task) {
            let n = clients.get_mut(client).expect("just counted");
            *n -= 1;
            return Err(Error::Busy {
                limit: ex.slots,
                retry_after_secs: ex.retry_after_secs,
            });
        }
        Ok(())
    }

    /// The export workers (for metrics).
    pub fn exports(&self) -> &Exports {
        &self.exports
    }
}

fn export_snapshot(
    req: &ExportRequest,
    snap: &Snapshot,
    out: &mut dyn Write,
    cancel: &Cancel,
) -> Result<ExportSummary> {
    req.check_references(snap)?;
    let mut w = Checked { inner: out, cancel };
    let r = if req.everything {
        ex::write_ndjson_all(snap, &mut w)
    } else {
        ex::export(snap, &req.options, req.format, &mut w)
    };
    r.map_err(|e| match cancel.reason() {
        Some(reason) => crate::analytics::stopped_error(reason),
        None => Error::Internal(e.to_string()),
    })
}
