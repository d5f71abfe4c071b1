//! Stable sorting through two compiled copies of the standard library's sort (not twenty).
//!
//! Why this exists: every `sort_by` on a new element type or comparator compiles its own copy of
//! the standard stable sort, about 3 KB of WebAssembly each; the app had nineteen of them, a
//! twentieth of its download. Here one copy sorts indices with a dynamic comparator and one sorts
//! `f64` keys (the hot path); callers reorder their rows by the resulting indices (a few dozen
//! bytes per element type).

use std::cmp::Ordering;

/// The indices `0..n` ordered by `cmp` (stable: equal elements keep their index order).
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// The indices of `keys` in ascending [`f64::total_cmp`] order (stable; NaN last). Faster than
/// [`order_by`] for the hot path (charts and alternatives sort hundreds of rows per input change):
/// a second compiled sort, but with no dynamic call per comparison.
pub fn order_by_f64(keys: &[f64]) -> Vec<usize> {
    let mut pairs: Vec<(f64, usize)> = keys.iter().copied().zip(0..).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    pairs.into_iter().map(|(_, i)| i).collect()
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
}
