//! A small JavaScript tokenizer for the editor's colours: keywords, strings, template literals,
//! comments, numbers and regular expressions. It only colours text, so it guesses where a full
//! parser would know (a `/` starts a regex unless a value precedes it) and never fails.
use std::ops::Range;

/// What a piece of source is, as the editor colours it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Keyword,
    String,
    Template,
    Comment,
    Number,
    Regex,
}

impl Kind {
    /// The CSS class that colours it (none for plain text).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Kind::Plain => None,
            Kind::Keyword => Some("tk-kw"),
            Kind::String | Kind::Template => Some("tk-str"),
            Kind::Comment => Some("tk-com"),
            Kind::Number => Some("tk-num"),
            Kind::Regex => Some("tk-re"),
        }
    }
}

const KEYWORDS: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "let",
    "new",
    "null",
    "of",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// Keywords after which a `/` starts a regex, not a division.
const BEFORE_EXPRESSION: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// The source cut into pieces that cover it exactly, in order.
pub fn tokenize(src: &str) -> Vec<(Kind, &str)> {
    let b = src.as_bytes();
    let mut out: Vec<(Kind, Range<usize>)> = Vec::new();
    let mut i = 0;
    // Whether the last significant token ends a value (then `/` divides).
    let mut after_value = false;
    while i < b.len() {
        let start = i;
        let c = b[i];
        let kind = match c {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = line_end(b, i);
                Kind::Comment
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = src[i + 2..].find("*/").map_or(b.len(), |k| i + 2 + k + 2);
                Kind::Comment
            }
            b'\'' | b'"' => {
                i = quoted(b, i, c, false);
                Kind::String
            }
            b'`' => {
                i = quoted(b, i, c, true);
                Kind::Template
            }
            b'0'..=b'9' => {
                i = number_end(b, i);
                Kind::Number
            }
            b'.' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                i = number_end(b, i);
                Kind::Number
            }
            b'/' if !after_value && regex_end(b, i).is_some() => {
                i = regex_end(b, i).unwrap_or(i + 1);
                Kind::Regex
            }
            _ if is_ident_start(c) => {
                while i < b.len() && is_ident_part(b[i]) {
                    i += 1;
                }
                let word = &src[start..i];
                let keyword = KEYWORDS.contains(&word);
                after_value = !keyword || !BEFORE_EXPRESSION.contains(&word);
                let kind = if keyword { Kind::Keyword } else { Kind::Plain };
                push(&mut out, kind, start..i);
                continue;
            }
            _ => {
                // One character (a whole UTF-8 sequence), or a run of spaces.
                i += utf8_len(c);
                if c.is_ascii_whitespace() {
                    while i < b.len() && b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                } else {
                    after_value = matches!(c, b')' | b']' | b'}');
                }
                Kind::Plain
            }
        };
        if kind != Kind::Plain && kind != Kind::Comment {
            after_value = true;
        }
        push(&mut out, kind, start..i);
    }
    out.into_iter().map(|(k, r)| (k, &src[r])).collect()
}

/// Adds a piece, joining it to the one before when both are plain (fewer nodes to draw).
fn push(out: &mut Vec<(Kind, Range<usize>)>, kind: Kind, range: Range<usize>) {
    match out.last_mut() {
        Some((Kind::Plain, last)) if kind == Kind::Plain && last.end == range.start => {
            last.end = range.end;
        }
        _ => out.push((kind, range)),
    }
}

fn line_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |k| i + k)
}

/// End of a string or template opened at `i`; a plain string also ends at a line break.
fn quoted(b: &[u8], i: usize, quote: u8, multiline: bool) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == quote => return j + 1,
            b'\n' if !multiline => return j,
            _ => j += 1,
        }
    }
    b.len()
}

fn number_end(b: &[u8], start: usize) -> usize {
    let hex = matches!(b.get(start..start + 2), Some(b"0x" | b"0X"));
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        let exponent_sign =
            !hex && i > start && matches!(c, b'+' | b'-') && matches!(b[i - 1], b'e' | b'E');
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || exponent_sign {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// End of a regex literal starting at `i` (its flags included), or None when the line ends first.
fn regex_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let mut in_class = false;
    while j < b.len() {
        match b[j] {
            b'\n' => return None,
            b'\\' => j += 1,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'/' if !in_class => {
                if j == i + 1 {
                    return None;
                }
                j += 1;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                return Some(j);
            }
            _ => {}
        }
        j += 1;
    }
    None
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80
}

fn is_ident_part(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// The pieces split at line breaks: one list per line, without the `\n`s.
pub fn lines<'a>(tokens: &[(Kind, &'a str)]) -> Vec<Vec<(Kind, &'a str)>> {
    let mut lines = vec![Vec::new()];
    for &(kind, text) in tokens {
        for (n, part) in text.split('\n').enumerate() {
            if n > 0 {
                lines.push(Vec::new());
            }
            if !part.is_empty() {
                lines
                    .last_mut()
                    .expect("one line at least")
                    .push((kind, part));
            }
        }
    }
    lines
}

