//! A byte scan over a whole input: counting line ends (for the line numbers of faults).
//!
//! It runs over every byte of a log that may be 16 MB. Natively the `memchr` crate does it
//! with vector instructions. The wasm build has no vector instructions (enabling them would
//! shut out older phones), and there `memchr` falls back to four bytes at a time; wasm does
//! have native 64-bit integers, so eight bytes at a time it is ("SWAR": SIMD within a
//! register).

/// How many times `byte` occurs in `haystack`.
pub fn count_byte(haystack: &[u8], byte: u8) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memchr_iter(byte, haystack).count();
    #[cfg(target_arch = "wasm32")]
    return swar::count_byte(haystack, byte);
}

/// The wasm build's scan, compiled everywhere so that the native tests check it against
/// `memchr`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod swar {
    pub fn count_byte(haystack: &[u8], byte: u8) -> usize {
        let (words, remainder) = haystack.as_chunks::<8>();
        let mut count = 0;
        for &word in words {
            count += equal_bytes(u64::from_le_bytes(word), byte).count_ones() as usize;
        }
        count + remainder.iter().filter(|&&b| b == byte).count()
    }

    /// A word with the high bit set in exactly the bytes of `word` that equal `byte`.
    fn equal_bytes(word: u64, byte: u8) -> u64 {
        const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        let zero_where_equal = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
        // A byte's high bit ends up set when any of its bits is set; no carry crosses bytes,
        // since each byte's low seven bits plus 0x7F stay within the byte.
        let nonzero = ((zero_where_equal & LOW_SEVEN) + LOW_SEVEN) | zero_where_equal;
        !nonzero & !LOW_SEVEN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_across_chunk_edges() {
        let text = "ab\ncdefgh\n\nijklmnopq\nrs\n";
        assert_eq!(count_byte(text.as_bytes(), b'\n'), 5);
    }

    #[test]
    fn the_wasm_scan_agrees_with_memchr() {
        // Every byte value, at every offset against the eight-byte chunks.
        let haystack: Vec<u8> = (0..2000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for byte in [0u8, 0x0A, 0x7F, 0x80, 0xEF, 0xFF] {
            for start in 0..9 {
                let part = &haystack[start..];
                assert_eq!(
                    swar::count_byte(part, byte),
                    memchr::memchr_iter(byte, part).count()
                );
            }
        }
    }
}
