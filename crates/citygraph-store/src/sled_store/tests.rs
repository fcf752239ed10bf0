use super::*;

// Every backend's suite (`testsuite`), on sled in temporary folders.
crate::store_suite!(Some(crate::testsuite::SledBackend));

#[test]
fn refuses_a_version_1_folder_and_names_the_upgrade_path() {
    let dir = tempfile::tempdir().unwrap();
    {
        // What format 1 wrote: entities one key each, JSON records.
        let db = open_waiting_for_lock(&sled::Config::new().path(dir.path())).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert(K_FORMAT, b"1".as_slice())
            .unwrap();
        db.open_tree("cities")
            .unwrap()
            .insert(b"fr-paris", br#"{"id":"fr-paris"}"#.as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    let err = SledStore::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::FormatVersion { ref found, supported: 2, .. } if found == "1"),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("the data folder")
            && msg.contains("export it")
            && msg.contains("import the export"),
        "{msg}"
    );
}

#[test]
fn a_folder_reopens_at_once_after_a_close_but_not_while_open() {
    let dir = tempfile::tempdir().unwrap();
    // Close and reopen at once, many times: each open waits out the flusher of the last close.
    for _ in 0..40 {
        let store = SledStore::open(dir.path()).unwrap();
        drop(store);
    }
    // While a handle is open, the folder stays refused (after the bounded wait), not hung.
    let held = SledStore::open(dir.path()).unwrap();
    let started = std::time::Instant::now();
    let err = SledStore::open(dir.path()).expect_err("a held folder is refused");
    assert!(err.to_string().contains("lock"), "{err}");
    assert!(started.elapsed() >= LOCK_WAIT);
    assert!(started.elapsed() < LOCK_WAIT * 3);
    drop(held);
}
