//! citygraph-store-postgres: the [`GraphStore`] on PostgreSQL, shared by several citygraph servers.
//!
//! This crate alone knows PostgreSQL (`tokio-postgres`, pooled by `deadpool-postgres`). It keeps
//! the same durable state as the sled store, in the same encodings: the change log (one row per
//! graph version, the JSON [`LogEntry`] header, and its changes in binary pages encoded by
//! `citygraph-checkpoint`), the format version, and checkpoints (images of the whole graph). Any
//! number of processes may open one database: each holds the graph in memory and follows the log.
//!
//! Start with [`PgStore::open`], then [`schema`] (tables and migrations) and the commit path
//! ([`GraphStore::begin_shared`] on [`PgStore`]).
//!
//! # Commits across servers
//!
//! A commit is one transaction: `SELECT version FROM head WHERE id = 1 FOR UPDATE` takes the row
//! lock that serialises graph versions across every server, and reads the newest version. The
//! caller (the service) applies the versions other servers wrote since its own newest, checks its
//! write against that graph, and [`SharedCommit::finish`] inserts the log entry and its pages
//! (through `COPY` for a bulk commit), moves `head`, queues a `NOTIFY` and commits with
//! `synchronous_commit = on`: the commit returns only once it is durable, and the notification
//! is delivered only if it commits. A transaction that ends any other way (an error, a dropped
//! connection, a killed server) writes nothing.
//!
//! # Following
//!
//! Each store keeps one connection that `LISTEN`s on the schema's channel and reconnects when it
//! drops; [`GraphStore::wait_change`] returns when a notification names a version past the
//! caller's, after a reconnect (notifications may have been missed), or after its timeout (the
//! caller then polls the head), so a follower never depends on notifications alone.
//!
//! # Checkpoints
//!
//! Images are written to a local folder (as sled does, so a restarting server loads its own image
//! and replays only what followed it) and uploaded to the `checkpoints` table, so that a server
//! joining with an empty folder starts from the newest image in the database. A checkpoint's
//! fingerprint is the CRC-32 of its version's log-entry bytes, as in sled.
//!
//! # Threads
//!
//! The trait is synchronous and is called from blocking threads, the follower thread and
//! sometimes an HTTP worker. The store owns a small tokio runtime; every call runs there and
//! the caller waits on a plain channel, so no call needs (or disturbs) the caller's runtime.

pub mod schema;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use citygraph_checkpoint::{decode_changes, CheckpointDir};
use citygraph_core::{Change, Snapshot};
use citygraph_store::{
    encode_pages, CheckpointInfo, GraphStore, LogEntry, SharedCommit, StoreError, PAGE_CHANGES,
};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use parking_lot::{Condvar, Mutex};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::Type;
use tokio_postgres::NoTls;

pub use schema::{MIGRATIONS, SCHEMA_VERSION};

/// Tunables of a [`PgStore`].
#[derive(Clone, Debug)]
pub struct PgOptions {
    /// The PostgreSQL schema holding the store's tables (several stores can share a database).
    pub schema: String,
    /// Connections in the pool.
    pub pool_size: usize,
    /// A commit of more changes than this writes its pages with `COPY`.
    pub bulk_threshold: usize,
    /// Local folder of checkpoint images (none: only the database's).
    pub checkpoint_dir: Option<PathBuf>,
    /// How long to wait for a connection to open, and for a free one in the pool.
    pub connect_timeout: Duration,
    /// How long a commit waits for the version lock that another server holds.
    pub lock_timeout: Duration,
    /// The longest a small query (not a bulk transfer) may take before the call fails.
    pub op_timeout: Duration,
}

impl Default for PgOptions {
    fn default() -> PgOptions {
        PgOptions {
            schema: "citygraph".to_owned(),
            pool_size: 8,
            bulk_threshold: 20_000,
            checkpoint_dir: None,
            connect_timeout: Duration::from_secs(3),
            lock_timeout: Duration::from_secs(10),
            op_timeout: Duration::from_secs(10),
        }
    }
}

/// What the listener knows, and whom to wake.
#[derive(Default)]
struct Heard {
    /// The highest version named by a notification.
    version: u64,
    /// Set after (re)connecting: notifications may have been missed.
    poked: bool,
    /// Whether the listening connection is up.
    listening: bool,
}

