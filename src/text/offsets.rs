//! Byte offsets to UTF-16 code-unit offsets, for the JS boundary.

/// Converts UTF-8 byte offsets of one text into UTF-16 code-unit offsets.
///
/// Conversions are fastest in ascending order (the common case: spans come
/// sorted); a request behind the cursor walks back from it, or from the
/// nearest of the marks kept every [`BLOCK`] bytes, never from the beginning.
///
/// ```
/// use lupa::text::offsets::Utf16Offsets;
/// let text = "añ😀b";
/// let mut map = Utf16Offsets::new(text);
/// assert_eq!(map.to_utf16(0), 0);
/// assert_eq!(map.to_utf16(3), 2);  // after "añ"
/// assert_eq!(map.to_utf16(7), 4);  // the emoji is two code units
/// ```
pub struct Utf16Offsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    unit: usize,
    /// The bytes from `byte` up to here are ASCII, so up to here bytes and
    /// UTF-16 units advance together and a request needs no counting: it is
    /// the next byte of 0x80 or more, looked for at most [`BLOCK`] bytes ahead.
    /// News text is mostly ASCII.
    ascii_to: usize,
    /// The UTF-16 length of `text[..k * BLOCK]`, built on the first long jump back.
    marks: Vec<usize>,
}

/// Bytes between two marks: a jump back further than this restarts from a mark.
const BLOCK: usize = 1024;

/// UTF-16 code units of the characters that start in `bytes`: one for each
/// byte that is not a continuation byte, one more for each four-byte lead.
fn units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| (b & 0xC0 != 0x80) as usize + (b >= 0xF0) as usize).sum()
}

/// The position of the first byte of 0x80 or more in `bytes[i..end]`, or
/// `end`: eight bytes at a time.
fn ascii_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let end = end.min(bytes.len());
    while i + 8 <= end {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let high = u64::from_le_bytes(word) & HIGH;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

impl<'a> Utf16Offsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Offsets { text, ascii: text.is_ascii(), byte: 0, unit: 0, ascii_to: 0, marks: Vec::new() }
    }

    /// The UTF-16 offset of byte offset `byte`, which must be a char boundary.
    ///
    /// Linear over any sequence of requests that mostly ascend: a step back
    /// (a speaker before its quote) walks back at most [`BLOCK`] bytes, from
    /// the cursor or from the nearest mark.
    #[inline]
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte >= self.byte && byte <= self.ascii_to {
            self.unit += byte - self.byte;
            self.byte = byte;
            return self.unit;
        }
        self.count_to(byte)
    }

    /// [`Utf16Offsets::to_utf16`] where the units have to be counted: kept
    /// out of line so that the common case above inlines into its callers.
    #[inline(never)]
    fn count_to(&mut self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        if byte >= self.byte {
            self.unit += (self.ascii_to - self.byte) + units(&bytes[self.ascii_to..byte]);
        } else if self.byte - byte <= BLOCK {
            self.unit -= units(&bytes[byte..self.byte]);
        } else {
            if self.marks.is_empty() {
                let mut total = 0;
                self.marks.push(0);
                for chunk in bytes.chunks(BLOCK) {
                    total += units(chunk);
                    self.marks.push(total);
                }
            }
            let k = byte / BLOCK;
            self.unit = self.marks[k] + units(&bytes[k * BLOCK..byte]);
        }
        self.byte = byte;
        self.ascii_to = ascii_end(bytes, byte, byte + BLOCK);
        self.unit
    }
}
