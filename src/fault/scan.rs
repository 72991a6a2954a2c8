//! Byte scans over a whole input: counting line ends, and looking for a byte-order mark.
//!
//! Both run over every byte of a log that may be 16 MB. Natively the `memchr` crate does them
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

/// Where `byte` first occurs in `haystack` at or after `from`.
pub fn find_byte(haystack: &[u8], byte: u8, from: usize) -> Option<usize> {
    let rest = haystack.get(from..)?;
    #[cfg(not(target_arch = "wasm32"))]
    let found = memchr::memchr(byte, rest);
    #[cfg(target_arch = "wasm32")]
    let found = swar::find_byte(rest, byte);
    found.map(|at| from + at)
}

/// Whether `text` holds a byte-order mark (U+FEFF, EF BB BF in UTF-8) anywhere.
pub fn has_byte_order_mark(text: &str) -> bool {
    const MARK: [u8; 3] = [0xEF, 0xBB, 0xBF];
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = find_byte(bytes, MARK[0], from) {
        if bytes[at..].starts_with(&MARK) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The wasm build's scans, compiled everywhere so that the native tests check them against
/// `memchr`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod swar {
    pub fn count_byte(haystack: &[u8], byte: u8) -> usize {
        let mut chunks = haystack.chunks_exact(8);
        let mut count = 0;
        for chunk in &mut chunks {
            count += equal_bytes(word(chunk), byte).count_ones() as usize;
        }
        count + chunks.remainder().iter().filter(|&&b| b == byte).count()
    }

    pub fn find_byte(haystack: &[u8], byte: u8) -> Option<usize> {
        let mut chunks = haystack.chunks_exact(8);
        let mut start = 0;
        for chunk in &mut chunks {
            let found = equal_bytes(word(chunk), byte);
            if found != 0 {
                return Some(start + found.trailing_zeros() as usize / 8);
            }
            start += 8;
        }
        chunks
            .remainder()
            .iter()
            .position(|&b| b == byte)
            .map(|at| start + at)
    }

    fn word(chunk: &[u8]) -> u64 {
        u64::from_le_bytes(chunk.try_into().expect("chunks of eight"))
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
    fn counts_and_finds_across_chunk_edges() {
        let text = "ab\ncdefgh\n\nijklmnopq\nrs\n";
        assert_eq!(count_byte(text.as_bytes(), b'\n'), 5);
        assert_eq!(find_byte(text.as_bytes(), b'\n', 0), Some(2));
        assert_eq!(find_byte(text.as_bytes(), b'\n', 3), Some(9));
        assert_eq!(find_byte(text.as_bytes(), b'z', 0), None);
        assert_eq!(find_byte(text.as_bytes(), b'a', 99), None);
    }

    #[test]
    fn the_wasm_scans_agree_with_memchr() {
        // Every byte value, at every offset against the eight-byte chunks.
        let haystack: Vec<u8> = (0..2000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for byte in [0u8, 0x0A, 0x7F, 0x80, 0xEF, 0xFF] {
            for start in 0..9 {
                let part = &haystack[start..];
                assert_eq!(
                    swar::count_byte(part, byte),
                    memchr::memchr_iter(byte, part).count()
                );
                assert_eq!(swar::find_byte(part, byte), memchr::memchr(byte, part));
            }
        }
        assert_eq!(swar::find_byte(b"abc", b'z'), None);
    }

    #[test]
    fn finds_a_byte_order_mark_only_where_there_is_one() {
        assert!(has_byte_order_mark("<a/>\u{feff}<b/>"));
        assert!(!has_byte_order_mark("<a>\u{fe00}\u{ff00}</a>"));
        assert!(!has_byte_order_mark("plain text"));
    }
}
