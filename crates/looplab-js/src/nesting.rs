//! How deeply a source text nests brackets, measured before the engine parses it.
//!
//! Boa parses by recursive descent on the native stack, and every level of `(`, `[`, `{` costs
//! a dozen Rust frames. V8 gives up at about 1,500 levels with a catchable `RangeError: Maximum
//! call stack size exceeded`; Looplab refuses the same way at a stated depth, below what the
//! engine's stack holds natively and in the page, instead of overflowing it.

use boa_engine::{Context, JsResult};

/// Refuses a source text nested deeper than the run's limit, as V8 refuses one too deep for its
/// parser: with a catchable `RangeError: Maximum call stack size exceeded`.
pub(crate) fn check(source: &str, context: &Context) -> JsResult<()> {
    let limit = context
        .get_data::<crate::host::HostRef>()
        .map_or(1_000, |host| host.borrow().options.limits.nesting);
    if max_nesting(source, limit) > limit {
        return Err(crate::guards::stack_exceeded());
    }
    Ok(())
}

/// The deepest bracket nesting in `source`, outside strings, comments, template text and regular
/// expressions. Stops counting once `limit` is passed (the caller only needs to know that).
pub fn max_nesting(source: &str, limit: usize) -> usize {
    Scanner {
        bytes: source.as_bytes(),
        pos: 0,
        depth: 0,
        deepest: 0,
        templates: Vec::new(),
        limit,
    }
    .run()
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    deepest: usize,
    /// For each open template substitution `${`, the bracket depth it opened at.
    templates: Vec<usize>,
    limit: usize,
}

impl Scanner<'_> {
    fn run(mut self) -> usize {
        // Whether a `/` here would start a regular expression (after an operator or an opening
        // bracket) rather than divide (after a value).
        let mut regex_allowed = true;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' | b'[' | b'{' => {
                    self.open();
                    if self.deepest > self.limit {
                        break;
                    }
                    regex_allowed = true;
                }
                b'}' if self.templates.last() == Some(&self.depth) => {
                    self.templates.pop();
                    self.depth -= 1;
                    self.template();
                    regex_allowed = false;
                }
                b')' | b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    regex_allowed = b == b'}';
                }
                b'"' | b'\'' => {
                    self.string(b);
                    regex_allowed = false;
                }
                b'`' => {
                    self.template();
                    regex_allowed = false;
                }
                b'/' if self.peek() == Some(b'/') => self.skip_until(b"\n"),
                b'/' if self.peek() == Some(b'*') => self.skip_until(b"*/"),
                b'/' if regex_allowed => {
                    self.regex();
                    regex_allowed = false;
                }
                b' ' | b'\t' | b'\r' | b'\n' => {}
                _ if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 => {
                    let start = self.pos - 1;
                    while self.peek().is_some_and(|c| {
                        c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
                    }) {
                        self.pos += 1;
                    }
                    // After a keyword such as `return` a `/` starts a regular expression.
                    let word = &self.bytes[start..self.pos];
                    regex_allowed = matches!(
                        word,
                        b"return"
                            | b"typeof"
                            | b"case"
                            | b"do"
                            | b"else"
                            | b"in"
                            | b"of"
                            | b"new"
                            | b"delete"
                            | b"void"
                            | b"throw"
                            | b"yield"
                            | b"await"
                    );
                }
                _ => regex_allowed = true,
            }
        }
        self.deepest
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn open(&mut self) {
        self.depth += 1;
        self.deepest = self.deepest.max(self.depth);
    }

    fn skip_until(&mut self, end: &[u8]) {
        while self.pos < self.bytes.len() && !self.bytes[self.pos..].starts_with(end) {
            self.pos += 1;
        }
        self.pos = (self.pos + end.len()).min(self.bytes.len());
    }

    fn string(&mut self, quote: u8) {
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'\n' => return,
                _ if b == quote => return,
                _ => {}
            }
        }
    }

    /// Template text up to its end or to a `${`, which opens a substitution.
    fn template(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'`' => return,
                b'$' if self.peek() == Some(b'{') => {
                    self.pos += 1;
                    self.open();
                    self.templates.push(self.depth);
                    return;
                }
                _ => {}
            }
        }
    }

    fn regex(&mut self) {
        let mut in_class = false;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'[' => in_class = true,
                b']' => in_class = false,
                b'/' if !in_class => break,
                b'\n' => return,
                _ => {}
            }
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::max_nesting;

    fn depth(src: &str) -> usize {
        max_nesting(src, usize::MAX)
    }

    #[test]
    fn counts_every_kind_of_bracket() {
        assert_eq!(depth("f(a[{b: (1)}])"), 4);
        assert_eq!(depth("let x = 1;"), 0);
        let parens = format!("{}1{}", "(".repeat(300), ")".repeat(300));
        assert_eq!(depth(&parens), 300);
    }

    #[test]
    fn ignores_brackets_in_strings_comments_and_regexes() {
        assert_eq!(depth(r#"'((((' + "[[[" // {{{{"#), 0);
        assert_eq!(depth("/* (((( */ x"), 0);
        assert_eq!(depth(r"x = /\(([)]/g.test(s)"), 1);
        assert_eq!(depth("a = b / c / (d)"), 1);
        assert_eq!(depth("return /[(]/"), 0);
    }

    #[test]
    fn follows_template_substitutions() {
        assert_eq!(depth("`(((${ f((1)) }[[[`"), 3);
        assert_eq!(depth("`${ `${ (1) }` }`"), 3);
    }

    #[test]
    fn stops_once_past_the_limit() {
        let deep = "[".repeat(100_000);
        assert_eq!(max_nesting(&deep, 10), 11);
    }
}