#[derive(Default)]
struct Listener {
    heard: Mutex<Heard>,
    wake: Condvar,
}

/// The store in a PostgreSQL schema (module docs).
pub struct PgStore {
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
    pool: Pool,
    options: PgOptions,
    where_: String,
    channel: String,
    checkpoints: Option<CheckpointDir>,
    listener: Arc<Listener>,
    listen_task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("where", &self.where_)
            .field("options", &self.options)
            .finish()
    }
}

/// A PostgreSQL error as a store error: what says the database cannot be reached now (a lost or
/// refused connection, a shutdown, a lock held too long) is [`StoreError::Unavailable`].
pub fn pg_error(e: tokio_postgres::Error) -> StoreError {
    let detail = describe(&e);
    match e.code() {
        None => StoreError::Unavailable(detail),
        Some(code)
            if [
                SqlState::LOCK_NOT_AVAILABLE,
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
                SqlState::TOO_MANY_CONNECTIONS,
                SqlState::QUERY_CANCELED,
                SqlState::IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
            ]
            .contains(code)
                || code.code().starts_with("08") =>
        {
            StoreError::Unavailable(detail)
        }
        Some(_) => StoreError::Backend(detail),
    }
}

fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => {
            let mut s = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(inner) = source {
                s.push_str(": ");
                s.push_str(&inner.to_string());
                source = inner.source();
            }
            s
        }
    }
}

fn pool_error(e: deadpool_postgres::PoolError) -> StoreError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_error(e),
        other => StoreError::Unavailable(format!("no database connection: {other}")),
    }
}

fn corrupt(table: &'static str, key: String, message: impl ToString) -> StoreError {
    StoreError::Corrupt {
        tree: table,
        key,
        message: message.to_string(),
    }
}

fn i64_of(v: u64) -> i64 {
    i64::try_from(v).expect("graph versions fit in a bigint")
}

