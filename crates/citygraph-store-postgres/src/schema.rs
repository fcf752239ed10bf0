//! Tables and numbered migrations.
//!
//! Tables, all in the store's schema (format version 2, the same content as the sled store's):
//! - `meta (key, value)`: `format_version` -> `2`;
//! - `head (id = 1, version)`: the newest committed graph version; its row lock serialises
//!   commits across servers;
//! - `changelog (version, entry)`: the JSON [`LogEntry`](citygraph_store::LogEntry) header of
//!   each version, byte for byte what the sled store keeps (checkpoint fingerprints are its CRC-32);
//! - `log_pages (version, page, data)`: the changes of each version, in pages of
//!   [`PAGE_CHANGES`](citygraph_store::PAGE_CHANGES) encoded by `citygraph-checkpoint`;
//! - `checkpoints (version, fingerprint, data)`: the newest image of the graph;
//! - `schema_migrations (number, name, applied_at)`: which migrations have run.
//!
//! [`migrate`] runs on every open, in one transaction under an advisory lock (two servers
//! starting together do not migrate twice): it creates the schema, refuses a schema of another
//! format version (with the export/import upgrade path) or one holding tables citygraph did not
//! write, and applies the migrations not yet recorded, in number order.

use citygraph_store::{StoreError, FORMAT_VERSION};
use deadpool_postgres::GenericClient;

use crate::pg_error;

/// One numbered migration.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub number: i32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. A new one is appended with the next number; one that changes what
/// the data means also bumps the format version.
pub const MIGRATIONS: &[Migration] = &[Migration {
    number: 1,
    name: "format 2: change log with pages, head, checkpoints",
    sql: "
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO meta (key, value) VALUES ('format_version', '2');
CREATE TABLE head (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO head (id, version) VALUES (1, 0);
CREATE TABLE changelog (version bigint PRIMARY KEY, entry bytea NOT NULL);
CREATE TABLE log_pages (
    version bigint NOT NULL,
    page int NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (version, page)
);
CREATE TABLE checkpoints (
    version bigint PRIMARY KEY,
    fingerprint bigint NOT NULL,
    data bytea NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
",
}];

/// The number of the newest migration this build knows.
pub const SCHEMA_VERSION: i32 = MIGRATIONS[MIGRATIONS.len() - 1].number;

/// Schema names are plain lowercase identifiers (they are written into SQL unquoted).
pub fn check_name(schema: &str) -> Result<(), StoreError> {
    let ok = !schema.is_empty()
        && schema.len() <= 48
        && schema
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !schema.starts_with(|c: char| c.is_ascii_digit())
        && !schema.starts_with("pg_");
    if ok {
        Ok(())
    } else {
        Err(StoreError::Backend(format!(
            "invalid schema name {schema:?}: use lowercase letters, digits and _"
        )))
    }
}

/// Creates or upgrades the schema (module docs). `where_` names the store in messages.
pub async fn migrate(
    client: &mut deadpool_postgres::Object,
    schema: &str,
    where_: &str,
) -> Result<(), StoreError> {
    let t = client.transaction().await.map_err(pg_error)?;
    t.query_one(
        "SELECT pg_advisory_xact_lock(hashtext($1))",
        &[&format!("citygraph migrate {schema}")],
    )
    .await
    .map_err(pg_error)?;
    t.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
        .await
        .map_err(pg_error)?;
    let tables: Vec<String> = t
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1",
            &[&schema],
        )
        .await
        .map_err(pg_error)?
        .into_iter()
        .map(|r| r.get(0))
        .collect();
    let applied: i32 = if tables.iter().any(|n| n == "meta") {
        let found: Option<String> = t
            .query_opt("SELECT value FROM meta WHERE key = 'format_version'", &[])
            .await
            .map_err(pg_error)?
            .map(|r| r.get(0));
        let Some(found) = found else {
            return Err(StoreError::UnknownFormat {
                path: where_.to_owned(),
            });
        };
        if found != FORMAT_VERSION.to_string() {
            return Err(StoreError::FormatVersion {
                path: where_.to_owned(),
                found,
                supported: FORMAT_VERSION,
            });
        }
        if tables.iter().any(|n| n == "schema_migrations") {
            t.query_one(
                "SELECT coalesce(max(number), 0) FROM schema_migrations",
                &[],
            )
            .await
            .map_err(pg_error)?
            .get(0)
        } else {
            0
        }
    } else if !tables.is_empty() {
        return Err(StoreError::UnknownFormat {
            path: where_.to_owned(),
        });
    } else {
        t.batch_execute(
            "CREATE TABLE schema_migrations (number int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .await
        .map_err(pg_error)?;
        0
    };
    if applied > SCHEMA_VERSION {
        return Err(StoreError::FormatVersion {
            path: format!("{where_} (schema migration {applied})"),
            found: format!("{FORMAT_VERSION} with migrations up to {applied}"),
            supported: FORMAT_VERSION,
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.number > applied) {
        apply(&t, m).await?;
        tracing::info!(
            number = m.number,
            name = m.name,
            schema,
            "schema migration applied"
        );
    }
    t.commit().await.map_err(pg_error)
}

async fn apply(t: &impl GenericClient, m: &Migration) -> Result<(), StoreError> {
    t.batch_execute(m.sql).await.map_err(pg_error)?;
    t.execute(
        "INSERT INTO schema_migrations (number, name) VALUES ($1, $2)",
        &[&m.number, &m.name],
    )
    .await
    .map_err(pg_error)?;
    Ok(())
}
