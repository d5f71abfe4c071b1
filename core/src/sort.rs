//! Stable sorting by index, with one small merge sort instead of the standard library's.
//!
//! Why this exists: every `sort_by` on a new element type or comparator compiles its own copy of
//! the standard stable sort (driftsort, about 4 KB of WebAssembly each with its small-sort
//! networks); the app had nineteen of them, a twentieth of its download. Here one bottom-up merge
//! sort of indices (a few hundred bytes per comparator type) orders rows by a dynamic comparator
//! or by `f64` keys (the hot path, with no dynamic call per comparison); callers reorder their
//! rows by the resulting indices (a few dozen bytes per element type). The rows sorted here are
//! at most a few hundred (regions, zones, accelerators): O(n log n) with no adaptive tricks is
//! microseconds.

use std::cmp::Ordering;

/// The indices `0..n` in the order of a stable merge sort by `cmp` (equal elements keep their
/// index order).
fn merge_sorted(n: usize, cmp: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        // Merge each pair of neighbouring sorted runs of `width` from `from` into `to`.
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                // The right run's element goes first only when strictly smaller: stability.
                let right = j < hi && (i >= mid || cmp(from[j], from[i]) == Ordering::Less);
                if right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// The indices `0..n` ordered by `cmp` (stable: equal elements keep their index order).
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    merge_sorted(n, cmp)
}

/// The indices of `keys` in ascending [`f64::total_cmp`] order (stable; NaN last). Faster than
/// [`order_by`] for the hot path (charts and alternatives sort hundreds of rows per input change):
/// its own compiled merge, with no dynamic call per comparison.
pub fn order_by_f64(keys: &[f64]) -> Vec<usize> {
    merge_sorted(keys.len(), |a, b| keys[a].total_cmp(&keys[b]))
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_by(v.len(), &|a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    permute(v, order);
}

/// Reorders `v` so that element `order[k]` comes `k`-th (`order` is a permutation of its indices).
fn permute<T>(v: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` stably by an `f64` key, ascending, with `f64::total_cmp` (NaN last).
pub fn sort_by_f64<T>(v: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let keys: Vec<f64> = v.iter().map(key).collect();
    permute(v, order_by_f64(&keys));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_and_keeps_every_element() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn f64_keys_put_nan_last_and_descending_works_by_reversing_the_comparator() {
        let mut v = vec![2.0, f64::NAN, -1.0, 0.5];
        sort_by_f64(&mut v, |x| *x);
        assert_eq!(&v[..3], &[-1.0, 0.5, 2.0]);
        assert!(v[3].is_nan());
        let mut w: Vec<f64> = vec![1.0, 3.0, 2.0];
        sort_by(&mut w, |a, b| b.total_cmp(a));
        assert_eq!(w, vec![3.0, 2.0, 1.0]);
        assert_eq!(order_by(0, &|_, _| Ordering::Equal), Vec::<usize>::new());
        assert_eq!(order_by_f64(&[1.0, 0.0, 1.0, -0.0]), vec![3, 1, 0, 2]);
    }

    /// Against the standard stable sort, on many lengths and key ranges (with ties).
    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in (0..70).chain([127, 128, 129, 255, 256, 257, 1000]) {
            for range in [1, 3, 50, 1 << 20] {
                let keys: Vec<u64> = (0..n).map(|_| next() % range).collect();
                let mut expected: Vec<usize> = (0..n).collect();
                expected.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
                assert_eq!(
                    order_by(n, &|a, b| keys[a].cmp(&keys[b])),
                    expected,
                    "n={n}"
                );
                let floats: Vec<f64> = keys.iter().map(|&k| k as f64 - 7.5).collect();
                assert_eq!(order_by_f64(&floats), expected, "n={n}");
            }
        }
    }
}
