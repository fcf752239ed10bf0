//! Jobs: analytics queries run in the background, with state, progress and cancellation.
//!
//! A job is a [`Query`] run on the jobs lane of the engine ([`crate::analytics::engine`]): a
//! longer deadline and a larger budget than a request a client waits for, and workers of its own.
//! It holds a pin on its computation, so the computation goes on without any waiter; identical
//! requests and jobs share it. Its state is read from the computation when asked for:
//! `enqueued` (waiting for a job worker), `processing`, then `succeeded`, `failed` or `canceled`;
//! its progress is the computation's [`citygraph_core::algo::cancel::Progress`] (never shown going
//! back), and its estimate of time left is the elapsed time scaled by what is left.
//!
//! The answer of a succeeded job is the same answer the result cache holds (one shared copy),
//! kept with the job while the job is kept. Jobs live in memory only: a restart forgets them.
//! Finished jobs are kept for `retention` and at most `kept` of them (the oldest go first);
//! at most `max_jobs` are active at once, and `per_client` per client.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use parking_lot::Mutex;
use rand::RngCore;

use crate::analytics::engine::{ClientId, Held, Lane};
use crate::analytics::request::{Query, QueryName};
use crate::cache::Answer;
use crate::{Error, Result, Service};

/// Settings of the jobs.
#[derive(Clone, Debug)]
pub struct JobsConfig {
    /// Active (enqueued or processing) jobs at once.
    pub max_jobs: usize,
    /// Active jobs per client at once.
    pub per_client: usize,
    /// How long a finished job is kept.
    pub retention: Duration,
    /// Finished jobs kept at most.
    pub kept: usize,
}

impl Default for JobsConfig {
    fn default() -> Self {
        JobsConfig {
            max_jobs: 8,
            per_client: 2,
            retention: Duration::from_secs(3600),
            kept: 256,
        }
    }
}

/// The state of a job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Enqueued,
    Processing,
    Succeeded,
    Failed,
    Canceled,
}

impl JobState {
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            JobState::Succeeded | JobState::Failed | JobState::Canceled
        )
    }
}

/// What a job is, read at one moment.
#[derive(Clone, Debug)]
pub struct JobView {
    pub id: String,
    pub query: QueryName,
    /// The parameters as given.
    pub params: serde_json::Map<String, serde_json::Value>,
    pub state: JobState,
    /// Fraction done, 0 to 1.
    pub progress: f64,
    /// Seconds left, estimated from the progress so far; `None` before there is any.
    pub eta_seconds: Option<f64>,
    pub created_at: SystemTime,
    pub started_at: Option<SystemTime>,
    pub finished_at: Option<SystemTime>,
    /// The graph version the job computes on.
    pub graph_version: u64,
    /// Why it failed.
    pub error: Option<Arc<Error>>,
}

/// Who cancels a job.
#[derive(Clone, Copy, Debug)]
pub enum JobAuth<'a> {
    /// A caller with a valid API token.
    Token,
    /// A caller presenting this secret (the one handed out when the job was created).
    Secret(&'a str),
}

#[derive(Debug)]
enum Hold {
    Running(crate::analytics::engine::Pin),
    Done(std::result::Result<Arc<Answer>, Arc<Error>>),
    Canceled,
}

#[derive(Debug)]
struct JobInner {
    hold: Hold,
    started_at: Option<SystemTime>,
    finished_at: Option<SystemTime>,
    progress: f64,
}

#[derive(Debug)]
struct Job {
    id: String,
    seq: u64,
    secret: String,
    query: QueryName,
    /// The day the answer is about, if any (part of its ETag).
    day: Option<citygraph_core::Day>,
    params: serde_json::Map<String, serde_json::Value>,
    client: ClientId,
    created_at: SystemTime,
    graph_version: u64,
    inner: Mutex<JobInner>,
}

