//! Helpers for tests and benchmarks, never part of the app: a small deterministic random
//! generator, so property tests, fuzz cases and generated benchmark guides are the same on
//! every run and a failure reproduces. Built for this crate's tests and, through the
//! `testing` feature, for the root crate's tests and benches.

/// xorshift64* (Vigna). The seed must not be zero, which would stay zero.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    // Named as the tests have always called it; an `Iterator` would hand out `Option`s.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True once in `one_in` times, roughly.
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    /// One of `options`, which must not be empty.
    pub fn pick<'a, T>(&mut self, options: &'a [T]) -> &'a T {
        &options[self.below(options.len())]
    }

    /// A short text mixing ASCII, CJK, quotes, escapes, emoji and control characters.
    pub fn text(&mut self, max: usize) -> String {
        const PIECES: &[&str] = &[
            "a", "Z", "7", " ", "集", "美", "厦门", "\"", "\\", "\n", "\u{0}", "😷", "é", "{", "]",
            ",",
        ];
        let n = self.below(max + 1);
        (0..n)
            .map(|_| *self.pick(PIECES))
            .collect::<String>()
            .chars()
            .take(max)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_repeats_and_stays_in_range() {
        let (mut a, mut b) = (Rng(42), Rng(42));
        let first: Vec<u64> = (0..8).map(|_| a.next()).collect();
        assert_eq!(first, (0..8).map(|_| b.next()).collect::<Vec<_>>());
        assert!(first.windows(2).all(|w| w[0] != w[1]));
        let mut r = Rng(7);
        for n in [1, 2, 3, 10, 1000] {
            assert!((0..200).all(|_| r.below(n) < n));
        }
        assert_eq!(r.below(0), 0);
        let hits = (0..1000).filter(|_| r.chance(4)).count();
        assert!((150..350).contains(&hits), "{hits} of 1000 for one in four");
        assert!((0..50).all(|_| r.text(12).chars().count() <= 12));
    }
}
