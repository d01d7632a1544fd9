//! Uploads on disk: `<id>` holds the bytes, `<id>.info` the record (JSON), like tusd's file
//! store, but durable: bytes are fsync'ed before they are acknowledged, and a record is
//! replaced atomically (temp file, fsync, rename, fsync of the directory).
//!
//! Every body is written in place, at the upload's offset, as it arrives. An upload's offset
//! is the size of `<id>` (as in tusd), so an unchecked chunk costs one fsync; whatever of it
//! arrived may count, as the protocol asks. A checksummed body is hashed as it is written, so
//! until it is verified `<id>` holds bytes that must not count, not even after a crash. So
//! before its first checksummed body an upload gets `<id>.offset`, the acknowledged offset:
//! 16 bytes (the offset and its complement, within one sector), rewritten in place and
//! fdatasync'ed after the bytes they cover and before every answer from then on. Where it
//! exists it is the offset, and `load` cuts whatever lies past it. A body that does not count
//! (a checksum mismatch, a broken checksummed body, one too large) is cut off at once.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::FileExt;
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

    /// Every upload found, its offset read back from its acknowledged offset or else its byte
    /// count; bytes past it are cut off. Unfinished uploads expire `expire_after` past their
    /// last write.
    pub fn load(&self, expire_after: Option<Duration>) -> io::Result<Vec<UploadInfo>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            // Leftovers of a crash: half-written records or concatenations (and the unverified
            // chunks of older versions, which kept them aside).
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
            info.offset = self.recover(id, &data, meta.len(), info.length)?;
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

    /// An upload's offset after a restart: its acknowledged offset if it has one, else its byte
    /// count, never past the declared length. Bytes past it (a checksummed body cut short by a
    /// crash, verified or not) are cut off before anything else is written.
    fn recover(
        &self,
        id: UploadId,
        data: &File,
        size: u64,
        length: Option<u64>,
    ) -> io::Result<u64> {
        let acked = self.acked_offset(id);
        let offset = acked
            .flatten()
            .map_or(size, |a| a.min(size))
            .min(length.unwrap_or(u64::MAX));
        if size > offset {
            data.set_len(offset)?;
            data.sync_all()?;
        }
        if acked.is_some_and(|a| a != Some(offset)) {
            self.acknowledge(id, offset)?;
        }
        Ok(offset)
    }

    fn data_path(&self, id: UploadId) -> PathBuf {
        self.dir.join(id.to_string())
    }

    fn info_path(&self, id: UploadId) -> PathBuf {
        self.dir.join(format!("{id}.info"))
    }

    fn offset_path(&self, id: UploadId) -> PathBuf {
        self.dir.join(format!("{id}.offset"))
    }

    /// The acknowledged offset: `None` if the upload has none, `Some(None)` if it is damaged
    /// (then the byte count is all there is to go by).
    fn acked_offset(&self, id: UploadId) -> Option<Option<u64>> {
        let bytes = fs::read(self.offset_path(id)).ok()?;
        let whole = bytes.split_at_checked(8).and_then(|(value, check)| {
            let value = u64::from_le_bytes(value.try_into().ok()?);
            let check = u64::from_le_bytes(check.try_into().ok()?);
            (check == !value).then_some(value)
        });
        if whole.is_none() {
            eprintln!("looplab serve: {id}: damaged offset, counting the stored bytes");
        }
        Some(whole)
    }

    /// Rewrites the acknowledged offset in place, durably, if the upload has one.
    fn acknowledge(&self, id: UploadId, offset: u64) -> io::Result<()> {
        match OpenOptions::new().write(true).open(self.offset_path(id)) {
            Ok(f) => {
                f.write_all_at(&offset_record(offset), 0)?;
                f.sync_data()
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Before a checksummed body is written in place at `offset` (the upload's offset): makes
    /// sure the acknowledged offset on disk says so. Usually it does already (it is rewritten
    /// before every answer) and this costs one small read; the first time, the upload gets
    /// one, durably, directory entry and all.
    pub fn begin_checked(&self, id: UploadId, offset: u64) -> io::Result<()> {
        match self.acked_offset(id) {
            Some(Some(acked)) if acked == offset => Ok(()),
            Some(_) => self.acknowledge(id, offset), // after a failed answer, or damaged
            None => {
                let tmp = self.dir.join(format!("{id}.offset.tmp"));
                let f = File::create(&tmp)?;
                f.write_all_at(&offset_record(offset), 0)?;
                f.sync_all()?;
                fs::rename(&tmp, self.offset_path(id))?;
                self.sync_dir()
            }
        }
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

    /// After a body that started at `offset`: keeps `keep` of its bytes and cuts off the rest
    /// (a refused or unverified body leaves no trace), makes the kept bytes durable, then the
    /// new acknowledged offset if the upload has one, then the record if one is given.
    ///
    /// Nothing kept needs no fsync: what was cut off was a checksummed body (so the
    /// acknowledged offset still says `offset` and `load` would cut it again) or nothing.
    pub fn settle(
        &self,
        id: UploadId,
        file: &File,
        offset: u64,
        keep: u64,
        info: Option<&UploadInfo>,
    ) -> io::Result<()> {
        let len = offset + keep;
        if file.metadata()?.len() != len {
            file.set_len(len)?;
        }
        if keep > 0 {
            file.sync_data()?;
            self.acknowledge(id, len)?;
        }
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
        let _ = fs::remove_file(self.offset_path(id));
        for link in self.links(id) {
            let _ = fs::remove_file(link);
        }
        self.sync_dir()
    }
}

/// The acknowledged offset as stored: the offset and its complement, little-endian.
fn offset_record(offset: u64) -> [u8; 16] {
    let mut record = [0u8; 16];
    record[..8].copy_from_slice(&offset.to_le_bytes());
    record[8..].copy_from_slice(&(!offset).to_le_bytes());
    record
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_upload::Metadata;

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

    fn temp_store(name: &str) -> (PathBuf, Store) {
        let dir = std::env::temp_dir().join(format!("looplab-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        (dir.clone(), Store::open(&dir).unwrap())
    }

    /// A fresh store holding upload `n`, just created: the directory, the store, the upload,
    /// the path of its bytes and its bytes open for writing.
    fn one_upload(name: &str, n: u8) -> (PathBuf, Store, UploadInfo, PathBuf, File) {
        let (dir, store) = temp_store(name);
        let i = info(n, 0);
        store.create(&i).unwrap();
        let bytes = dir.join(i.id.to_string());
        let f = store.open_write(i.id).unwrap();
        (dir, store, i, bytes, f)
    }

    #[test]
    fn a_body_counts_once_settled_and_a_refused_one_leaves_no_trace() {
        let (dir, store, i, bytes, f) = one_upload("store", 1);
        // An unchecked body written in place as it arrives; 4 of its bytes are kept.
        f.write_all_at(b"abcdef", 0).unwrap();
        store.settle(i.id, &f, 0, 4, None).unwrap();
        assert_eq!(fs::read(&bytes).unwrap(), b"abcd");
        assert_eq!(
            store.acked_offset(i.id),
            None,
            "the byte count is the offset"
        );
        // A checksummed body in place, then a mismatch: cut back to the offset at once.
        store.begin_checked(i.id, 4).unwrap();
        assert_eq!(store.acked_offset(i.id), Some(Some(4)));
        f.write_all_at(b"XYZ", 4).unwrap();
        store.settle(i.id, &f, 4, 0, None).unwrap();
        assert_eq!(fs::read(&bytes).unwrap(), b"abcd");
        assert_eq!(store.load(None).unwrap(), vec![info(1, 4)]);
        // A verified one counts, and so does an unchecked one after it.
        store.begin_checked(i.id, 4).unwrap();
        f.write_all_at(b"ef", 4).unwrap();
        store.settle(i.id, &f, 4, 2, None).unwrap();
        assert_eq!(store.acked_offset(i.id), Some(Some(6)));
        f.write_all_at(b"g", 6).unwrap();
        store.settle(i.id, &f, 6, 1, None).unwrap();
        assert_eq!(store.load(None).unwrap(), vec![info(1, 7)]);
        store.delete(i.id).unwrap();
        assert!(store.load(None).unwrap().is_empty());
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            0,
            "delete leaves nothing"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn after_a_crash_bytes_past_the_acknowledged_offset_are_cut_off() {
        let (dir, store, i, bytes, f) = one_upload("crash", 2);
        f.write_all_at(b"abc", 0).unwrap();
        store.settle(i.id, &f, 0, 3, None).unwrap();
        // The server dies with a checksummed body half written in place (unanswered).
        store.begin_checked(i.id, 3).unwrap();
        f.write_all_at(b"UNVERIFIED", 3).unwrap();
        drop(f);
        assert_eq!(store.load(None).unwrap(), vec![info(2, 3)]);
        assert_eq!(fs::read(&bytes).unwrap(), b"abc", "cut on disk too");
        // Even past the declared length.
        OpenOptions::new()
            .append(true)
            .open(&bytes)
            .unwrap()
            .write_all(b"0123456789")
            .unwrap();
        assert_eq!(store.load(None).unwrap(), vec![info(2, 3)]);
        assert_eq!(fs::read(&bytes).unwrap(), b"abc");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn without_a_whole_acknowledged_offset_the_stored_bytes_count() {
        let (dir, store, i, bytes, _) = one_upload("count", 3);
        // Never a checksummed body: what arrived counts, up to the declared length.
        fs::write(bytes, b"0123456789ab").unwrap();
        assert_eq!(store.load(None).unwrap(), vec![info(3, 10)]);
        assert_eq!(store.acked_offset(i.id), None);
        // A damaged acknowledged offset cannot be trusted either; it is rewritten.
        let offset_file = dir.join(format!("{}.offset", i.id));
        fs::write(&offset_file, [7u8; 16]).unwrap();
        assert_eq!(store.load(None).unwrap(), vec![info(3, 10)]);
        assert_eq!(store.acked_offset(i.id), Some(Some(10)));
        // One left behind by a failed answer is put right before the next checksummed body.
        fs::write(&offset_file, offset_record(12)).unwrap();
        store.begin_checked(i.id, 10).unwrap();
        assert_eq!(store.acked_offset(i.id), Some(Some(10)));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_concatenation_links_its_parts_and_outlives_them() {
        let (dir, store) = temp_store("concat");
        let part = |n: u8, bytes: &[u8]| {
            let i = UploadInfo {
                length: Some(bytes.len() as u64),
                concat: Concat::Partial,
                ..info(n, 0)
            };
            store.create(&i).unwrap();
            let f = store.open_write(i.id).unwrap();
            f.write_all_at(bytes, 0).unwrap();
            store.settle(i.id, &f, 0, bytes.len() as u64, None).unwrap();
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
