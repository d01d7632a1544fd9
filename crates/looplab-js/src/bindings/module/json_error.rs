//! V8's words for JSON that does not parse (src/json/json-parser.cc and the JsonParse message
//! templates of V8 11.3, Node 20), so a broken `.json` module fails with Node's message; the
//! engine's own JSON.parse words it differently.

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

type Fail = String;

impl Parser<'_> {
    fn ws(&mut self) {
        while self.pos < self.src.len()
            && matches!(self.src[self.pos], b' ' | b'\t' | b'\n' | b'\r')
        {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn at(&self, what: &str) -> Fail {
        format!("{what} in JSON at position {}", self.pos)
    }

    /// An unexpected character where a value should start (V8's ReportUnexpectedToken).
    fn unexpected(&self) -> Fail {
        let Some(c) = self.peek() else {
            return "Unexpected end of JSON input".into();
        };
        if c.is_ascii_digit() || c == b'-' {
            return self.at("Unexpected number");
        }
        if c == b'"' {
            return self.at("Unexpected string");
        }
        let ch = self.text[self.pos..].chars().next().unwrap_or('?');
        const CONTEXT: usize = 10;
        if self.text.len() <= CONTEXT * 2 {
            return format!(
                "Unexpected token '{ch}', \"{}\" is not valid JSON",
                self.text
            );
        }
        let start = self.pos.saturating_sub(CONTEXT);
        let end = (self.pos + CONTEXT).min(self.text.len());
        let snippet = self.text.get(start..end).unwrap_or(self.text);
        let pre = if start > 0 { "..." } else { "" };
        let post = if end < self.text.len() { "..." } else { "" };
        format!("Unexpected token '{ch}', {pre}\"{snippet}\"{post} is not valid JSON")
    }

    fn value(&mut self) -> Result<(), Fail> {
        self.ws();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            _ => Err(self.unexpected()),
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), Fail> {
        for b in word.bytes() {
            if self.peek() != Some(b) {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        Ok(())
    }

    fn object(&mut self) -> Result<(), Fail> {
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        if self.peek() != Some(b'"') {
            return Err(match self.peek() {
                None => "Unexpected end of JSON input".into(),
                Some(_) => self.at("Expected property name or '}'"),
            });
        }
        loop {
            self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.eos_or("Expected ':' after property name"));
            }
            self.pos += 1;
            self.value()?;
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.eos_or("Expected double-quoted property name"));
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.eos_or("Expected ',' or '}' after property value")),
            }
        }
    }

    fn array(&mut self) -> Result<(), Fail> {
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.value()?;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.eos_or("Expected ',' or ']' after array element")),
            }
        }
    }

    fn eos_or(&self, what: &str) -> Fail {
        if self.peek().is_none() {
            "Unexpected end of JSON input".into()
        } else {
            self.at(what)
        }
    }

    fn string(&mut self) -> Result<(), Fail> {
        self.pos += 1;
        loop {
            match self.peek() {
                None => return Err(self.at("Unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(c) if c < 0x20 => {
                    return Err(self.at("Bad control character in string literal"));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                                    return Err(self.at("Bad Unicode escape"));
                                }
                                self.pos += 1;
                            }
                        }
                        None => return Err(self.at("Unterminated string")),
                        Some(_) => return Err(self.at("Bad escaped character")),
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), Fail> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.at("No number after minus sign"));
            }
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else {
            self.digits();
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.at("Unterminated fractional number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.at("Exponent part is missing a number"));
            }
        }
        Ok(())
    }
}

/// V8's message for `text`, or None when it parses.
pub fn v8_message(text: &str) -> Option<String> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
    };
    if let Err(e) = p.value() {
        return Some(e);
    }
    p.ws();
    (p.pos < p.src.len()).then(|| {
        format!(
            "Unexpected non-whitespace character after JSON at position {}",
            p.pos
        )
    })
}

#[cfg(test)]
mod tests {
    use super::v8_message;

    #[test]
    fn words_errors_as_v8_does() {
        assert_eq!(
            v8_message("{ \"name\": \"bad\", }\n").as_deref(),
            Some("Expected double-quoted property name in JSON at position 17")
        );
        assert_eq!(
            v8_message("[1, 2").as_deref(),
            Some("Unexpected end of JSON input")
        );
        assert_eq!(
            v8_message("{} x").as_deref(),
            Some("Unexpected non-whitespace character after JSON at position 3")
        );
        assert_eq!(v8_message("{\"a\": [1, {\"b\": null}]}"), None);
    }
}
