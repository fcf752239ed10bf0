//! Pages of an analytics answer, cut from the answer as cached (serialised once, never
//! recomputed for another page).

use crate::{Error, Result};

/// One page of the rows of a cached answer: the answer with its `field` cut to at most `limit`
/// rows after the cursor `after`, and the cursor of the next page. A cursor is the position
/// (1-based) of the last row of the previous page; one that names no row of the answer is
/// `invalid_cursor`.
pub fn page_rows(
    bytes: &[u8],
    field: &str,
    after: Option<&str>,
    limit: usize,
) -> Result<(serde_json::Map<String, serde_json::Value>, Option<String>)> {
    let mut answer: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(bytes).map_err(|e| Error::Internal(e.to_string()))?;
    let rows = match answer.get_mut(field) {
        Some(serde_json::Value::Array(rows)) => std::mem::take(rows),
        _ => return Err(Error::Internal(format!("the answer has no list {field:?}"))),
    };
    let start = match after {
        None => 0,
        Some(a) => match a.parse::<usize>() {
            Ok(n) if (1..=rows.len()).contains(&n) => n,
            _ => return Err(Error::InvalidCursor(a.to_owned())),
        },
    };
    let end = start.saturating_add(limit).min(rows.len());
    let next = (end < rows.len()).then(|| end.to_string());
    let page: Vec<serde_json::Value> = rows.into_iter().skip(start).take(end - start).collect();
    answer.insert(field.to_owned(), serde_json::Value::Array(page));
    Ok((answer, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> Vec<u8> {
        let rows: Vec<usize> = (0..n).collect();
        serde_json::to_vec(&serde_json::json!({"as_of": "2020-01-01", "rows": rows})).unwrap()
    }

    #[test]
    fn pages_partition_the_rows_and_the_last_has_no_next() {
        let bytes = rows(7);
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        loop {
            let (page, next) = page_rows(&bytes, "rows", cursor.as_deref(), 3).unwrap();
            assert_eq!(page["as_of"], "2020-01-01");
            seen.extend(page["rows"].as_array().unwrap().iter().cloned());
            pages += 1;
            match next {
                Some(n) => cursor = Some(n),
                None => break,
            }
        }
        assert_eq!(pages, 3);
        assert_eq!(
            seen,
            (0..7).map(serde_json::Value::from).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_cursor_past_the_rows_or_not_a_position_is_refused() {
        let bytes = rows(4);
        for bad in ["0", "5", "x", "-1"] {
            let e = page_rows(&bytes, "rows", Some(bad), 2).unwrap_err();
            assert_eq!(e.code(), "invalid_cursor", "{bad}");
        }
        let (page, next) = page_rows(&bytes, "rows", Some("4"), 2).unwrap();
        assert!(page["rows"].as_array().unwrap().is_empty());
        assert_eq!(next, None);
    }
}