fn u64_of(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

impl PgStore {
    /// Connects to the database at `url` (a `postgres://` URL), creates or upgrades the schema
    /// (numbered migrations, in one transaction), checks the format version, and starts
    /// listening for other servers' commits.
    pub fn open(url: &str, options: PgOptions) -> Result<PgStore, StoreError> {
        schema::check_name(&options.schema)?;
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Backend(format!("invalid PostgreSQL URL: {e}")))?;
        let extra = format!(
            "-c search_path={schema} -c synchronous_commit=on -c lock_timeout={lock} -c idle_in_transaction_session_timeout=60000",
            schema = options.schema,
            lock = options.lock_timeout.as_millis(),
        );
        let opts = match config.get_options() {
            Some(o) if !o.is_empty() => format!("{o} {extra}"),
            _ => extra,
        };
        config.options(opts);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(options.connect_timeout);
        }
        config
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(10))
            .application_name("citygraph");
        let where_ = format!(
            "the PostgreSQL schema {} of database {} on {}",
            options.schema,
            config.get_dbname().unwrap_or("(default)"),
            hosts(&config)
        );
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("citygraph-pg")
            .enable_all()
            .build()
            .map_err(StoreError::Checkpoint)?;
        let handle = runtime.handle().clone();
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = {
            let _guard = handle.enter();
            Pool::builder(manager)
                .max_size(options.pool_size.max(2))
                .wait_timeout(Some(options.connect_timeout))
                .create_timeout(Some(options.connect_timeout))
                .recycle_timeout(Some(options.connect_timeout))
                .runtime(deadpool_postgres::Runtime::Tokio1)
                .build()
                .map_err(|e| StoreError::Backend(format!("building the connection pool: {e}")))?
        };
        let channel = format!("citygraph_{}", options.schema);
        let listener = Arc::new(Listener::default());
        let listen_task = handle.spawn(listen(config, channel.clone(), listener.clone()));
        let store = PgStore {
            runtime: Some(runtime),
            handle,
            pool,
            checkpoints: options.checkpoint_dir.clone().map(CheckpointDir::new),
            options,
            where_,
            channel,
            listener,
            listen_task,
        };
        let (pool, schema_name, where_) = (
            store.pool.clone(),
            store.options.schema.clone(),
            store.where_.clone(),
        );
        store.run(
            async move {
                let mut client = pool.get().await.map_err(pool_error)?;
                schema::migrate(&mut client, &schema_name, &where_).await
            },
            true,
        )?;
        if let Some(dir) = &store.checkpoints {
            let removed = dir.remove_temporaries()?;
            if removed > 0 {
                tracing::info!(
                    removed,
                    "removed the temporary file of an interrupted checkpoint"
                );
            }
        }
        Ok(store)
    }

    /// The options the store was opened with.
    pub fn options(&self) -> &PgOptions {
        &self.options
    }

    /// The local checkpoint folder, if any.
    pub fn checkpoints(&self) -> Option<&CheckpointDir> {
        self.checkpoints.as_ref()
    }

    /// Whether the connection that listens for other servers' commits is up.
    pub fn listening(&self) -> bool {
        self.listener.heard.lock().listening
    }

    /// A connection from the pool, for tools and tests that inspect the tables.
    pub fn connection(&self) -> Result<Object, StoreError> {
        let pool = self.pool.clone();
        self.run(async move { pool.get().await.map_err(pool_error) }, false)
    }

    /// Runs `f` on the store's runtime and waits for it; `bounded` calls fail after
    /// [`PgOptions::op_timeout`].
    pub fn run<T: Send + 'static>(
        &self,
        f: impl Future<Output = Result<T, StoreError>> + Send + 'static,
        bounded: bool,
    ) -> Result<T, StoreError> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let limit = self.options.op_timeout;
        self.handle.spawn(async move {
            let r = if bounded {
                match tokio::time::timeout(limit, f).await {
                    Ok(r) => r,
                    Err(_) => Err(StoreError::Unavailable(format!(
                        "the database did not answer within {} s",
                        limit.as_secs_f64()
                    ))),
                }
            } else {
                f.await
            };
            let _ = tx.send(r);
        });
        rx.recv()
            .map_err(|_| StoreError::Unavailable("the database task ended".to_owned()))?
    }

    /// The fingerprint of the log entry at `version` (0 for version 0; `None` if absent).
    fn fingerprint(&self, version: u64) -> Result<Option<u64>, StoreError> {
        if version == 0 {
            return Ok(Some(0));
        }
        let pool = self.pool.clone();
        self.run(
            async move {
                let c = pool.get().await.map_err(pool_error)?;
                let st = c
                    .prepare_cached("SELECT entry FROM changelog WHERE version = $1")
                    .await
                    .map_err(pg_error)?;
                let row = c
                    .query_opt(&st, &[&i64_of(version)])
                    .await
                    .map_err(pg_error)?;
                Ok(row.map(|r| u64::from(crc32fast::hash(r.get::<_, &[u8]>(0)))))
            },
            true,
        )
    }

    /// The newest checkpoint in the database, if newer than `than`: (version, fingerprint, bytes).
    fn database_checkpoint(&self, than: u64) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
        let pool = self.pool.clone();
        self.run(
            async move {
                let c = pool.get().await.map_err(pool_error)?;
                let row = c
                    .query_opt(
                        "SELECT version, data FROM checkpoints WHERE version > $1 ORDER BY version DESC LIMIT 1",
                        &[&i64_of(than)],
                    )
                    .await
                    .map_err(pg_error)?;
                Ok(row.map(|r| (u64_of(r.get(0)), r.get::<_, Vec<u8>>(1))))
            },
            false,
        )
    }

    /// Uploads an image unless the database already holds one as new; removes older ones.
    fn upload_checkpoint(
        &self,
        version: u64,
        fingerprint: u64,
        bytes: Vec<u8>,
    ) -> Result<bool, StoreError> {
        let pool = self.pool.clone();
        let key = format!("citygraph checkpoint {}", self.options.schema);
        self.run(
            async move {
                let mut c = pool.get().await.map_err(pool_error)?;
                let t = c.transaction().await.map_err(pg_error)?;
                // One upload at a time across servers; the others skip theirs.
                let got: bool = t
                    .query_one("SELECT pg_try_advisory_xact_lock(hashtext($1))", &[&key])
                    .await
                    .map_err(pg_error)?
                    .get(0);
                if !got {
                    return Ok(false);
                }
                let newest: i64 = t
                    .query_one("SELECT coalesce(max(version), 0) FROM checkpoints", &[])
                    .await
                    .map_err(pg_error)?
                    .get(0);
                if u64_of(newest) >= version {
                    return Ok(false);
                }
                t.execute(
                    "INSERT INTO checkpoints (version, fingerprint, data) VALUES ($1, $2, $3)",
                    &[&i64_of(version), &i64_of(fingerprint), &bytes],
                )
                .await
                .map_err(pg_error)?;
                t.execute(
                    "DELETE FROM checkpoints WHERE version < $1",
                    &[&i64_of(version)],
                )
                .await
                .map_err(pg_error)?;
                t.commit().await.map_err(pg_error)?;
                Ok(true)
            },
            false,
        )
    }

    /// Reads pages of entries `from + 1 ..= to` in (version, page) order, `batch` at a time,
    /// handing each to `f`.
    fn scan_pages(
        &self,
        from: u64,
        to: u64,
        f: &mut dyn FnMut(u64, u32, Vec<Change>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut after = (i64_of(from), i32::MAX);
        let to = i64_of(to);
        loop {
            let pool = self.pool.clone();
            let rows = self.run(
                async move {
                    let c = pool.get().await.map_err(pool_error)?;
                    let st = c
                        .prepare_cached(
                            "SELECT version, page, data FROM log_pages WHERE (version, page) > ($1, $2) AND version <= $3 ORDER BY version, page LIMIT 8",
                        )
                        .await
                        .map_err(pg_error)?;
                    let rows = c
                        .query(&st, &[&after.0, &after.1, &to])
                        .await
                        .map_err(pg_error)?;
                    Ok(rows
                        .into_iter()
                        .map(|r| (r.get::<_, i64>(0), r.get::<_, i32>(1), r.get::<_, Vec<u8>>(2)))
                        .collect::<Vec<_>>())
                },
                false,
            )?;
            if rows.is_empty() {
                return Ok(());
            }
            for (v, p, data) in rows {
                after = (v, p);
                let changes = decode_changes(&data)
                    .map_err(|e| corrupt("log_pages", format!("{v}/{p}"), e))?;
                f(u64_of(v), p as u32, changes)?;
            }
        }
    }
}

