//! JSON text (RFC 8259) to a [`Node`] tree, accepting and refusing what `serde_json::from_str`
//! does, with its error messages and positions ("expected `,` or `]` at line 3 column 7").
//!
//! Why our own: serde_json's deserializer, generic over readers and visitors, and its
//! `float_roundtrip` number parser were a large part of the WebAssembly download; a recursive
//! descent over bytes that builds the tree directly is a fraction of that. Numbers are converted
//! by [`crate::number::float`], correctly rounded. Nesting deeper than serde_json's recursion limit
//! (128) is an error, not a stack overflow.

use super::{Node, Res};
use crate::number::float;
use serde::de::Error as _;
use serde_json::Error;
use std::borrow::Cow;

/// serde_json's recursion limit: an array or object this deep is refused.
const DEPTH: u32 = 128;

/// Parses `json` into a [`Node`] tree; syntax errors carry line and column.
pub fn parse(json: &str) -> Res<Node<'_>> {
    let mut p = Parser {
        text: json,
        bytes: json.as_bytes(),
        i: 0,
        depth: DEPTH,
    };
    let node = p.value();
    let node = node.and_then(|node| match p.skip_ws() {
        Some(_) => Err(p.peek_err("trailing characters")),
        None => Ok(node),
    });
    node.map_err(|(msg, at)| {
        let line_start = json.as_bytes()[..at]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + json.as_bytes()[..line_start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        Error::custom(format_args!(
            "{msg} at line {line} column {}",
            at - line_start
        ))
    })
}

/// A syntax error: serde_json's message and the byte offset its position is counted to.
type Syntax = (&'static str, usize);

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// How many more arrays or objects may open.
    depth: u32,
}

impl<'a> Parser<'a> {
    /// An error about the bytes read so far (serde_json's `error`).
    fn err(&self, msg: &'static str) -> Syntax {
        (msg, self.i)
    }

