//! The client's memory across restarts: each file's upload URLs, keyed by a fingerprint of
//! the file (path, size, modification time) and the endpoint, as tus-js-client does.
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use looplab_upload::ResumeState;

#[derive(Debug)]
pub struct StateFile {
    path: PathBuf,
}

pub fn fingerprint(file: &Path, endpoint: &str) -> io::Result<String> {
    let meta = fs::metadata(file)?;
    let mtime = meta
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let path = file.canonicalize()?;
    Ok(format!(
        "{}:{}:{}:{endpoint}",
        path.display(),
        meta.len(),
        mtime.as_nanos()
    ))
}

impl StateFile {
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    fn read_all(&self) -> BTreeMap<String, ResumeState> {
        // A missing or damaged state file means starting over, not failing.
        fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn get(&self, key: &str) -> Option<ResumeState> {
        self.read_all().remove(key)
    }

    /// Stores (or with `None` removes) one entry, replacing the file atomically.
    pub fn put(&self, key: &str, state: Option<&ResumeState>) -> io::Result<()> {
        let mut all = self.read_all();
        match state {
            Some(s) => all.insert(key.to_owned(), s.clone()),
            None => all.remove(key),
        };
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let tmp = self
            .path
            .with_extension(format!("tmp{}", std::process::id()));
        fs::write(&tmp, serde_json::to_vec_pretty(&all)?)?;
        fs::rename(&tmp, &self.path)
    }
}
