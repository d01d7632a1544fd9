//! Named exports of a CommonJS module, found in its source without running it, for the shapes
//! Node's cjs-module-lexer recognizes (its README "Exports Detection"):
//! `exports.a = ...`, `module.exports.a = ...`, `exports['a'] = ...`,
//! `Object.defineProperty(exports, 'a', { value: ... })` or with a `get` that returns,
//! `module.exports = { a, b: c, ...require('x') }` and `module.exports = require('x')` (re-exports).
//! Getters written as arrow functions and object values that are not identifiers are not
//! detected, as in Node.

/// What the lexer found: export names and re-exported specifiers.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CjsExports {
    pub names: Vec<String>,
    pub reexports: Vec<String>,
}

/// The source with comments and the contents of strings and templates blanked out (each kept
/// as spaces, so offsets stay), and the string literals by their start offset.
fn blank(src: &str) -> (Vec<u8>, Vec<(usize, String)>) {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let mut strings = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
                out[i..end].fill(b' ');
                i = end;
            }
            q @ (b'\'' | b'"' | b'`') => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                let end = i.min(b.len());
                strings.push((start, src[start + 1..end].to_string()));
                out[start + 1..end].fill(b' ');
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    (out, strings)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

struct Cursor<'a> {
    text: &'a [u8],
    strings: &'a [(usize, String)],
    pos: usize,
}

impl Cursor<'_> {
    fn ws(&mut self) {
        while self.pos < self.text.len() && self.text[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }
    fn eat(&mut self, s: &str) -> bool {
        self.ws();
        if self.text[self.pos..].starts_with(s.as_bytes()) {
            let end = self.pos + s.len();
            let word = s.bytes().last().is_some_and(is_ident);
            if word && self.text.get(end).copied().is_some_and(is_ident) {
                return false;
            }
            self.pos = end;
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> Option<String> {
        self.ws();
        let start = self.pos;
        while self.pos < self.text.len() && is_ident(self.text[self.pos]) {
            self.pos += 1;
        }
        (self.pos > start && !self.text[start].is_ascii_digit())
            .then(|| String::from_utf8_lossy(&self.text[start..self.pos]).into_owned())
    }
    fn string(&mut self) -> Option<String> {
        self.ws();
        let start = self.pos;
        let (_, s) = self.strings.iter().find(|(at, _)| *at == start)?;
        self.pos = start + s.len() + 2;
        Some(s.clone())
    }
    fn key(&mut self) -> Option<String> {
        self.string().or_else(|| self.ident())
    }
    fn require_call(&mut self) -> Option<String> {
        let save = self.pos;
        if self.eat("require")
            && self.eat("(")
            && let Some(s) = self.string()
            && self.eat(")")
        {
            return Some(s);
        }
        self.pos = save;
        None
    }
}

/// Finds the exports of `source`.
pub fn detect(source: &str) -> CjsExports {
    let (text, strings) = blank(source);
    let mut found = CjsExports::default();
    let mut at = 0;
    while let Some(off) = find(&text[at..], b"exports") {
        let start = at + off;
        at = start + 7;
        let before = start.checked_sub(1).map(|i| text[i]);
        let module = start >= 7 && &text[start - 7..start] == b"module.";
        if before.is_some_and(|c| is_ident(c) || (c == b'.' && !module))
            || text.get(at).copied().is_some_and(is_ident)
        {
            continue;
        }
        let from = if module { start - 7 } else { start };
        if from >= 1 && (is_ident(text[from - 1]) || text[from - 1] == b'.') {
            continue;
        }
        let mut c = Cursor {
            text: &text,
            strings: &strings,
            pos: at,
        };
        // exports.a = / exports['a'] =
        let name = if c.eat(".") {
            c.ident()
        } else if c.eat("[") {
            c.string().filter(|_| c.eat("]"))
        } else {
            None
        };
        if let Some(name) = name {
            if c.eat("=") && !c.eat("=") {
                found.names.push(name);
            }
            continue;
        }
        if module && c.eat("=") && !c.eat("=") {
            module_exports_value(&mut c, &mut found);
        }
    }
    define_property(&text, &strings, &mut found);
    found.names.sort();
    found.names.dedup();
    found
}

/// `module.exports = require('x')` or `= { a, b: c, ...require('y') }`, up to the first shape
/// the lexer does not know.
fn module_exports_value(c: &mut Cursor, found: &mut CjsExports) {
    if let Some(spec) = c.require_call() {
        found.reexports.push(spec);
        return;
    }
    if !c.eat("{") {
        return;
    }
    loop {
        if c.eat("}") {
            return;
        }
        if c.eat("...") {
            match c.require_call() {
                Some(spec) => found.reexports.push(spec),
                None => return,
            }
        } else {
            let Some(key) = c.key() else { return };
            if c.eat(":") && c.ident().is_none() {
                return;
            }
            found.names.push(key);
        }
        if !c.eat(",") {
            return;
        }
    }
}

/// `Object.defineProperty(exports, 'a', { [enumerable: true,] value: ... })` or a getter that
/// is a function returning a value.
fn define_property(text: &[u8], strings: &[(usize, String)], found: &mut CjsExports) {
    let mut at = 0;
    while let Some(off) = find(&text[at..], b"Object.defineProperty") {
        at += off + "Object.defineProperty".len();
        let mut c = Cursor {
            text,
            strings,
            pos: at,
        };
        if !c.eat("(") {
            continue;
        }
        let target = c.eat("exports") || (c.eat("module") && c.eat(".") && c.eat("exports"));
        if !target || !c.eat(",") {
            continue;
        }
        let Some(name) = c.string() else { continue };
        if !c.eat(",") || !c.eat("{") {
            continue;
        }
        if c.eat("enumerable") && !(c.eat(":") && c.eat("true") && c.eat(",")) {
            continue;
        }
        let ok = if c.eat("value") {
            c.eat(":")
        } else if c.eat("get") {
            let function = c.eat(":") && c.eat("function");
            if function {
                c.ident();
            }
            c.eat("(") && c.eat(")") && c.eat("{") && c.eat("return")
        } else {
            false
        };
        if ok {
            found.names.push(name);
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_common_shapes() {
        let src = r#"
            // exports.commented = 1
            exports.a = 1; module.exports.b = 2; exports['c'] = 3;
            exports.eq == 4;
            const s = "exports.inString = 1";
            Object.defineProperty(exports, 'd', { enumerable: true, value: 5 });
            Object.defineProperty(exports, 'e', { enumerable: true, get: () => 6 });
            Object.defineProperty(exports, 'f', { enumerable: true, get: function () { return 7; } });
            Object.defineProperty(exports, '__esModule', { value: true });
        "#;
        assert_eq!(detect(src).names, ["__esModule", "a", "b", "c", "d", "f"]);
    }

    #[test]
    fn object_literal_and_reexports() {
        let found = detect("module.exports = { x, y: z, 'w': v, ...require('./r'), n: 1, after };");
        assert_eq!(found.names, ["w", "x", "y"]);
        assert_eq!(found.reexports, ["./r"]);
        assert_eq!(
            detect("module.exports = require('./inner.cjs');").reexports,
            ["./inner.cjs"]
        );
    }
}
