//! The ES module loader on Boa's module API: resolution by Node's ESM rules, one module record
//! per file in the module map, CommonJS and built-ins as synthetic modules, `import.meta`, and the
//! trace of what it did. Loading never waits for I/O here: a module's file is read when its
//! import is resolved.
mod cjs_lexer;
mod construct;
mod graph;
mod link_error;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use boa_engine::module::{ModuleLoader, ModuleRequest, Referrer};
use boa_engine::object::FunctionObjectBuilder;
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, Module, NativeFunction};

pub(crate) use construct::BODY_START;
pub(crate) use graph::{require_esm, run_async_job, run_main};

use crate::host::HostRef;
use crate::resolve::Resolver;
use crate::resolve::esm::{EsmError, Format, Resolved};
use crate::vfs::Vfs;
use looplab_core::TraceEvent;

/// `file://` URL of an absolute path, as Node's pathToFileURL writes the common characters.
pub fn file_url(path: &str) -> String {
    let mut url = String::from("file://");
    for c in path.chars() {
        match c {
            '%' => url.push_str("%25"),
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '?' => url.push_str("%3F"),
            '\n' => url.push_str("%0A"),
            '\t' => url.push_str("%09"),
            c => url.push(c),
        }
    }
    url
}

/// The path of a `file://` URL (or the text itself when it is not one).
pub fn url_path(url: &str) -> String {
    let Some(rest) = url.strip_prefix("file://") else {
        return url.to_string();
    };
    let mut out = Vec::new();
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = rest
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether the entry script is an ES module (`.mjs`, or `.js` under `"type": "module"`).
pub fn is_module_entry(vfs: &Vfs, path: &str) -> bool {
    Resolver::new(vfs).format_of(path) == Ok(Format::Module)
}

/// The loader: Boa calls it for every `import`; the host's bindings call it for the entry,
/// `require()` of an ES module and the evaluation hooks.
pub(crate) struct Loader {
    host: HostRef,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The module map, by path (`node:name` for built-ins).
    map: HashMap<String, Module>,
    /// The JavaScript side's helpers (cjs.js): importCjs, builtin, makeError.
    hooks: Option<JsObject>,
    /// Each `import.meta` object and the path of its module.
    metas: Vec<(JsObject, String)>,
    /// The source text module whose body is running, if one is.
    running: Option<String>,
    /// The graph's edges: each importer's resolved imports (source text modules only import).
    edges: HashMap<String, Vec<String>>,
}

impl Loader {
    pub fn new(host: HostRef) -> Self {
        Loader {
            host,
            state: RefCell::new(State::default()),
        }
    }

    pub fn set_hooks(&self, hooks: JsObject) {
        self.state.borrow_mut().hooks = Some(hooks);
    }

    fn hooks(&self) -> JsResult<JsObject> {
        self.state.borrow().hooks.clone().ok_or_else(|| {
            boa_engine::JsNativeError::error()
                .with_message("the module loader is not set up yet")
                .into()
        })
    }

    pub(crate) fn record(&self, event: TraceEvent) {
        self.host.borrow_mut().node.uv_mut().record(event);
    }

    /// A Node error object with `code`, made by the JavaScript side so it looks like Node's.
    pub fn node_error(
        &self,
        code: &str,
        message: &str,
        context: &mut Context,
    ) -> boa_engine::JsError {
        let made = self.hooks().and_then(|h| {
            let f = h.get(JsString::from("makeError"), context)?;
            f.as_callable().expect("makeError is a function").call(
                &h.clone().into(),
                &[str_value(code), str_value(message)],
                context,
            )
        });
        match made {
            Ok(v) => boa_engine::JsError::from_opaque(v),
            Err(e) => e,
        }
    }

    /// The paths of the source text modules in the map, in no particular order.
    pub fn source_text_paths(&self) -> Vec<String> {
        let state = self.state.borrow();
        let mut paths: Vec<String> = state
            .map
            .iter()
            .filter(|(_, m)| {
                m.path()
                    .is_some_and(|p| p.to_string_lossy().starts_with("file://"))
            })
            .map(|(p, _)| p.clone())
            .collect();
        paths.sort();
        paths
    }

    /// The source text modules reachable from `root` (itself included), by the recorded edges.
    pub fn graph_paths(&self, root: &str) -> Vec<String> {
        let state = self.state.borrow();
        let mut seen = vec![root.to_string()];
        let mut i = 0;
        while i < seen.len() {
            for next in state.edges.get(&seen[i]).into_iter().flatten() {
                if !seen.contains(next) {
                    seen.push(next.clone());
                }
            }
            i += 1;
        }
        seen.retain(|p| {
            state
                .map
                .get(p)
                .and_then(|m| m.path())
                .is_some_and(|u| u.to_string_lossy().starts_with("file://"))
        });
        seen
    }

    /// How `specifier` from `importer` would load, without recording anything.
    pub fn resolve_quietly(&self, specifier: &str, importer: &str) -> Option<Format> {
        let host = self.host.borrow();
        Resolver::new(&host.vfs)
            .resolve_esm(specifier, importer)
            .ok()
            .map(|r| r.format)
    }

    /// An error made by the JavaScript side's hook `name` from string arguments.
    pub fn hook_error(
        &self,
        name: &str,
        args: &[&str],
        context: &mut Context,
    ) -> boa_engine::JsError {
        let args: Vec<JsValue> = args.iter().map(|a| str_value(a)).collect();
        let made = self.hooks().and_then(|h| {
            let f = h.get(JsString::from(name), context)?;
            f.as_callable().expect("error hooks are functions").call(
                &h.clone().into(),
                &args,
                context,
            )
        });
        match made {
            Ok(v) => boa_engine::JsError::from_opaque(v),
            Err(e) => e,
        }
    }

    /// Resolves `specifier` from `importer` (a path), recording the probes and the outcome.
    pub fn resolve(&self, specifier: &str, importer: &str) -> Result<Resolved, EsmError> {
        let (result, probes) = {
            let host = self.host.borrow();
            let mut r = Resolver::new(&host.vfs);
            let result = r.resolve_esm(specifier, importer);
            (result, r.probes)
        };
        let mut host = self.host.borrow_mut();
        let uv = host.node.uv_mut();
        for p in probes {
            uv.record(TraceEvent::ModuleProbe {
                path: p.path,
                found: p.found,
            });
        }
        uv.record(TraceEvent::ModuleResolve {
            request: specifier.to_string(),
            from: importer.to_string(),
            resolved: result.as_ref().ok().map(|r| r.path.clone()),
        });
        result
    }

    /// The module for a resolved path: from the map, or constructed and added to it.
    pub fn module_for(&self, resolved: &Resolved, context: &mut Context) -> JsResult<Module> {
        if let Some(m) = self.state.borrow().map.get(&resolved.path) {
            self.record(TraceEvent::ModuleCacheHit {
                path: resolved.path.clone(),
            });
            return Ok(m.clone());
        }
        let module = construct::construct(self, resolved, context)?;
        self.state
            .borrow_mut()
            .map
            .insert(resolved.path.clone(), module.clone());
        Ok(module)
    }

    /// HostLoadImportedModule, done at once.
    fn import(
        &self,
        referrer: &Referrer,
        request: &ModuleRequest,
        context: &mut Context,
    ) -> JsResult<Module> {
        let importer = match referrer.path() {
            Some(p) => url_path(&p.to_string_lossy()),
            None => format!("{}/[eval]", self.host.borrow().options.cwd),
        };
        let specifier = request.specifier().to_std_string_escaped();
        let resolved = match self.resolve(&specifier, &importer) {
            Ok(r) => r,
            Err(e) => return Err(self.node_error(e.code, &e.message, context)),
        };
        let json_attribute = request
            .get_attribute("type")
            .map(JsString::to_std_string_escaped);
        match (resolved.format, json_attribute.as_deref()) {
            (Format::Json, Some("json"))
            | (Format::Module | Format::CommonJs | Format::Builtin, None) => {}
            (Format::Json, _) => {
                let msg = format!(
                    "Module \"{}\" needs an import attribute of type \"json\"",
                    file_url(&resolved.path)
                );
                return Err(self.node_error("ERR_IMPORT_ASSERTION_TYPE_MISSING", &msg, context));
            }
            (_, Some(t)) => {
                let msg = format!(
                    "Module \"{}\" is not of type \"{t}\"",
                    file_url(&resolved.path)
                );
                return Err(self.node_error(
                    "ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE",
                    &msg,
                    context,
                ));
            }
        }
        self.state
            .borrow_mut()
            .edges
            .entry(importer.clone())
            .or_default()
            .push(resolved.path.clone());
        self.record(TraceEvent::EsmEdge {
            from: importer,
            to: resolved.path.clone(),
            specifier,
        });
        self.module_for(&resolved, context)
    }

    /// The evaluation hooks at the top and bottom of every source text module: its body starts
    /// (`done` false) or has run to the end (`done` true).
    pub fn on_body(&self, meta: &JsObject, done: bool) {
        let path = {
            let state = self.state.borrow();
            state
                .metas
                .iter()
                .find(|(m, _)| JsObject::equals(m, meta))
                .map(|(_, p)| p.clone())
        };
        let Some(path) = path else { return };
        let previous = {
            let mut state = self.state.borrow_mut();
            std::mem::replace(&mut state.running, (!done).then(|| path.clone()))
        };
        if done {
            self.record(TraceEvent::ModuleEvalEnd { path, ok: true });
            return;
        }
        if let Some(prev) = previous.filter(|p| *p != path) {
            self.record(TraceEvent::EsmSuspended { path: prev });
        }
        self.record(TraceEvent::ModuleEvalStart {
            path,
            format: looplab_core::ModuleFormat::Module,
        });
    }

    /// After an evaluation step returned: a body that started and did not finish either
    /// suspended at an `await` or threw.
    pub fn settle_running(&self, threw: bool) {
        let running = self.state.borrow_mut().running.take();
        if let Some(path) = running {
            self.record(if threw {
                TraceEvent::ModuleEvalEnd { path, ok: false }
            } else {
                TraceEvent::EsmSuspended { path }
            });
        }
    }
}

pub(crate) fn str_value(s: &str) -> JsValue {
    JsValue::from(JsString::from(s))
}

impl ModuleLoader for Loader {
    fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> impl Future<Output = JsResult<Module>> {
        let result = self.import(&referrer, &request, &mut context.borrow_mut());
        std::future::ready(result)
    }

    /// import.meta: dirname, filename, resolve and url, in Node's order.
    fn init_import_meta(
        self: Rc<Self>,
        import_meta: &JsObject,
        module: &Module,
        context: &mut Context,
    ) {
        let Some(url) = module.path().map(|p| p.to_string_lossy().into_owned()) else {
            return;
        };
        let path = url_path(&url);
        let dir = crate::vfs::parent(&path).unwrap_or("/").to_string();
        self.state
            .borrow_mut()
            .metas
            .push((import_meta.clone(), path.clone()));
        let resolve = FunctionObjectBuilder::new(
            context.realm(),
            NativeFunction::from_copy_closure_with_captures(
                |_, args, importer: &JsString, context| {
                    let spec = crate::bindings::arg_string(args, 0, context)?;
                    let loader = loader(context);
                    match loader.resolve(&spec, &importer.to_std_string_escaped()) {
                        Ok(r) if r.format == Format::Builtin => Ok(str_value(&r.path)),
                        Ok(r) => Ok(str_value(&file_url(&r.path))),
                        Err(e) => Err(loader.node_error(e.code, &e.message, context)),
                    }
                },
                JsString::from(path.as_str()),
            ),
        )
        .name(JsString::from("resolve"))
        .length(1)
        .build();
        for (key, value) in [
            ("dirname", str_value(&dir)),
            ("filename", str_value(&path)),
            ("resolve", resolve.into()),
            ("url", str_value(&url)),
        ] {
            crate::bindings::set(import_meta, key, value, context);
        }
    }
}

/// The loader of this context.
pub(crate) fn loader(context: &Context) -> Rc<Loader> {
    context
        .get_data::<Rc<Loader>>()
        .expect("the module loader is installed when the context is built")
        .clone()
}