    /// An error about the next byte, not yet read (serde_json's `peek_error`).
    fn peek_err(&self, msg: &'static str) -> Syntax {
        (msg, (self.i + 1).min(self.bytes.len()))
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    /// The byte after any whitespace, not read.
    #[inline(always)]
    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Node<'a>, Syntax> {
        let Some(first) = self.skip_ws() else {
            return Err(self.peek_err("EOF while parsing a value"));
        };
        match first {
            b'n' => self.word(b"null", Node::Null),
            b't' => self.word(b"true", Node::Bool(true)),
            b'f' => self.word(b"false", Node::Bool(false)),
            b'-' | b'0'..=b'9' => self.number(),
            b'"' => {
                self.i += 1;
                self.string().map(Node::Str)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_err("recursion limit exceeded"));
                }
                self.i += 1;
                let node = if first == b'[' {
                    self.list()
                } else {
                    self.object()
                }?;
                // The closing bracket, seen by the loop.
                self.i += 1;
                self.depth += 1;
                Ok(node)
            }
            _ => Err(self.peek_err("expected value")),
        }
    }

    /// `null`, `true` or `false`, whose first byte was seen.
    fn word(&mut self, word: &[u8], node: Node<'a>) -> Result<Node<'a>, Syntax> {
        self.i += 1;
        for &expected in &word[1..] {
            let Some(b) = self.peek() else {
                return Err(self.err("EOF while parsing a value"));
            };
            self.i += 1;
            if b != expected {
                return Err(self.err("expected ident"));
            }
        }
        Ok(node)
    }

    /// The items of an array after its `[`, up to (not past) its `]`.
    fn list(&mut self) -> Result<Node<'a>, Syntax> {
        let mut items = Vec::new();
        loop {
            let Some(b) = self.skip_ws() else {
                return Err(self.peek_err("EOF while parsing a list"));
            };
            if b == b']' {
                return Ok(Node::List(items));
            }
            if !items.is_empty() {
                if b != b',' {
                    return Err(self.peek_err("expected `,` or `]`"));
                }
                self.i += 1;
                match self.skip_ws() {
                    Some(b']') => return Err(self.peek_err("trailing comma")),
                    Some(_) => {}
                    None => return Err(self.peek_err("EOF while parsing a value")),
                }
            }
            items.push(self.value()?);
        }
    }

    /// The members of an object after its `{`, up to (not past) its `}`.
    fn object(&mut self) -> Result<Node<'a>, Syntax> {
        let mut members = Vec::new();
        loop {
            let Some(mut b) = self.skip_ws() else {
                return Err(self.peek_err("EOF while parsing an object"));
            };
            if b == b'}' {
                return Ok(Node::Obj(members));
            }
            if !members.is_empty() {
                if b != b',' {
                    return Err(self.peek_err("expected `,` or `}`"));
                }
                self.i += 1;
                b = match self.skip_ws() {
                    Some(b'}') => return Err(self.peek_err("trailing comma")),
                    Some(b) => b,
                    None => return Err(self.peek_err("EOF while parsing a value")),
                };
            }
            if b != b'"' {
                return Err(self.peek_err("key must be a string"));
            }
            self.i += 1;
            let key = self.string()?;
            match self.skip_ws() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_err("expected `:`")),
                None => return Err(self.peek_err("EOF while parsing an object")),
            }
            members.push((key, self.value()?));
        }
    }

    /// A string after its opening quote, through its closing one; borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Syntax> {
        let mut owned: Option<String> = None;
        let mut start = self.i;
        loop {
            let rest = &self.bytes[self.i..];
            self.i += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            // Stopped at an ASCII byte or the end, so both ends are on character boundaries.
            let run = &self.text[start..self.i];
            let Some(b) = self.peek() else {
                return Err(self.err("EOF while parsing a string"));
            };
            self.i += 1;
            match b {
                b'"' => {
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut s) => {
                            s.push_str(run);
                            Cow::Owned(s)
                        }
                    })
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(run);
                    let c = self.escape()?;
                    s.push(c);
                    start = self.i;
                }
                _ => {
                    return Err(self
                        .err("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of an escape after its backslash.
    fn escape(&mut self) -> Result<char, Syntax> {
        let Some(b) = self.peek() else {
            return Err(self.err("EOF while parsing a string"));
        };
        self.i += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\x08',
            b'f' => '\x0c',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(),
            _ => return Err(self.err("invalid escape")),
        })
    }

    /// A `\u` escape after its `u`: a UTF-16 unit, or a surrogate pair of two escapes.
    fn unicode(&mut self) -> Result<char, Syntax> {
        let lone = "lone leading surrogate in hex escape";
        let high = self.hex4()?;
        let code = match high {
            0xDC00..=0xDFFF => return Err(self.err(lone)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    let Some(b) = self.peek() else {
                        return Err(self.err("EOF while parsing a string"));
                    };
                    self.i += 1;
                    if b != expected {
                        return Err(self.err("unexpected end of hex escape"));
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.err(lone));
                }
                0x10000 + ((high - 0xD800) << 10 | (low - 0xDC00))
            }
            _ => high,
        };
        // Never fails: surrogates were paired above.
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, Syntax> {
        let Some(digits) = self.bytes.get(self.i..self.i + 4) else {
            self.i = self.bytes.len();
            return Err(self.err("EOF while parsing a string"));
        };
        self.i += 4;
        let mut code = 0;
        for &d in digits {
            let Some(d) = char::from(d).to_digit(16) else {
                return Err(self.err("invalid escape"));
            };
            code = code * 16 + d;
        }
        Ok(code)
    }

    /// The run of ASCII digits from the current byte.
    fn digits(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.i..];
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        self.i += n;
        &rest[..n]
    }

    /// A number: an integer is `U64`, or `I64` when negative, if it fits (`-0` is `F64`).
    fn number(&mut self) -> Result<Node<'a>, Syntax> {
        let negative = self.peek() == Some(b'-');
        self.i += usize::from(negative);
        let int = match self.peek() {
            None => return Err(self.err("EOF while parsing a value")),
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_err("invalid number"));
                }
                &self.bytes[self.i - 1..self.i]
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => {
                self.i += 1;
                return Err(self.err("invalid number"));
            }
        };
        let mut frac: &[u8] = &[];
        let mut exp = 0;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.i += 1;
            integer = false;
            frac = self.digits();
            if frac.is_empty() {
                return Err(match self.peek() {
                    Some(_) => self.peek_err("invalid number"),
                    None => self.peek_err("EOF while parsing a value"),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            integer = false;
            exp = self.exponent(int, frac)?;
        }
        if integer {
            let mut n: Option<u64> = Some(0);
            for d in int {
                n = n
                    .and_then(|n| n.checked_mul(10))
                    .and_then(|n| n.checked_add(u64::from(d - b'0')));
            }
            match (n, negative) {
                (Some(n), false) => return Ok(Node::U64(n)),
                (Some(n @ 1..=0x8000_0000_0000_0000), true) => {
                    return Ok(Node::I64(0i64.wrapping_sub_unsigned(n)))
                }
                _ => {}
            }
        }
        let x = float::from_decimal(int, frac, exp);
        if x.is_infinite() {
            return Err(self.err("number out of range"));
        }
        Ok(Node::F64(if negative { -x } else { x }))
    }

    /// The exponent after `e`; serde_json's limit is `i32`, past which a nonzero number with a
    /// positive exponent is out of range right there and anything else is 0.
    fn exponent(&mut self, int: &[u8], frac: &[u8]) -> Result<i64, Syntax> {
        let minus = self.peek() == Some(b'-');
        if let Some(b'-' | b'+') = self.peek() {
            self.i += 1;
        }
        match self.peek() {
            None => return Err(self.err("EOF while parsing a value")),
            Some(b'0'..=b'9') => {}
            Some(_) => {
                self.i += 1;
                return Err(self.err("invalid number"));
            }
        }
        let mut exp: i64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.i += 1;
            exp = exp * 10 + i64::from(d - b'0');
            if exp > i64::from(i32::MAX) {
                let zero = int.iter().chain(frac).all(|d| *d == b'0');
                if !minus && !zero {
                    return Err(self.err("number out of range"));
                }
                self.digits();
                // Far below the smallest float: the number reads as 0.
                return Ok(-(1 << 40));
            }
        }
        Ok(if minus { -exp } else { exp })
    }
}

#[cfg(test)]
mod tests;
