use super::*;

// Every backend's suite (`testsuite`), on sled in temporary folders.
crate::store_suite!(Some(crate::testsuite::SledBackend));

#[test]
fn refuses_a_version_1_folder_and_names_the_upgrade_path() {
    let dir = tempfile::tempdir().unwrap();
    {
        // What format 1 wrote: entities one key each, JSON records.
        let db = sled::open(dir.path()).unwrap();
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