impl Job {
    /// Reads the job's state, taking in its computation's outcome once there is one.
    fn view(&self) -> JobView {
        let mut inner = self.inner.lock();
        let mut eta = None;
        if let Hold::Running(pin) = &inner.hold {
            let flight = pin.flight().clone();
            if let Some((outcome, at)) = flight.outcome() {
                if inner.started_at.is_none() {
                    inner.started_at = flight.started().map(|s| s.1).or(Some(at));
                }
                inner.finished_at = Some(at);
                if outcome.is_ok() {
                    inner.progress = 1.0;
                }
                // Dropping the pin lets go of the (finished) computation.
                inner.hold = Hold::Done(outcome);
            } else if let Some((started, wall)) = flight.started() {
                inner.started_at = Some(wall);
                let p = flight.cancel().progress().fraction().max(inner.progress);
                inner.progress = p;
                if p > 0.0 {
                    let elapsed = started.elapsed().as_secs_f64();
                    eta = Some(elapsed * (1.0 - p) / p);
                }
            }
        }
        let (state, error) = match &inner.hold {
            Hold::Running(pin) => match pin.flight().started() {
                Some(_) => (JobState::Processing, None),
                None => (JobState::Enqueued, None),
            },
            Hold::Done(Ok(_)) => (JobState::Succeeded, None),
            Hold::Done(Err(e)) => (JobState::Failed, Some(e.clone())),
            Hold::Canceled => (JobState::Canceled, None),
        };
        JobView {
            id: self.id.clone(),
            query: self.query,
            params: self.params.clone(),
            state,
            progress: inner.progress,
            eta_seconds: eta,
            created_at: self.created_at,
            started_at: inner.started_at,
            finished_at: inner.finished_at,
            graph_version: self.graph_version,
            error,
        }
    }
}

#[derive(Default, Debug)]
struct Table {
    by_id: HashMap<String, Arc<Job>>,
    /// Job ids by creation order.
    order: BTreeMap<u64, String>,
}

/// The jobs the service holds (see the module docs).
#[derive(Debug)]
pub struct Jobs {
    table: Mutex<Table>,
    seq: AtomicU64,
    config: JobsConfig,
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two strings in time independent of where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Jobs {
    pub fn new(config: JobsConfig) -> Jobs {
        Jobs {
            table: Mutex::new(Table::default()),
            seq: AtomicU64::new(0),
            config,
        }
    }

    pub fn config(&self) -> &JobsConfig {
        &self.config
    }

    /// Drops finished jobs past their retention, and the oldest finished beyond `kept`.
    fn prune(&self, table: &mut Table, views: &HashMap<u64, JobView>) {
        let now = SystemTime::now();
        let mut finished: Vec<u64> = table
            .order
            .keys()
            .copied()
            .filter(|seq| views.get(seq).is_some_and(|v| v.state.is_finished()))
            .collect();
        let expired = |seq: &u64| {
            views[seq]
                .finished_at
                .and_then(|at| now.duration_since(at).ok())
                .is_some_and(|age| age > self.config.retention)
        };
        let over = finished.len().saturating_sub(self.config.kept);
        let mut drop_seqs: Vec<u64> = finished.drain(..over).collect();
        drop_seqs.extend(finished.iter().copied().filter(expired));
        for seq in drop_seqs {
            if let Some(id) = table.order.remove(&seq) {
                table.by_id.remove(&id);
            }
        }
    }

    /// `(active, finished)` jobs held now.
    pub fn counts(&self) -> (usize, usize) {
        let table = self.table.lock();
        let views = Jobs::views(&table);
        let active = views.values().filter(|v| !v.state.is_finished()).count();
        (active, views.len() - active)
    }

    fn views(table: &Table) -> HashMap<u64, JobView> {
        table.by_id.values().map(|j| (j.seq, j.view())).collect()
    }
}

impl Service {
    /// The jobs this service holds.
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// Starts a job for `query` (with the `params` as given, to show back) on behalf of `client`;
    /// returns it and its secret, the only time the secret is shown.
    ///
    /// Refused as the synchronous request would be (bad parameters, unknown city or network,
    /// [`Error::TooExpensive`] against the jobs' budget), and with [`Error::TooManyJobs`] when
    /// `max_jobs` are active, or `per_client` of this client's.
    pub fn create_job(
        &self,
        mut query: Query,
        params: serde_json::Map<String, serde_json::Value>,
        client: &ClientId,
    ) -> Result<(JobView, String)> {
        // A bad or too expensive query is refused as the synchronous route refuses it, whatever
        // the limits.
        query.check_references(&self.snapshot())?;
        let mut estimate = self.estimate(&query);
        estimate.budget = self.engine.config().job_budget;
        if estimate.work > estimate.budget {
            return Err(Error::TooExpensive(estimate));
        }
        let jobs = &self.jobs;
        let mut table = jobs.table.lock();
        let views = Jobs::views(&table);
        jobs.prune(&mut table, &views);
        let active: Vec<&Arc<Job>> = table
            .by_id
            .values()
            .filter(|j| views.get(&j.seq).is_some_and(|v| !v.state.is_finished()))
            .collect();
        if active.len() >= jobs.config.max_jobs {
            return Err(Error::TooManyJobs {
                limit: jobs.config.max_jobs,
                per_client: false,
                retry_after_secs: self.config.retry_after_secs,
            });
        }
        if active.iter().filter(|j| j.client == *client).count() >= jobs.config.per_client {
            return Err(Error::TooManyJobs {
                limit: jobs.config.per_client,
                per_client: true,
                retry_after_secs: self.config.retry_after_secs,
            });
        }
        let name = query.name();
        let day = query.day();
        let graph_version = self.version();
        let held = self.admit(query, client, Lane::Jobs, true)?;
        let now = SystemTime::now();
        let (hold, started_at, finished_at, progress) = match held {
            Held::Ready(a) => (Hold::Done(Ok(a)), Some(now), Some(now), 1.0),
            Held::Pinned(pin) => (Hold::Running(pin), None, None, 0.0),
            Held::Waiting(_) => unreachable!("jobs admit with a pin"),
        };
        let seq = jobs.seq.fetch_add(1, Ordering::Relaxed);
        let job = Arc::new(Job {
            id: random_hex(12),
            seq,
            secret: random_hex(32),
            query: name,
            day,
            params,
            client: client.clone(),
            created_at: now,
            graph_version,
            inner: Mutex::new(JobInner {
                hold,
                started_at,
                finished_at,
                progress,
            }),
        });
        table.order.insert(seq, job.id.clone());
        table.by_id.insert(job.id.clone(), job.clone());
        tracing::info!(job = %job.id, query = %name, "job created");
        Ok((job.view(), job.secret.clone()))
    }

