//! Known facts of the real world, on the service loaded from the committed `seed-data/`.

mod common;

use std::path::PathBuf;

use common::{Server, ServerOptions};

fn seeded() -> Server {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seed-data");
    Server::start_with(ServerOptions {
        seed_dir: Some(seed),
        ..Default::default()
    })
}

fn partner_ids(s: &Server, city: &str, query: &str) -> Vec<String> {
    let r = s.get(&format!("/v1/cities/{city}/partners?{query}"));
    r.expect(200);
    r.json["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["city"]["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn seeded_service_answers_known_facts() {
    let s = seeded();

    // Chicago's partners include Durban, Warsaw, Milan and Osaka.
    let chicago = partner_ids(&s, "us-chicago", "status=all");
    for p in ["za-durban", "pl-warsaw", "it-milan", "jp-osaka"] {
        assert!(
            chicago.contains(&p.to_owned()),
            "{p} missing from Chicago's partners {chicago:?}"
        );
    }

    // Prague and Beijing: partners on 2018-06-01, not on 2020-06-01 (terminated 2019-10).
    assert!(partner_ids(&s, "cz-prague", "as_of=2018-06-01").contains(&"cn-beijing".to_owned()));
    assert!(!partner_ids(&s, "cz-prague", "as_of=2020-06-01").contains(&"cn-beijing".to_owned()));
    assert!(
        partner_ids(&s, "cz-prague", "as_of=2020-06-01&status=ended")
            .contains(&"cn-beijing".to_owned())
    );

    // Coventry-Volgograd is suspended on 2023-01-01.
    let h = s.get("/v1/partnerships/gb-coventry--ru-volgograd/history?as_of=2023-01-01");
    h.expect(200);
    assert_eq!(h.json["status_on_as_of"], "suspended", "{}", h.json);

    // Paris and London are C40 members in the 2019 snapshot.
    let members = s.get("/v1/networks/c40/members?as_of=2019-06-01");
    members.expect(200);
    let ids: Vec<&str> = members.json["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["city"]["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"fr-paris") && ids.contains(&"gb-london"),
        "{ids:?}"
    );

    // C40 and the Global Covenant of Mayors: the overlap report uses the real member counts.
    let gcom = s.get("/v1/networks/gcom/members?as_of=2019-06-01");
    gcom.expect(200);
    let o = s.get("/v1/analytics/overlap?networks=c40,gcom&as_of=2019-06-01");
    o.expect(200);
    assert_eq!(
        o.json["networks"][0]["members"], members.json["count"],
        "{}",
        o.json
    );
    assert_eq!(
        o.json["networks"][1]["members"], gcom.json["count"],
        "{}",
        o.json
    );
    assert!(
        members.json["count"].as_u64().unwrap() >= 80
            && gcom.json["count"].as_u64().unwrap() >= 5000
    );
    let shared = o.json["pairs"][0]["shared"].as_u64().unwrap();
    assert!(shared > 0 && shared <= members.json["count"].as_u64().unwrap());

    // Exports of the seed data before the Prague-Beijing termination contain the link; after, not.
    for format in ["geojson", "graphml", "gexf", "edges.csv"] {
        let before = s.get(&format!("/v1/export/{format}?as_of=2018-06-01"));
        before.expect(200);
        let after = s.get(&format!("/v1/export/{format}?as_of=2020-06-01"));
        after.expect(200);
        assert!(
            before.text().contains("cn-beijing--cz-prague"),
            "{format} before the termination lacks the link"
        );
        assert!(
            !after.text().contains("cn-beijing--cz-prague"),
            "{format} after the termination still has the link"
        );
        assert!(
            after.text().contains("cz-prague--tw-taipei"),
            "{format} lacks Prague-Taipei (2019)"
        );
    }

    // Recommendations for C40 cities never include C40.
    for city in ids.iter().take(15) {
        let r = s.get(&format!(
            "/v1/cities/{city}/recommendations/networks?as_of=2019-06-01"
        ));
        r.expect(200);
        for rec in r.json["recommendations"].as_array().unwrap() {
            assert_ne!(rec["network"], "c40", "{city}: {}", r.json);
        }
    }
}
