//! Reads a wasm module's import section: enough to prove the page's module imports nothing
//! from `env`, the module the linker uses for symbols no Rust code defined (C code, or
//! std APIs that do not exist on wasm32-unknown-unknown). A browser cannot satisfy those.
use anyhow::{Context, Result, bail, ensure};

/// One import: (module, name).
pub type Import = (String, String);

const IMPORT_SECTION: u8 = 2;

pub fn imports(wasm: &[u8]) -> Result<Vec<Import>> {
    let mut r = Reader {
        bytes: wasm,
        pos: 0,
    };
    ensure!(r.take(4)? == b"\0asm", "not a wasm module");
    ensure!(r.take(4)? == [1, 0, 0, 0], "unsupported wasm version");
    while r.pos < wasm.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let body = r.take(size)?;
        if id == IMPORT_SECTION {
            return import_section(body);
        }
    }
    Ok(Vec::new())
}

fn import_section(body: &[u8]) -> Result<Vec<Import>> {
    let mut r = Reader {
        bytes: body,
        pos: 0,
    };
    let count = r.leb()?;
    let mut imports = Vec::new();
    for _ in 0..count {
        let module = r.name()?;
        let name = r.name()?;
        match r.byte()? {
            0 => _ = r.leb()?, // function: type index
            1 => {
                // table: reference type, limits
                r.byte()?;
                r.limits()?;
            }
            2 => r.limits()?,    // memory
            3 => _ = r.take(2)?, // global: value type, mutability
            4 => {
                // tag: attribute, type index
                r.byte()?;
                r.leb()?;
            }
            kind => bail!("import {module}.{name}: unknown kind {kind:#x}"),
        }
        imports.push((module, name));
    }
    Ok(imports)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.context("wasm module ends early")?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    /// Unsigned LEB128.
    fn leb(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("LEB128 number too long")
    }

    fn name(&mut self) -> Result<String> {
        let len = self.leb()? as usize;
        Ok(String::from_utf8_lossy(self.take(len)?).into_owned())
    }

    /// Limits: flags, minimum, and a maximum when flag bit 0 is set.
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `env.memcpy` (function) and `wbg.mem` (memory, min 1 max 2).
    const MODULE: &[u8] = &[
        0, b'a', b's', b'm', 1, 0, 0, 0, // header
        1, 4, 1, 0x60, 0, 0, // type section: one `() -> ()`
        2, 26, 2, // import section, 2 imports
        3, b'e', b'n', b'v', 6, b'm', b'e', b'm', b'c', b'p', b'y', 0, 0, //
        3, b'w', b'b', b'g', 3, b'm', b'e', b'm', 2, 1, 1, 2,
    ];

    #[test]
    fn reads_module_and_field_names() {
        let imports = imports(MODULE).unwrap();
        assert_eq!(
            imports,
            [
                ("env".into(), "memcpy".into()),
                ("wbg".into(), "mem".into())
            ]
        );
    }

    #[test]
    fn rejects_truncated_modules() {
        assert!(imports(&MODULE[..20]).is_err());
        assert!(imports(b"not wasm").is_err());
    }
}
