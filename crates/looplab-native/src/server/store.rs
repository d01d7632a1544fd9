//! Uploads on disk: `<id>` holds the bytes, `<id>.info` the record (JSON), like tusd's file
//! store, but durable: bytes are fsync'ed before a record that covers them is written, and a
//! record is replaced atomically (temp file, fsync, rename, fsync of the directory).
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use looplab_upload::{UploadId, UploadInfo};

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Opens (creating) the data directory.
    pub fn open(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        Ok(Self {
            dir: dir.to_owned(),
        })
    }

    /// Every upload found, each cut back to its recorded offset: bytes past it were never
    /// acknowledged (a crash mid-PATCH, or a body whose checksum was never verified).
    pub fn load(&self) -> io::Result<Vec<UploadInfo>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if name.ends_with(".info.tmp") {
                let _ = fs::remove_file(&path);
                continue;
            }
            let Some(id) = name.strip_suffix(".info").and_then(UploadId::parse) else {
                continue;
            };
            let info: UploadInfo = match fs::read(&path).map(|b| serde_json::from_slice(&b)) {
                Ok(Ok(info)) => info,
                _ => {
                    eprintln!(
                        "looplab serve: skipping unreadable record {}",
                        path.display()
                    );
                    continue;
                }
            };
            if info.id != id {
                continue;
            }
            let data = OpenOptions::new().write(true).open(self.data_path(id))?;
            let len = data.metadata()?.len();
            if len > info.offset {
                data.set_len(info.offset)?;
                data.sync_all()?;
            } else if len < info.offset {
                eprintln!(
                    "looplab serve: {id} has {len} bytes but its record says {}",
                    info.offset
                );
            }
            out.push(info);
        }
        Ok(out)
    }

    fn data_path(&self, id: UploadId) -> PathBuf {
        self.dir.join(id.to_string())
    }

    fn info_path(&self, id: UploadId) -> PathBuf {
        self.dir.join(format!("{id}.info"))
    }

    /// A new, empty upload and its record.
    pub fn create(&self, info: &UploadInfo) -> io::Result<()> {
        let f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.data_path(info.id))?;
        f.sync_all()?;
        self.persist(info)
    }

    /// Replaces the record atomically; it is durable when this returns.
    pub fn persist(&self, info: &UploadInfo) -> io::Result<()> {
        let tmp = self.dir.join(format!("{}.info.tmp", info.id));
        let mut f = File::create(&tmp)?;
        f.write_all(&serde_json::to_vec(info)?)?;
        f.sync_all()?;
        fs::rename(&tmp, self.info_path(info.id))?;
        self.sync_dir()
    }

    fn sync_dir(&self) -> io::Result<()> {
        File::open(&self.dir)?.sync_all()
    }

    /// The bytes, open for positional writes.
    pub fn open_write(&self, id: UploadId) -> io::Result<File> {
        OpenOptions::new().write(true).open(self.data_path(id))
    }

    pub fn open_read(&self, id: UploadId) -> io::Result<File> {
        File::open(self.data_path(id))
    }

    /// After a body: keep exactly `len` bytes, make them durable, then the record.
    pub fn settle(&self, file: &File, len: u64, info: Option<&UploadInfo>) -> io::Result<()> {
        if file.metadata()?.len() != len {
            file.set_len(len)?;
        }
        file.sync_data()?;
        info.map_or(Ok(()), |i| self.persist(i))
    }

    /// The final upload of a concatenation: the parts' bytes in order, then its record.
    pub fn concatenate(&self, info: &UploadInfo, parts: &[UploadInfo]) -> io::Result<()> {
        let tmp = self.dir.join(format!("{}.tmp", info.id));
        let mut out = File::create(&tmp)?;
        for p in parts {
            io::copy(
                &mut io::Read::take(self.open_read(p.id)?, p.offset),
                &mut out,
            )?;
        }
        out.sync_all()?;
        fs::rename(&tmp, self.data_path(info.id))?;
        self.persist(info)
    }

    pub fn delete(&self, id: UploadId) -> io::Result<()> {
        // The record goes first: bytes without a record are ignored at load.
        fs::remove_file(self.info_path(id))?;
        let _ = fs::remove_file(self.data_path(id));
        self.sync_dir()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_upload::{Concat, Instant, Metadata};
    use std::os::unix::fs::FileExt;

    fn info(n: u8, offset: u64) -> UploadInfo {
        UploadInfo {
            id: UploadId::from_bytes([n; 16]),
            length: Some(10),
            offset,
            metadata: Metadata::default(),
            created_at: Instant(0),
            expires_at: None,
            concat: Concat::None,
        }
    }

    #[test]
    fn load_cuts_unacknowledged_bytes() {
        let dir = std::env::temp_dir().join(format!("looplab-store-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let i = info(1, 0);
        store.create(&i).unwrap();
        let f = store.open_write(i.id).unwrap();
        f.write_all_at(b"abcdef", 0).unwrap();
        store.settle(&f, 4, Some(&info(1, 4))).unwrap();
        f.write_all_at(b"XYZ", 4).unwrap(); // written, never acknowledged
        let loaded = store.load().unwrap();
        assert_eq!(loaded, vec![info(1, 4)]);
        assert_eq!(fs::read(dir.join(i.id.to_string())).unwrap(), b"abcd");
        store.delete(i.id).unwrap();
        assert!(store.load().unwrap().is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }
}
