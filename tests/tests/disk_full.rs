//! A full disk on the real binary (issue 18): the data folder on a small tmpfs this test mounts.
//! Writes answer 507 `insufficient_storage` while space is lacking, `/readyz` answers 503, reads go
//! on, nothing hangs, and writes succeed again by themselves once space is freed; after a SIGKILL
//! and a restart the folder holds every acknowledged write and equals the graph the server served.
//!
//! Mounting needs privileges: where `mount -t tmpfs` fails the test says so and returns.

mod common;

use common::disk::{fill, Tmpfs};
use common::{city_json, Server, ServerOptions};

fn city(i: usize) -> serde_json::Value {
    let mut c = city_json(&format!("fr-c{i}"), "C", "FR", "europe", 45.0, 5.0);
    c["name"] = format!("City {i} {}", "n".repeat(2000)).into();
    c
}

#[test]
fn a_full_disk_refuses_writes_with_507_and_they_recover_once_space_is_freed() {
    let Some(fs) = Tmpfs::mount(48, "the full-disk test") else {
        return;
    };
    let data = fs.path().join("data");
    let opts = |free_mb: &str| {
        ServerOptions::with_token()
            .data_dir(&data)
            .env("CITYGRAPH_MIN_FREE_MB", free_mb)
            .env("CITYGRAPH_CACHE_MB", "8")
    };
    let mut acked: Vec<usize> = Vec::new();

    // 1. Below the reserve: refused before sled sees the write.
    let mut s = Server::start_with(opts("2"));
    for i in 0..5 {
        s.post("/v1/cities", &city(i)).expect(201);
        acked.push(i);
    }
    let filler = fill(fs.path(), 1 << 20);
    s.post("/v1/cities", &city(100))
        .expect_problem(507, "insufficient_storage");
    s.get("/readyz").expect_problem(503, "not_ready");
    s.get("/v1/cities/fr-c1").expect(200);
    s.get("/v1/cities/fr-c100")
        .expect_problem(404, "city_not_found");
    std::fs::remove_file(&filler).unwrap();
    s.post("/v1/cities", &city(101)).expect(201);
    acked.push(101);
    s.get("/readyz").expect(200);
    s.kill_hard();

    // 2. No reserve: sled itself runs out of space, and the store reopens once there is room.
    let mut s2 = Server::start_with(opts("0"));
    let filler = fill(fs.path(), 0);
    let mut refused = false;
    // The change log packs a write into a few kB of a sled segment already on disk: enough of
    // them to need a new segment.
    for i in 1000..9000 {
        let r = s2.post("/v1/cities", &city(i));
        match r.status {
            201 => acked.push(i),
            507 => {
                r.expect_problem(507, "insufficient_storage");
                refused = true;
                break;
            }
            other => panic!("a write on a full disk answered {other}: {}", r.text()),
        }
    }
    assert!(refused, "the disk never filled");
    s2.post("/v1/cities", &city(500))
        .expect_problem(507, "insufficient_storage");
    std::fs::remove_file(&filler).unwrap();
    s2.post("/v1/cities", &city(501)).expect(201);
    acked.push(501);
    s2.post("/v1/cities", &city(502)).expect(201);
    acked.push(502);
    s2.get("/readyz").expect(200);
    let served = s2.export();
    s2.kill_hard();

    // 3. After a SIGKILL the folder holds every acknowledged write and what the server served.
    let s3 = Server::start_with(opts("0"));
    for i in &acked {
        s3.get(&format!("/v1/cities/fr-c{i}")).expect(200);
    }
    assert!(
        s3.export() == served,
        "the reopened folder differs from the graph the server served"
    );
    drop(s);
}