fn hosts(config: &tokio_postgres::Config) -> String {
    let ports = config.get_ports();
    config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let host = match h {
                tokio_postgres::config::Host::Tcp(s) => s.clone(),
                #[cfg(unix)]
                tokio_postgres::config::Host::Unix(p) => p.display().to_string(),
            };
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            format!("{host}:{port}")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The listening connection: `LISTEN`, forward notifications, reconnect when it drops.
async fn listen(config: tokio_postgres::Config, channel: String, listener: Arc<Listener>) {
    let mut failures = 0u32;
    loop {
        match config.connect(NoTls).await {
            Ok((client, mut connection)) => {
                let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
                let drive = tokio::spawn(async move {
                    let mut messages =
                        futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
                    use futures_util::StreamExt;
                    while let Some(m) = messages.next().await {
                        match m {
                            Ok(tokio_postgres::AsyncMessage::Notification(n)) => {
                                let _ = tx.send(n.payload().parse::<u64>().unwrap_or(0));
                            }
                            Ok(_) => {}
                            Err(e) => {
                                tracing::debug!(error = %describe(&e), "listening connection failed");
                                break;
                            }
                        }
                    }
                });
                if let Err(e) = client.batch_execute(&format!("LISTEN {channel}")).await {
                    tracing::debug!(error = %describe(&e), "LISTEN failed");
                    drive.abort();
                } else {
                    if failures > 0 {
                        tracing::info!("listening for other servers' commits again");
                    }
                    failures = 0;
                    {
                        let mut h = listener.heard.lock();
                        h.listening = true;
                        h.poked = true;
                    }
                    listener.wake.notify_all();
                    while let Some(v) = rx.recv().await {
                        let mut h = listener.heard.lock();
                        h.version = h.version.max(v);
                        drop(h);
                        listener.wake.notify_all();
                    }
                    drive.abort();
                    drop(client);
                }
            }
            Err(e) => {
                if failures == 0 {
                    tracing::warn!(error = %describe(&e), "cannot listen for other servers' commits; retrying");
                }
            }
        }
        {
            let mut h = listener.heard.lock();
            if h.listening {
                tracing::warn!("the listening connection to PostgreSQL dropped; reconnecting");
            }
            h.listening = false;
        }
        failures = failures.saturating_add(1);
        tokio::time::sleep(Duration::from_millis(if failures < 5 { 200 } else { 1000 })).await;
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        self.listen_task.abort();
        self.pool.close();
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// A commit in progress: a connection inside a transaction that holds the version lock.
struct PgCommit<'a> {
    store: &'a PgStore,
    client: Option<Object>,
    head: u64,
}

impl PgStore {
    fn begin(&self) -> Result<PgCommit<'_>, StoreError> {
        let pool = self.pool.clone();
        let (client, head) = self.run(
            async move {
                let client = pool.get().await.map_err(pool_error)?;
                let st = client
                    .prepare_cached("SELECT version FROM head WHERE id = 1 FOR UPDATE")
                    .await
                    .map_err(pg_error)?;
                client.batch_execute("BEGIN").await.map_err(pg_error)?;
                match client.query_one(&st, &[]).await {
                    Ok(row) => Ok((client, u64_of(row.get(0)))),
                    Err(e) => {
                        // Leave no transaction open on a connection that goes back to the pool.
                        if client.batch_execute("ROLLBACK").await.is_err() {
                            drop(Object::take(client));
                        }
                        Err(pg_error(e))
                    }
                }
            },
            // Waiting for the lock is bounded by lock_timeout on the server.
            false,
        )?;
        Ok(PgCommit {
            store: self,
            client: Some(client),
            head,
        })
    }
}

impl SharedCommit for PgCommit<'_> {
    fn head(&self) -> u64 {
        self.head
    }

    fn finish(mut self: Box<Self>, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        let client = self.client.take().expect("a commit finishes once");
        let next = self.head + 1;
        let mut entry = entry;
        entry.version = next;
        let entry_bytes = serde_json::to_vec(&entry)
            .map_err(|e| StoreError::Inconsistent(format!("encoding the log entry: {e}")))?;
        let pages = encode_pages(changes);
        let bulk = changes.len() > self.store.options.bulk_threshold;
        let channel = self.store.channel.clone();
        self.store.run(
            async move {
                let r = write_commit(&client, next, entry_bytes, pages, bulk, &channel).await;
                match r {
                    Ok(()) => Ok(next),
                    Err(e) => {
                        if client.batch_execute("ROLLBACK").await.is_err() {
                            drop(Object::take(client));
                        }
                        Err(e)
                    }
                }
            },
            false,
        )
    }
}

