//! Ordering by score, the one way the engine sorts.
//!
//! Every list the engine orders (causes, questions, steps, reasons, round trips) has a few dozen
//! entries at most. The standard library's stable sort is generic, so each call site compiled a
//! copy of it: six copies, about 25 KB of the wasm an owner downloads first. One insertion sort
//! over indices is a few hundred bytes and, on lists this short, just as quick.

/// The indices of `keys`, largest key first (by `f64::total_cmp`); equal keys keep their order.
pub fn largest_first(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for index in 0..keys.len() {
        let mut at = order.len();
        while at > 0 && keys[order[at - 1]].total_cmp(&keys[index]).is_lt() {
            at -= 1;
        }
        order.insert(at, index);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::largest_first;

    #[test]
    fn largest_first_and_stable_among_equals() {
        assert_eq!(
            largest_first(&[0.1, 0.5, 0.1, 0.9, 0.5]),
            vec![3, 1, 4, 0, 2]
        );
        assert_eq!(largest_first(&[]), Vec::<usize>::new());
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let keys: Vec<f64> = (0..40).map(|i| ((i * 37) % 11) as f64 / 3.0).collect();
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by(|&a, &b| keys[b].total_cmp(&keys[a]));
        assert_eq!(largest_first(&keys), expected);
    }
}
