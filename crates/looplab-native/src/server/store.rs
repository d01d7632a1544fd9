//! Uploads on disk: `<id>` holds the bytes, `<id>.info` the record (JSON), like tusd's file
//! store, but durable: bytes are fsync'ed before they are acknowledged, and a record is
//! replaced atomically (temp file, fsync, rename, fsync of the directory).
//!
//! The offset is the size of `<id>` (as in tusd), so a chunk costs one fsync, not three.
//! That is safe because only bytes that may count ever reach `<id>`: an unchecked body goes
//! straight in (whatever arrived is kept, as the protocol asks), while a checksummed body waits
//! in `<id>.chunk` until it is verified.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use looplab_upload::{Concat, Instant, UploadId, UploadInfo};

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

    /// Every upload found, its offset read back from its byte count. Unfinished uploads
    /// expire `expire_after` past their last write.
    pub fn load(&self, expire_after: Option<Duration>) -> io::Result<Vec<UploadInfo>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            // Leftovers of a crash: unverified chunks, half-written records or concatenations.
            if name.ends_with(".tmp") || name.ends_with(".chunk") {
                let _ = fs::remove_file(&path);
                continue;
            }
            let Some(id) = name.strip_suffix(".info").and_then(UploadId::parse) else {
                continue;
            };
            let mut info: UploadInfo = match fs::read(&path).map(|b| serde_json::from_slice(&b)) {
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
            if matches!(info.concat, Concat::Final(_)) {
                match self
                    .links(id)
                    .iter()
                    .map(|l| fs::metadata(l).map(|m| m.len()))
                    .sum::<io::Result<u64>>()
                {
                    Ok(len) if Some(len) == info.length => info.offset = len,
                    _ => {
                        eprintln!("looplab serve: skipping {id}: its parts are missing");
                        continue;
                    }
                }
                out.push(info);
                continue;
            }
            let opened = OpenOptions::new().write(true).open(self.data_path(id));
            let Ok((data, meta)) = opened.and_then(|f| f.metadata().map(|m| (f, m))) else {
                eprintln!("looplab serve: skipping {id}: its bytes are missing");
                continue;
            };
            info.offset = meta.len();
            if let Some(length) = info.length.filter(|&l| l < meta.len()) {
                data.set_len(length)?;
                data.sync_all()?;
                info.offset = length;
            }
            if let (false, Some(after), Ok(mtime)) =
                (info.is_complete(), expire_after, meta.modified())
            {
                let ms = mtime
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_millis() as u64;
                info.expires_at = Some(Instant::from_millis(ms).saturating_add(after));
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

    /// The bytes: one file, or for a concatenation its parts one after another.
    pub fn open_read(&self, id: UploadId) -> io::Result<Box<dyn Read + Send>> {
        match File::open(self.data_path(id)) {
            Ok(f) => Ok(Box::new(f)),
            Err(e) if e.kind() == io::ErrorKind::NotFound && !self.links(id).is_empty() => {
                let mut chain: Box<dyn Read + Send> = Box::new(io::empty());
                for link in self.links(id) {
                    chain = Box::new(chain.chain(File::open(link)?));
                }
                Ok(chain)
            }
            Err(e) => Err(e),
        }
    }

    /// A concatenation's parts: hard links `<id>.0`, `<id>.1`, ... to the partial uploads'
    /// bytes, so the final upload costs no copy and outlives the deletion of its parts.
    fn links(&self, id: UploadId) -> Vec<PathBuf> {
        (0..)
            .map(|i| self.dir.join(format!("{id}.{i}")))
            .take_while(|p| p.exists())
            .collect()
    }

    /// Where a checksummed body waits until it is verified (emptied first).
    pub fn open_chunk(&self, id: UploadId) -> io::Result<File> {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(self.chunk_path(id))
    }

    /// Moves `len` verified bytes from the chunk file to `offset` in the upload, and drops the
    /// chunk file (before its pages are ever written back).
    pub fn take_chunk(&self, id: UploadId, data: &File, offset: u64, len: u64) -> io::Result<()> {
        if len > 0 {
            let mut chunk = File::open(self.chunk_path(id))?;
            let mut dst = data;
            dst.seek(SeekFrom::Start(offset))?;
            let n = io::copy(&mut (&mut chunk).take(len), &mut dst)?;
            if n != len {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        }
        self.drop_chunk(id);
        Ok(())
    }

    pub fn drop_chunk(&self, id: UploadId) {
        let _ = fs::remove_file(self.chunk_path(id));
    }

    fn chunk_path(&self, id: UploadId) -> PathBuf {
        self.dir.join(format!("{id}.chunk"))
    }

    /// After a body: keep exactly `len` bytes, make them durable, then the record.
    pub fn settle(&self, file: &File, len: u64, info: Option<&UploadInfo>) -> io::Result<()> {
        if file.metadata()?.len() != len {
            file.set_len(len)?;
        }
        file.sync_data()?;
        info.map_or(Ok(()), |i| self.persist(i))
    }

    /// The final upload of a concatenation: links to the parts' bytes in order, then its
    /// record (the parts' bytes were made durable when they were acknowledged).
    pub fn concatenate(&self, info: &UploadInfo, parts: &[UploadInfo]) -> io::Result<()> {
        for (i, p) in parts.iter().enumerate() {
            let link = self.dir.join(format!("{}.{i}", info.id));
            let _ = fs::remove_file(&link); // a leftover of a crash mid-concatenation
            fs::hard_link(self.data_path(p.id), &link)?;
        }
        self.sync_dir()?;
        self.persist(info)
    }

    pub fn delete(&self, id: UploadId) -> io::Result<()> {
        // The record goes first: bytes without a record are ignored at load.
        fs::remove_file(self.info_path(id))?;
        let _ = fs::remove_file(self.data_path(id));
        for link in self.links(id) {
            let _ = fs::remove_file(link);
        }
        self.sync_dir()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_upload::Metadata;
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
    fn offsets_come_from_the_stored_bytes() {
        let dir = std::env::temp_dir().join(format!("looplab-store-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let i = info(1, 0);
        store.create(&i).unwrap();
        let f = store.open_write(i.id).unwrap();
        f.write_all_at(b"abcdef", 0).unwrap();
        store.settle(&f, 4, None).unwrap();
        // A checksummed body that was never verified leaves no trace.
        store
            .open_chunk(i.id)
            .unwrap()
            .write_all_at(b"XYZ", 0)
            .unwrap();
        assert_eq!(store.load(None).unwrap(), vec![info(1, 4)]);
        assert!(!dir.join(format!("{}.chunk", i.id)).exists());
        // A verified one lands at the offset.
        store
            .open_chunk(i.id)
            .unwrap()
            .write_all_at(b"ef", 0)
            .unwrap();
        store.take_chunk(i.id, &f, 4, 2).unwrap();
        store.settle(&f, 6, None).unwrap();
        assert_eq!(fs::read(dir.join(i.id.to_string())).unwrap(), b"abcdef");
        // Bytes past the declared length are never an offset.
        f.write_all_at(b"0123456789", 6).unwrap();
        assert_eq!(store.load(None).unwrap(), vec![info(1, 10)]);
        store.delete(i.id).unwrap();
        assert!(store.load(None).unwrap().is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_concatenation_links_its_parts_and_outlives_them() {
        let dir = std::env::temp_dir().join(format!("looplab-concat-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let part = |n: u8, bytes: &[u8]| {
            let i = UploadInfo {
                length: Some(bytes.len() as u64),
                concat: Concat::Partial,
                ..info(n, 0)
            };
            store.create(&i).unwrap();
            let f = store.open_write(i.id).unwrap();
            f.write_all_at(bytes, 0).unwrap();
            store.settle(&f, bytes.len() as u64, None).unwrap();
            UploadInfo {
                offset: bytes.len() as u64,
                ..i
            }
        };
        let (a, b) = (part(1, b"hello "), part(2, b"world"));
        let fin = UploadInfo {
            length: Some(11),
            offset: 11,
            concat: Concat::Final(vec![a.id, b.id]),
            ..info(3, 0)
        };
        store.concatenate(&fin, &[a.clone(), b.clone()]).unwrap();
        store.delete(a.id).unwrap();
        let mut out = String::new();
        store
            .open_read(fin.id)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "hello world");
        let loaded = store.load(None).unwrap();
        assert!(
            loaded.contains(&fin) && loaded.contains(&b) && loaded.len() == 2,
            "{loaded:?}"
        );
        store.delete(fin.id).unwrap();
        assert!(!dir.join(format!("{}.0", fin.id)).exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