async fn write_commit(
    client: &Object,
    version: u64,
    entry: Vec<u8>,
    pages: Vec<Vec<u8>>,
    bulk: bool,
    channel: &str,
) -> Result<(), StoreError> {
    let v = i64_of(version);
    let insert_entry = client
        .prepare_cached("INSERT INTO changelog (version, entry) VALUES ($1, $2)")
        .await
        .map_err(pg_error)?;
    client
        .execute(&insert_entry, &[&v, &entry])
        .await
        .map_err(pg_error)?;
    if bulk {
        let sink = client
            .copy_in("COPY log_pages (version, page, data) FROM STDIN BINARY")
            .await
            .map_err(pg_error)?;
        let writer = tokio_postgres::binary_copy::BinaryCopyInWriter::new(
            sink,
            &[Type::INT8, Type::INT4, Type::BYTEA],
        );
        let mut writer = std::pin::pin!(writer);
        for (i, p) in pages.iter().enumerate() {
            let page = i as i32;
            writer
                .as_mut()
                .write(&[&v, &page, p])
                .await
                .map_err(pg_error)?;
        }
        writer.finish().await.map_err(pg_error)?;
    } else if !pages.is_empty() {
        let insert_pages = client
            .prepare_cached(
                "INSERT INTO log_pages (version, page, data) SELECT $1, p, d FROM unnest($2::int4[], $3::bytea[]) AS t(p, d)",
            )
            .await
            .map_err(pg_error)?;
        let numbers: Vec<i32> = (0..pages.len() as i32).collect();
        client
            .execute(&insert_pages, &[&v, &numbers, &pages])
            .await
            .map_err(pg_error)?;
    }
    let bump = client
        .prepare_cached("UPDATE head SET version = $1 WHERE id = 1")
        .await
        .map_err(pg_error)?;
    client.execute(&bump, &[&v]).await.map_err(pg_error)?;
    let notify = client
        .prepare_cached("SELECT pg_notify($1, $2)")
        .await
        .map_err(pg_error)?;
    client
        .execute(&notify, &[&channel, &version.to_string()])
        .await
        .map_err(pg_error)?;
    client.batch_execute("COMMIT").await.map_err(pg_error)
}

