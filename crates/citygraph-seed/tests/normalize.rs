//! Name normalisation, label parsing and country labels.

use citygraph_core::{CountryCode, Region};
use citygraph_seed::country::{region_of, Countries};
use citygraph_seed::normalize::{
    edit_distance, name_key, parse_place_label, repair_mojibake, similar_names, slugify,
};

fn cc(s: &str) -> CountryCode {
    CountryCode::new(s).unwrap()
}

/// A small country table in GeoNames' shape.
fn countries() -> Countries {
    let rows = [
        ("CZ", "CZE", "Czechia", "EU"),
        ("US", "USA", "United States", "NA"),
        ("GB", "GBR", "United Kingdom", "EU"),
        ("GE", "GEO", "Georgia", "AS"),
        ("KR", "KOR", "South Korea", "AS"),
        ("RU", "RUS", "Russia", "EU"),
        ("TW", "TWN", "Taiwan", "AS"),
        ("RE", "REU", "Reunion", "AF"),
        ("AX", "ALA", "Aland Islands", "EU"),
        ("FI", "FIN", "Finland", "EU"),
        ("FR", "FRA", "France", "EU"),
        ("DE", "DEU", "Germany", "EU"),
        ("IT", "ITA", "Italy", "EU"),
        ("GR", "GRC", "Greece", "EU"),
        ("CY", "CYP", "Cyprus", "EU"),
        ("PS", "PSE", "Palestinian Territory", "AS"),
        ("AN", "ANT", "Netherlands Antilles", "NA"),
    ];
    Countries::from_rows(
        rows.iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())),
    )
}

#[test]
fn keys_ignore_diacritics_case_and_punctuation() {
    assert_eq!(name_key("Saint-Étienne"), name_key("saint etienne"));
    assert_eq!(name_key("Łódź"), "lodz");
    assert_eq!(name_key("Vil'nyans'k"), name_key("Vilnyansk"));
    assert_eq!(name_key("Xi’an"), "xian");
    assert_eq!(name_key("São Paulo"), "saopaulo");
    assert_eq!(name_key("Zürich"), "zurich");
    assert_eq!(name_key("  Frankfurt   am  Main "), "frankfurtammain");
    assert_eq!(name_key("—"), "");
}

#[test]
fn saint_variants_share_a_key() {
    let k = name_key("St. Petersburg");
    assert_eq!(name_key("Saint Petersburg"), k);
    assert_eq!(name_key("Sankt Petersburg"), k);
    assert_eq!(name_key("San Petersburg"), k);
    assert_eq!(name_key("St Petersburg"), k);
    assert_eq!(name_key("Sainte-Foy"), name_key("Ste. Foy"));
    assert_ne!(name_key("Sainte-Foy"), name_key("Saint-Foy"));
    assert_eq!(name_key("Mt. Vernon"), name_key("Mount Vernon"));
}

#[test]
fn labels_split_into_name_and_qualifiers() {
    let l = parse_place_label("Meguro (Tokyo)");
    assert_eq!(
        (l.name.as_str(), l.place_qualifier()),
        ("Meguro", Some("Tokyo"))
    );
    let l = parse_place_label("Górowo Iławeckie (rural gmina)");
    assert_eq!(l.name, "Górowo Iławeckie");
    assert_eq!(l.place_qualifier(), None, "a unit word is not a place");
    let l = parse_place_label("Coventry, Rhode Island");
    assert_eq!(
        (l.name.as_str(), l.place_qualifier()),
        ("Coventry", Some("Rhode Island"))
    );
    let l = parse_place_label("Vienna 22 – Donaustadt");
    assert_eq!(
        (l.name.as_str(), l.place_qualifier()),
        ("Donaustadt", Some("Vienna 22"))
    );
    let l = parse_place_label("Biel/Bienne");
    assert_eq!(l.keys(), vec!["bielbienne", "biel", "bienne"]);
    let l = parse_place_label("Gaza City");
    assert_eq!(l.keys(), vec!["gazacity", "gaza"]);
    assert_eq!(
        parse_place_label("Giżycko County").keys(),
        vec!["gizyckocounty"],
        "a county is not its seat"
    );
    let l = parse_place_label("Bad Kreuznach (district)");
    assert_eq!(l.name, "Bad Kreuznach (district)");
    assert_eq!(parse_place_label("Prague 1 (Prague)").name, "Prague 1");
}

#[test]
fn similar_names_accept_spellings_but_not_neighbours() {
    assert!(similar_names("Hanover", "Hannover"));
    assert!(similar_names("Nizhny Novgorod", "Nizhniy Novgorod"));
    assert!(similar_names("Frankfurt", "Frankfurt am Main"));
    assert!(similar_names("Querétaro", "Santiago de Querétaro"));
    assert!(similar_names("Vitoria-Gasteiz", "Gasteiz / Vitoria"));
    assert!(
        !similar_names("Prague", "Prague 6"),
        "a numbered district is another place"
    );
    assert!(!similar_names("Sigmaringendorf", "Sigmaringen"));
    assert!(!similar_names("Offenbach am Main", "Frankfurt am Main"));
    assert!(!similar_names("Gomel", "Homyel'"));
    assert!(
        !similar_names("Arlington County", "Arlington"),
        "a county is not its seat"
    );
}

#[test]
fn edit_distance_is_bounded() {
    assert_eq!(edit_distance("kiev", "kyiv", 3), Some(2));
    assert_eq!(edit_distance("abc", "abc", 0), Some(0));
    assert_eq!(edit_distance("abcdef", "uvwxyz", 2), None);
}

