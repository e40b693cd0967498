//! Byte offsets to UTF-16 code-unit offsets, for the JS boundary.

/// Converts UTF-8 byte offsets of one text into UTF-16 code-unit offsets.
///
/// Conversions are fastest in ascending order (the common case: spans come
/// sorted); a request behind the cursor restarts from the beginning.
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
}

impl<'a> Utf16Offsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Offsets { text, ascii: text.is_ascii(), byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let stretch = &self.text[self.byte..byte];
        self.unit += stretch.chars().map(char::len_utf16).sum::<usize>();
        self.byte = byte;
        self.unit
    }
}
