//! `this` in an arrow function nested in another arrow function, as JavaScript defines it.
//!
//! Boa 0.22 gives a function an environment for `this` only when an arrow directly inside it
//! uses `this`: its scope analysis marks the nearest enclosing *function* scope, and an outer
//! arrow counts as one. An arrow two levels down then reads the `this` of some function
//! further out (in a CommonJS file, `module.exports`). Any function that mentions `new.target`
//! gets that environment, so the functions that need it have ` new.target;` added just before
//! their closing brace: nothing before it on that line moves, so line and column numbers of
//! errors and stack frames stay node's.

use std::ops::ControlFlow;

use boa_engine::Source;
use boa_engine::ast::function::{ArrowFunction, AsyncArrowFunction, FunctionBody};
use boa_engine::ast::scope::Scope;
use boa_engine::ast::visitor::{VisitWith, Visitor};
use boa_engine::ast::{Position, Spanned};
use boa_engine::interner::Interner;
use boa_engine::parser::Parser;

const MARK: &str = " new.target;";

/// `code` with the mark added where Boa would otherwise lose `this`, or `None` when nothing
/// needs it (or the code does not parse, which its real compilation will report).
pub(crate) fn patch(code: &str, module: bool) -> Option<String> {
    // Only an arrow inside an arrow can be affected.
    if !code.contains("this") || code.matches("=>").nth(1).is_none() {
        return None;
    }
    let mut interner = Interner::default();
    let scope = Scope::new_global();
    let mut parser = Parser::new(Source::from_bytes(code.as_bytes()));
    let mut finder = Finder::default();
    if module {
        let ast = parser.parse_module(&scope, &mut interner).ok()?;
        let _ = ast.visit_with(&mut finder);
    } else {
        let ast = parser.parse_script(&scope, &mut interner).ok()?;
        let _ = ast.visit_with(&mut finder);
    }
    insert_marks(code, &finder.needs)
}

#[derive(Default)]
struct Finder {
    /// Bodies of arrow functions seen, by where they end: told apart from other functions'.
    arrow_bodies: Vec<Position>,
    /// One frame per enclosing function body: (its end, whether it is an arrow's, arrows deep).
    frames: Vec<(Position, bool, u32)>,
    /// Ends of the non-arrow function bodies that need the mark.
    needs: Vec<Position>,
}

impl Finder {
    fn arrow(&mut self, body: &FunctionBody) {
        self.arrow_bodies.push(body.span().end());
    }
}

impl<'ast> Visitor<'ast> for Finder {
    type BreakTy = ();

    fn visit_arrow_function(&mut self, node: &'ast ArrowFunction) -> ControlFlow<()> {
        self.arrow(node.body());
        node.visit_with(self)
    }

    fn visit_async_arrow_function(&mut self, node: &'ast AsyncArrowFunction) -> ControlFlow<()> {
        self.arrow(node.body());
        node.visit_with(self)
    }

    fn visit_function_body(&mut self, node: &'ast FunctionBody) -> ControlFlow<()> {
        let end = node.span().end();
        let arrow = self.arrow_bodies.contains(&end);
        let depth = match self.frames.last() {
            Some(&(_, _, depth)) if arrow => depth + 1,
            _ => u32::from(arrow),
        };
        self.frames.push((end, arrow, depth));
        let result = node.visit_with(self);
        self.frames.pop();
        result
    }

    fn visit_this(&mut self, _: &'ast boa_engine::ast::expression::This) -> ControlFlow<()> {
        let Some(&(_, true, depth)) = self.frames.last() else {
            return ControlFlow::Continue(());
        };
        if depth >= 2 {
            // The function whose `this` it is: the nearest enclosing body that is no arrow's.
            if let Some(&(end, _, _)) = self.frames.iter().rev().find(|(_, arrow, _)| !arrow)
                && !self.needs.contains(&end)
            {
                self.needs.push(end);
            }
        }
        ControlFlow::Continue(())
    }
}

/// Adds the mark before each closing brace; `None` if a position does not land on one.
fn insert_marks(code: &str, ends: &[Position]) -> Option<String> {
    if ends.is_empty() {
        return None;
    }
    let mut offsets: Vec<usize> = ends
        .iter()
        .filter_map(|end| closing_brace(code, *end))
        .collect();
    if offsets.is_empty() {
        return None;
    }
    offsets.sort_unstable();
    offsets.dedup();
    let mut out = String::with_capacity(code.len() + offsets.len() * MARK.len());
    let mut last = 0;
    for offset in offsets {
        out.push_str(&code[last..offset]);
        out.push_str(MARK);
        last = offset;
    }
    out.push_str(&code[last..]);
    Some(out)
}

/// The byte offset of the `}` that ends a body whose span ends at `end` (line and column
/// counted in characters from 1, the column just past the brace).
fn closing_brace(code: &str, end: Position) -> Option<usize> {
    let line_start = code
        .split_inclusive('\n')
        .take(end.line_number() as usize - 1)
        .map(str::len)
        .sum::<usize>();
    let line = &code[line_start..];
    let column = end.column_number() as usize;
    let past = line
        .char_indices()
        .nth(column - 1)
        .map_or(line.len(), |(i, _)| i);
    let brace = line[..past].char_indices().next_back()?;
    (brace.1 == '}').then_some(line_start + brace.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_whose_this_is_read_two_arrows_down_is_marked() {
        let code = "function f() { return (() => (() => this)())(); }";
        assert_eq!(
            patch(code, false).as_deref(),
            Some("function f() { return (() => (() => this)())();  new.target;}")
        );
    }

    #[test]
    fn one_arrow_deep_or_no_this_needs_nothing() {
        assert_eq!(patch("function f() { return () => this; }", false), None);
        assert_eq!(patch("function f() { return () => () => 1; }", false), None);
    }

    #[test]
    fn a_method_is_marked_and_the_lines_before_its_brace_do_not_move() {
        let code =
            "class A {\n  m() {\n    const g = () => () => this;\n    return g()();\n  }\n}\n";
        let patched = patch(code, false).expect("marked");
        assert_eq!(patched.lines().nth(2), code.lines().nth(2));
        assert!(patched.contains("    return g()();\n   new.target;}\n}"));
    }

    #[test]
    fn code_that_does_not_parse_is_left_to_the_compiler() {
        assert_eq!(patch("function f( { => => this", false), None);
    }
}
