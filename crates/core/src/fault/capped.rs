//! A list that keeps its first few items and counts the rest, so that no single fault can make
//! the decoder, the findings or the screen do work in proportion to something unbounded.

/// The first `LIMIT` items pushed, and how many more there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capped<T, const LIMIT: usize> {
    items: Vec<T>,
    more: usize,
}

impl<T, const LIMIT: usize> Default for Capped<T, LIMIT> {
    fn default() -> Self {
        Capped {
            items: Vec::new(),
            more: 0,
        }
    }
}

impl<T, const LIMIT: usize> Capped<T, LIMIT> {
    /// Keeps `item` if there is room; counts it otherwise.
    pub fn push(&mut self, item: T) {
        if self.items.len() < LIMIT {
            self.items.push(item);
        } else {
            self.more += 1;
        }
    }

    /// Whether the next push would be kept (so it is worth building).
    pub fn has_room(&self) -> bool {
        self.items.len() < LIMIT
    }

    /// Counts one more item without building it.
    pub fn count_one(&mut self) {
        self.more += 1;
    }

    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// How many items were counted but not kept.
    pub fn more(&self) -> usize {
        self.more
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// "a, b, c" or "a, b, c and 12 more".
    pub fn listed(&self, show: impl Fn(&T) -> String) -> String {
        let shown: Vec<String> = self.items.iter().map(show).collect();
        match self.more {
            0 => shown.join(", "),
            more => format!("{} and {more} more", shown.join(", ")),
        }
    }
}

impl<T, const LIMIT: usize> FromIterator<T> for Capped<T, LIMIT> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut capped = Capped::default();
        for item in iter {
            capped.push(item);
        }
        capped
    }
}

impl<'a, T, const LIMIT: usize> IntoIterator for &'a Capped<T, LIMIT> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_items_and_counts_the_rest() {
        let capped: Capped<u32, 3> = (1..=10).collect();
        assert_eq!(capped.items(), [1, 2, 3]);
        assert_eq!(capped.more(), 7);
        assert_eq!(capped.listed(|n| n.to_string()), "1, 2, 3 and 7 more");
        let few: Capped<u32, 3> = [1].into_iter().collect();
        assert_eq!(few.listed(|n| n.to_string()), "1");
    }
}
