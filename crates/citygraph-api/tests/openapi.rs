//! The committed OpenAPI document (`api-spec/openapi.json`) must equal the generated one.
//! Run with `UPDATE_SPEC=1` to rewrite it after an intended API change.

use std::path::PathBuf;

#[test]
fn committed_spec_matches_the_generated_one() {
    let generated = citygraph_api::openapi()
        .to_pretty_json()
        .expect("spec serializes")
        + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../api-spec/openapi.json");
    if std::env::var_os("UPDATE_SPEC").is_some() {
        std::fs::write(&path, &generated).expect("writing api-spec/openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "api-spec/openapi.json is out of date: run `UPDATE_SPEC=1 cargo test -p citygraph-api --test openapi` and commit it"
    );
}

#[test]
fn every_operation_documents_its_responses() {
    let spec = serde_json::to_value(citygraph_api::openapi()).unwrap();
    let paths = spec["paths"].as_object().expect("paths");
    assert!(paths.len() >= 30, "only {} paths", paths.len());
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"]
                .as_object()
                .unwrap_or_else(|| panic!("{method} {path} has no responses"));
            assert!(
                responses.keys().any(|k| k.starts_with('2')),
                "{method} {path} documents no success"
            );
            if path.starts_with("/v1/") {
                assert!(
                    responses.keys().any(|k| k.starts_with('4')),
                    "{method} {path} documents no client error"
                );
            }
        }
    }
}