/// Each line's pieces as byte ranges of `src`, so a caller can keep them while `src` lives on.
pub fn line_ranges(src: &str) -> Vec<Vec<(Kind, Range<usize>)>> {
    let start = src.as_ptr() as usize;
    lines(&tokenize(src))
        .into_iter()
        .map(|pieces| {
            pieces
                .into_iter()
                .map(|(kind, text)| {
                    let at = text.as_ptr() as usize - start;
                    (kind, at..at + text.len())
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The coloured pieces only.
    fn kinds(src: &str) -> Vec<(Kind, &str)> {
        tokenize(src)
            .into_iter()
            .filter(|(k, _)| *k != Kind::Plain)
            .collect()
    }

    #[test]
    fn pieces_cover_the_source() {
        let src = "const s = `a${b}c`; // é\n/* x */ let r = /[/]+/g;";
        let joined: String = tokenize(src).iter().map(|(_, t)| *t).collect();
        assert_eq!(joined, src);
    }

    #[test]
    fn line_ranges_point_at_each_lines_pieces() {
        let src = "let a = 1;\n\n/* é\n */ 'x'";
        let text = |line: &[(Kind, Range<usize>)]| -> Vec<(Kind, &str)> {
            line.iter().map(|(k, r)| (*k, &src[r.clone()])).collect()
        };
        let ranges = line_ranges(src);
        assert_eq!(ranges.len(), 4);
        assert_eq!(text(&ranges[0]), lines(&tokenize(src))[0]);
        assert!(ranges[1].is_empty());
        assert_eq!(text(&ranges[2]), [(Kind::Comment, "/* é")]);
        assert_eq!(
            text(&ranges[3]),
            [
                (Kind::Comment, " */"),
                (Kind::Plain, " "),
                (Kind::String, "'x'")
            ]
        );
    }

    #[test]
    fn keywords_strings_and_numbers() {
        use Kind::*;
        assert_eq!(
            kinds("const x = 'a\\'b' + 1.5e-3;"),
            [(Keyword, "const"), (String, "'a\\'b'"), (Number, "1.5e-3")]
        );
        assert_eq!(
            tokenize("let a = b;"),
            [(Keyword, "let"), (Plain, " a = b;")],
            "plain text is joined"
        );
        assert_eq!(kinds("0x1f + 10n")[0], (Number, "0x1f"));
        assert_eq!(kinds("0x1e+1")[0], (Number, "0x1e"));
    }

    #[test]
    fn comments_and_templates_span_lines() {
        let src = "/* a\nb */ `x\ny` // end";
        let k = kinds(src);
        assert_eq!(k[0], (Kind::Comment, "/* a\nb */"));
        assert_eq!(k[1], (Kind::Template, "`x\ny`"));
        assert_eq!(k[2], (Kind::Comment, "// end"));
        let per_line = lines(&tokenize(src));
        assert_eq!(per_line.len(), 3);
        assert_eq!(per_line[1][0], (Kind::Comment, "b */"));
    }

    #[test]
    fn a_slash_after_a_value_divides_and_elsewhere_starts_a_regex() {
        assert!(kinds("a / b / c").iter().all(|(k, _)| *k != Kind::Regex));
        assert!(kinds("(x) / 2").iter().all(|(k, _)| *k != Kind::Regex));
        assert_eq!(kinds("s.split(/,\\s*/g)"), [(Kind::Regex, "/,\\s*/g")]);
        assert_eq!(kinds("return /[/]/.test(x)")[1], (Kind::Regex, "/[/]/"));
    }

    #[test]
    fn names_that_contain_keywords_are_plain() {
        assert!(kinds("format iffy $if _for").is_empty());
        assert_eq!(kinds("if (x) for")[1], (Kind::Keyword, "for"));
    }

    #[test]
    fn unterminated_pieces_end_safely() {
        assert_eq!(kinds("'abc\nx")[0], (Kind::String, "'abc"));
        assert_eq!(kinds("`abc")[0], (Kind::Template, "`abc"));
        assert_eq!(kinds("/* abc")[0], (Kind::Comment, "/* abc"));
        assert!(
            kinds("x = /abc\n").is_empty(),
            "a slash with no end on its line divides"
        );
        assert_eq!(tokenize("'\\").len(), 1);
    }
}