    fn find_job(&self, id: &str) -> Result<Arc<Job>> {
        self.jobs
            .table
            .lock()
            .by_id
            .get(id)
            .cloned()
            .ok_or_else(|| Error::NotFound {
                entity: "job",
                id: id.to_owned(),
            })
    }

    /// One job, as it is now.
    pub fn job(&self, id: &str) -> Result<JobView> {
        Ok(self.find_job(id)?.view())
    }

    /// The jobs held, newest first: at most `limit` after the cursor `after` (a `next` cursor from
    /// an earlier page), and the cursor of the next page.
    pub fn list_jobs(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<JobView>, Option<String>)> {
        let mut table = self.jobs.table.lock();
        let views = Jobs::views(&table);
        self.jobs.prune(&mut table, &views);
        let before = match after {
            None | Some("") => u64::MAX,
            Some(c) => c.parse::<u64>().map_err(|_| {
                Error::bad_param("cursor", format!("{c:?} is not a cursor of this list"))
            })?,
        };
        let mut items = Vec::new();
        let mut next = None;
        for (seq, _) in table.order.range(..before).rev() {
            if items.len() == limit {
                next = items.last().map(|v: &(u64, JobView)| v.0.to_string());
                break;
            }
            if let Some(v) = views.get(seq) {
                items.push((*seq, v.clone()));
            }
        }
        Ok((items.into_iter().map(|(_, v)| v).collect(), next))
    }

    /// The answer of a succeeded job (the same bytes as the synchronous request's) and the day it
    /// is about.
    pub fn job_result(&self, id: &str) -> Result<(Arc<Answer>, Option<citygraph_core::Day>)> {
        let job = self.find_job(id)?;
        let view = job.view();
        let inner = job.inner.lock();
        match &inner.hold {
            Hold::Done(Ok(a)) => Ok((a.clone(), job.day)),
            _ => Err(Error::JobNotFinished {
                id: job.id.clone(),
                state: view.state,
            }),
        }
    }

    /// Cancels a job (its computation stops unless a request or another job still wants it); a
    /// finished job is left as it is. With [`JobAuth::Secret`], the secret must be the job's.
    pub fn cancel_job(&self, id: &str, auth: JobAuth<'_>) -> Result<JobView> {
        let job = self.find_job(id)?;
        if let JobAuth::Secret(s) = auth {
            if !same_secret(s, &job.secret) {
                return Err(Error::Forbidden(
                    "the job secret does not match this job".to_owned(),
                ));
            }
        }
        let view = job.view();
        if view.state.is_finished() {
            return Ok(view);
        }
        {
            let mut inner = job.inner.lock();
            // Dropping the pin cancels the computation if no one else holds it.
            inner.hold = Hold::Canceled;
            inner.finished_at = Some(SystemTime::now());
        }
        tracing::info!(job = %job.id, "job canceled");
        Ok(job.view())
    }
}

/// `t` as RFC 3339 in UTC, to the millisecond (`2024-05-01T12:30:00.250Z`).
pub fn rfc3339(t: SystemTime) -> String {
    let d = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO);
    let secs = d.as_secs() as i64;
    let day = citygraph_core::Day::from_epoch_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{day}T{:02}:{:02}:{:02}.{:03}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60,
        d.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_rfc3339() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_millis(1_714_566_600_250);
        assert_eq!(rfc3339(t), "2024-05-01T12:30:00.250Z");
    }

    #[test]
    fn compares_secrets_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