#[test]
fn slugs_are_ascii_words_joined_by_dashes() {
    assert_eq!(slugify("Frankfurt am Main"), "frankfurt-am-main");
    assert_eq!(slugify("Łódź"), "lodz");
    assert_eq!(slugify("Xi’an"), "xian");
    assert_eq!(slugify("St. John's"), "st-johns");
    assert_eq!(slugify(" -- "), "");
}

#[test]
fn double_encoded_text_is_repaired_and_good_text_is_kept() {
    assert_eq!(repair_mojibake("Arzago dâ€™Adda"), "Arzago d’Adda");
    assert_eq!(
        repair_mojibake("Å\u{a0}empeter-Vrtojba"),
        "Šempeter-Vrtojba"
    );
    assert_eq!(repair_mojibake("Ålesund"), "Ålesund");
    assert_eq!(repair_mojibake("Câmara de Lobos"), "Câmara de Lobos");
    assert_eq!(repair_mojibake("Paris"), "Paris");
}

#[test]
fn country_labels_map_to_iso_codes() {
    let c = countries();
    let cases = [
        ("United States", "US"),
        ("USA", "US"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Georgia (country)", "GE"),
        ("Georgia", "GE"),
        ("South Korea", "KR"),
        ("Russia", "RU"),
        ("Taiwan", "TW"),
        ("England", "GB"),
        ("England, United Kingdom", "GB"),
        ("Scotland", "GB"),
        ("Northern Ireland, United Kingdom", "GB"),
        ("Réunion, France", "RE"),
        ("Åland Islands, Finland", "AX"),
        ("Brandenburg, Germany", "DE"),
        ("New York, United States", "US"),
        ("in Italy", "IT"),
        ("Grece", "GR"),
        ("Northern Cyprus", "CY"),
        ("West Bank", "PS"),
        ("CZ", "CZ"),
        ("CZE", "CZ"),
    ];
    for (label, iso) in cases {
        assert_eq!(c.parse_label(label), Some(cc(iso)), "{label}");
    }
    for label in ["", "Atlantis", "Varna"] {
        assert_eq!(c.parse_label(label), None, "{label:?}");
    }
    assert_eq!(c.by_iso3("CZE"), Some(cc("CZ")));
    assert!(c.get(cc("FR")).is_some());
    assert!(c.is_country_name("Czech Republic") && c.is_country_name("Réunion"));
    assert!(!c.is_country_name("Paris"));
}

#[test]
fn the_real_country_table_maps_the_labels_of_the_lists() {
    let Some(raw) = citygraph_tests::raw_data::raw_dir(
        "the_real_country_table_maps_the_labels_of_the_lists",
        &["geonames-cities15000"],
    ) else {
        return;
    };
    let path = raw.join("geonames-cities15000/countries.csv");
    let c = Countries::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.len() >= 249);
    for (label, iso) in [
        ("Bosnia and Hercegovina", "BA"),
        ("Republic of Ireland", "IE"),
        ("Ivory Coast", "CI"),
        ("Cape Verde", "CV"),
        ("East Timor", "TL"),
        ("Democratic Republic of the Congo", "CD"),
        ("Congo", "CG"),
        ("Netherlands", "NL"),
        ("Kosovo", "XK"),
        ("Eswatini", "SZ"),
        ("Federated States of Micronesia", "FM"),
        ("São Tomé and Príncipe", "ST"),
        ("Guadeloupe, France", "GP"),
        ("Kazakhstah", "KZ"),
    ] {
        assert_eq!(c.parse_label(label), Some(cc(iso)), "{label}");
    }
}

#[test]
fn regions_follow_the_documented_rule() {
    assert_eq!(region_of(cc("FR"), "EU"), Some(Region::Europe));
    assert_eq!(region_of(cc("RU"), "EU"), Some(Region::Europe));
    assert_eq!(region_of(cc("TR"), "AS"), Some(Region::Europe));
    assert_eq!(region_of(cc("GE"), "AS"), Some(Region::Europe));
    assert_eq!(region_of(cc("IL"), "AS"), Some(Region::AfricaMiddleEast));
    assert_eq!(region_of(cc("IR"), "AS"), Some(Region::AfricaMiddleEast));
    assert_eq!(region_of(cc("EG"), "AF"), Some(Region::AfricaMiddleEast));
    assert_eq!(region_of(cc("JP"), "AS"), Some(Region::AsiaPacific));
    assert_eq!(region_of(cc("AU"), "OC"), Some(Region::AsiaPacific));
    assert_eq!(region_of(cc("CU"), "NA"), Some(Region::NorthAmerica));
    assert_eq!(region_of(cc("MX"), "NA"), Some(Region::NorthAmerica));
    assert_eq!(region_of(cc("BR"), "SA"), Some(Region::SouthAmerica));
    assert_eq!(region_of(cc("AQ"), "AN"), None);
    assert_eq!(countries().region(cc("CZ")), Some(Region::Europe));
}

#[test]
fn content_words_leave_out_links_and_articles() {
    use citygraph_seed::normalize::content_words;
    assert_eq!(
        content_words("Halle an der Saale"),
        content_words("Halle (Saale)")
    );
    assert_eq!(content_words("Frankfurt (Oder)"), ["frankfurt", "oder"]);
    assert_ne!(content_words("Halle an der Saale"), content_words("Halle"));
    assert_ne!(content_words("Kainbach bei Graz"), content_words("Graz"));
}
