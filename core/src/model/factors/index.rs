//! Id → row lookups as a sorted list searched by bisection.
//!
//! Design note: a few hundred ids, built once, looked up a few times per keystroke. A sorted
//! `Vec` is as fast here as a hash map and, unlike `HashMap<String, _>`, adds no hashing or
//! table code to the WebAssembly (it reuses the one compiled sort of [`crate::sort`]).

/// Keys mapped to row indexes. A key that occurs twice keeps its first row, like a lookup that
/// iterates the rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex {
    entries: Vec<(String, usize)>,
}

impl IdIndex {
    /// The index of `(key, row)` pairs, given in row order.
    pub(crate) fn new(pairs: impl Iterator<Item = (String, usize)>) -> IdIndex {
        let mut entries: Vec<(String, usize)> = pairs.collect();
        // Stable: equal keys stay in row order, so `dedup` keeps the first row.
        crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, first| later.0 == first.0);
        IdIndex { entries }
    }

    /// The row of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        let i = self
            .entries
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        self.entries.get(i).map(|(_, row)| *row)
    }
}

/// The key of a region in the region index: provider and code, separated by a character that
/// no id contains.
pub(crate) fn region_key(provider: &str, code: &str) -> String {
    format!("{provider}\n{code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_keeps_the_first_duplicate() {
        let ids = ["b", "a", "c", "a", "b"];
        let index = IdIndex::new(ids.iter().enumerate().map(|(i, k)| (k.to_string(), i)));
        assert_eq!(index.get("a"), Some(1));
        assert_eq!(index.get("b"), Some(0));
        assert_eq!(index.get("c"), Some(2));
        assert_eq!(index.get("d"), None);
        assert_eq!(index.get(""), None);
    }
}
