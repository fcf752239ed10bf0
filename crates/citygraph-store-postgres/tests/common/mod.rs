//! The PostgreSQL backend of the store test suite: every test gets its own schema in the
//! database at `CITYGRAPH_TEST_PG_URL` (scripts/test.sh starts a throwaway cluster and sets it).
//! Without it the tests say so and pass, except under `CI=true`, where they fail.

#![allow(dead_code)] // reason: each test binary uses a part of these helpers

use std::sync::atomic::{AtomicU32, Ordering};

use citygraph_checkpoint::CheckpointDir;
use citygraph_core::Change;
use citygraph_store::testsuite::Backend;
use citygraph_store::{encode_pages, StoreError};
use citygraph_store_postgres::{PgOptions, PgStore};

/// The test database's URL, or `None` (with a line saying why) when there is none.
pub fn url() -> Option<String> {
    match std::env::var("CITYGRAPH_TEST_PG_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CITYGRAPH_TEST_PG_URL is not set: scripts/test.sh starts PostgreSQL and sets it");
            }
            eprintln!("skipped: CITYGRAPH_TEST_PG_URL is not set (scripts/test.sh sets it)");
            None
        }
    }
}

/// Runs one SQL script on the database (outside any store).
pub fn exec(url: &str, sql: &str) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .unwrap();
        let drive = tokio::spawn(conn);
        client.batch_execute(sql).await.unwrap();
        drop(client);
        let _ = drive.await;
    });
}

/// A schema of its own, with a local checkpoint folder; dropped with it.
pub struct Place {
    pub url: String,
    pub schema: String,
    pub dir: tempfile::TempDir,
}

impl Place {
    pub fn new(url: &str) -> Place {
        static N: AtomicU32 = AtomicU32::new(0);
        let schema = format!(
            "t{}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        exec(url, &format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        Place {
            url: url.to_owned(),
            schema,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn options(&self, bulk_threshold: usize) -> PgOptions {
        PgOptions {
            schema: self.schema.clone(),
            bulk_threshold,
            checkpoint_dir: Some(self.dir.path().join("checkpoints")),
            ..PgOptions::default()
        }
    }

    /// Another server's view: the same schema, its own checkpoint folder.
    pub fn open_elsewhere(&self, dir: &std::path::Path) -> PgStore {
        PgStore::open(
            &self.url,
            PgOptions {
                schema: self.schema.clone(),
                checkpoint_dir: Some(dir.to_owned()),
                ..PgOptions::default()
            },
        )
        .unwrap()
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        exec(
            &self.url,
            &format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema),
        );
    }
}

/// Runs `f` on a pooled connection of `store`.
pub fn with_connection<T: Send + 'static>(
    store: &PgStore,
    f: impl for<'a> FnOnce(
            &'a deadpool_postgres::Object,
        )
            -> std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>
        + Send
        + 'static,
) -> T {
    let c = store.connection().unwrap();
    store
        .run(
            async move {
                let out = f(&c).await;
                Ok(out)
            },
            false,
        )
        .unwrap()
}

pub struct PgBackend {
    pub url: String,
}

impl Backend for PgBackend {
    type Store = PgStore;
    type Place = Place;

    fn place(&self) -> Place {
        Place::new(&self.url)
    }

    fn open(&self, place: &Place, bulk_threshold: usize) -> Result<PgStore, StoreError> {
        PgStore::open(&place.url, place.options(bulk_threshold))
    }

    fn interrupt_bulk_commit(&self, store: &PgStore, changes: &[Change]) {
        // The commit's writes inside its transaction, then the connection is lost before COMMIT.
        let pages = encode_pages(changes);
        let c = store.connection().unwrap();
        store
            .run(
                async move {
                    c.batch_execute("BEGIN").await.unwrap();
                    let head: i64 = c
                        .query_one("SELECT version FROM head WHERE id = 1 FOR UPDATE", &[])
                        .await
                        .unwrap()
                        .get(0);
                    let next = head + 1;
                    c.execute(
                        "INSERT INTO changelog (version, entry) VALUES ($1, $2)",
                        &[&next, &b"{}".to_vec()],
                    )
                    .await
                    .unwrap();
                    for (i, p) in pages.iter().enumerate() {
                        c.execute(
                            "INSERT INTO log_pages (version, page, data) VALUES ($1, $2, $3)",
                            &[&next, &(i as i32), p],
                        )
                        .await
                        .unwrap();
                    }
                    // Gone without a COMMIT: the connection is closed, not returned to the pool.
                    drop(deadpool_postgres::Object::take(c));
                    Ok(())
                },
                false,
            )
            .unwrap();
    }

    fn page_count(&self, store: &PgStore) -> usize {
        with_connection(store, |c| {
            Box::pin(async move {
                let n: i64 = c
                    .query_one("SELECT count(*) FROM log_pages", &[])
                    .await
                    .unwrap()
                    .get(0);
                n as usize
            })
        })
    }

    fn overwrite_page(&self, store: &PgStore, version: u64, page: u32, bytes: &[u8]) {
        let bytes = bytes.to_vec();
        with_connection(store, move |c| {
            Box::pin(async move {
                c.execute(
                    "UPDATE log_pages SET data = $3 WHERE version = $1 AND page = $2",
                    &[&(version as i64), &(page as i32), &bytes],
                )
                .await
                .unwrap();
            })
        })
    }

    fn set_format_version(&self, place: &Place, found: &str) {
        exec(
            &place.url,
            &format!(
                "UPDATE {}.meta SET value = '{found}' WHERE key = 'format_version'",
                place.schema
            ),
        );
    }

    fn write_foreign(&self, place: &Place) {
        exec(
            &place.url,
            &format!(
                "CREATE SCHEMA {s}; CREATE TABLE {s}.cities (id text PRIMARY KEY); INSERT INTO {s}.cities VALUES ('x')",
                s = place.schema
            ),
        );
    }

    fn checkpoints(&self, store: &PgStore) -> CheckpointDir {
        store.checkpoints().expect("a local folder").clone()
    }
}

pub fn backend() -> Option<PgBackend> {
    url().map(|url| PgBackend { url })
}