impl Drop for PgCommit<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            // Not finished: roll back, in the background (the lock is released when it is done).
            self.store.handle.spawn(async move {
                if client.batch_execute("ROLLBACK").await.is_err() {
                    drop(Object::take(client));
                }
            });
        }
    }
}

impl GraphStore for PgStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        let head = self.version()?;
        let accept = |h: &citygraph_checkpoint::Header| -> Result<(), String> {
            if h.version > head {
                return Err(format!(
                    "it holds version {}, ahead of the store's version {head}",
                    h.version
                ));
            }
            match self.fingerprint(h.version) {
                Ok(Some(f)) if f == h.fingerprint => Ok(()),
                Ok(_) => Err(format!(
                    "it does not match the change-log entry of version {}: it belongs to another history",
                    h.version
                )),
                Err(e) => Err(format!("the change log cannot be read: {e}")),
            }
        };
        let mut base: Option<(Snapshot, u64)> = None;
        if let Some(dir) = &self.checkpoints {
            let loaded = dir.load(&accept)?;
            for r in &loaded.rejected {
                tracing::warn!(path = %r.path.display(), reason = %r.reason, "checkpoint passed over");
            }
            base = loaded.snapshot.map(|(s, h)| (s, h.version));
        }
        let local = base.as_ref().map_or(0, |(_, v)| *v);
        if let Some((version, bytes)) = self.database_checkpoint(local)? {
            let decoded = citygraph_checkpoint::image::decode(&bytes)
                .map_err(|e| e.to_string())
                .and_then(|(s, h)| accept(&h).map(|()| s));
            match decoded {
                Ok(s) => base = Some((s, version)),
                Err(reason) => tracing::warn!(
                    version,
                    reason = %reason,
                    "the database's checkpoint passed over"
                ),
            }
        }
        let (mut snap, from) = match base {
            Some(b) => b,
            None => {
                if head > 0 {
                    tracing::warn!(
                        version = head,
                        "no usable checkpoint: the graph is rebuilt from the whole change log"
                    );
                }
                (Snapshot::default(), 0)
            }
        };
        let started = std::time::Instant::now();
        let replayed = self.replay(&mut snap, from, head)?;
        tracing::info!(
            checkpoint = from,
            version = head,
            replayed_entries = head - from,
            replayed_changes = replayed,
            replay_seconds = started.elapsed().as_secs_f64(),
            "graph loaded from the store"
        );
        Ok(snap)
    }

    fn commit_unsynced(&self, entry: LogEntry, changes: &[Change]) -> Result<u64, StoreError> {
        Box::new(self.begin()?).finish(entry, changes)
    }

    fn sync(&self) -> Result<(), StoreError> {
        // Every commit is durable when it returns (synchronous_commit = on).
        Ok(())
    }

    fn version(&self) -> Result<u64, StoreError> {
        let pool = self.pool.clone();
        self.run(
            async move {
                let c = pool.get().await.map_err(pool_error)?;
                let st = c
                    .prepare_cached("SELECT version FROM head WHERE id = 1")
                    .await
                    .map_err(pg_error)?;
                let row = c.query_one(&st, &[]).await.map_err(pg_error)?;
                Ok(u64_of(row.get(0)))
            },
            true,
        )
    }

    fn changes_since(&self, since: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
        let pool = self.pool.clone();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let since = i64::try_from(since).unwrap_or(i64::MAX);
        let rows = self.run(
            async move {
                let c = pool.get().await.map_err(pool_error)?;
                let st = c
                    .prepare_cached(
                        "SELECT version, entry FROM changelog WHERE version > $1 ORDER BY version LIMIT $2",
                    )
                    .await
                    .map_err(pg_error)?;
                let rows = c.query(&st, &[&since, &limit]).await.map_err(pg_error)?;
                Ok(rows
                    .into_iter()
                    .map(|r| (r.get::<_, i64>(0), r.get::<_, Vec<u8>>(1)))
                    .collect::<Vec<_>>())
            },
            true,
        )?;
        rows.into_iter()
            .map(|(v, bytes)| {
                serde_json::from_slice(&bytes).map_err(|e| corrupt("changelog", v.to_string(), e))
            })
            .collect()
    }

    fn entry_changes(
        &self,
        version: u64,
        offset: u64,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError> {
        if version == 0 || version > self.version()? {
            return Err(StoreError::UnknownVersion(version));
        }
        let first = i32::try_from(offset / PAGE_CHANGES as u64).unwrap_or(i32::MAX);
        let mut skip = (offset % PAGE_CHANGES as u64) as usize;
        let mut out = Vec::new();
        let mut page = first;
        while out.len() < limit {
            let pool = self.pool.clone();
            let v = i64_of(version);
            let data = self.run(
                async move {
                    let c = pool.get().await.map_err(pool_error)?;
                    let st = c
                        .prepare_cached(
                            "SELECT data FROM log_pages WHERE version = $1 AND page = $2",
                        )
                        .await
                        .map_err(pg_error)?;
                    let row = c.query_opt(&st, &[&v, &page]).await.map_err(pg_error)?;
                    Ok(row.map(|r| r.get::<_, Vec<u8>>(0)))
                },
                true,
            )?;
            let Some(data) = data else { break };
            let changes = decode_changes(&data)
                .map_err(|e| corrupt("log_pages", format!("{version}/{page}"), e))?;
            let take = limit - out.len();
            out.extend(changes.into_iter().skip(skip).take(take));
            skip = 0;
            page += 1;
        }
        Ok(out)
    }

    fn write_checkpoint(&self, snap: &Snapshot) -> Result<Option<CheckpointInfo>, StoreError> {
        let fingerprint = self
            .fingerprint(snap.version)?
            .ok_or(StoreError::UnknownVersion(snap.version))?;
        let started = std::time::Instant::now();
        let bytes = match &self.checkpoints {
            Some(dir) => {
                let (path, _) = dir.write(snap, fingerprint)?;
                std::fs::read(path)?
            }
            None => citygraph_checkpoint::encode_snapshot(snap, fingerprint),
        };
        let size = bytes.len() as u64;
        let uploaded = self.upload_checkpoint(snap.version, fingerprint, bytes)?;
        tracing::info!(
            version = snap.version,
            bytes = size,
            uploaded,
            seconds = started.elapsed().as_secs_f64(),
            "checkpoint written"
        );
        Ok(Some(CheckpointInfo {
            version: snap.version,
            bytes: size,
        }))
    }

    fn checkpoint_version(&self) -> Result<Option<u64>, StoreError> {
        Ok(match &self.checkpoints {
            Some(dir) => dir.list()?.first().map(|(v, _)| *v),
            None => None,
        })
    }

    fn replay(&self, snap: &mut Snapshot, from: u64, to: u64) -> Result<u64, StoreError> {
        let mut applied = 0u64;
        let mut expected = from + 1;
        let mut last_page: Option<(u64, u32)> = None;
        self.scan_pages(from, to, &mut |version, page, changes| {
            // Pages come in order; an entry with no changes has no page.
            if version < expected {
                return Err(StoreError::Inconsistent(format!(
                    "page {version}/{page} out of order"
                )));
            }
            expected = version;
            let next_page = match last_page {
                Some((v, p)) if v == version => p + 1,
                _ => 0,
            };
            if page != next_page {
                return Err(StoreError::Inconsistent(format!(
                    "page {version}/{next_page} is missing"
                )));
            }
            last_page = Some((version, page));
            for c in &changes {
                snap.apply(c).map_err(|e| {
                    let (kind, id) = c.target();
                    StoreError::Inconsistent(format!(
                        "replaying version {version}: {kind} {id}: {e}"
                    ))
                })?;
            }
            applied += changes.len() as u64;
            Ok(())
        })?;
        snap.version = to;
        Ok(applied)
    }

    fn is_shared(&self) -> bool {
        true
    }

    fn begin_shared(&self) -> Result<Option<Box<dyn SharedCommit + '_>>, StoreError> {
        Ok(Some(Box::new(self.begin()?)))
    }

    fn wait_change(&self, known: u64, timeout: Duration) -> Result<(), StoreError> {
        let deadline = std::time::Instant::now() + timeout;
        let mut h = self.listener.heard.lock();
        loop {
            if h.version > known || h.poked {
                h.poked = false;
                return Ok(());
            }
            if self.listener.wake.wait_until(&mut h, deadline).timed_out() {
                return Ok(());
            }
        }
    }

    fn describe(&self) -> String {
        self.where_.clone()
    }
}
