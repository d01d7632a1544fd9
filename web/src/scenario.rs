//! A curated scenario: files, settings, what to notice, and the step it opens at.
use crate::files::{Entry, RunSettings, SourceFile};

/// Where a scenario opens once it has run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Open {
    Start,
    End,
    /// The first step whose narration contains this text.
    Find(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub id: &'static str,
    pub topic: &'static str,
    pub title: &'static str,
    /// What to notice: one or two sentences shown above the editor.
    pub notice: &'static str,
    /// (file name, text); the first is the entry.
    pub files: &'static [(&'static str, &'static str)],
    pub pool: u32,
    pub cores: u32,
    pub entry: Entry,
    pub open: Open,
}

impl Scenario {
    /// A CommonJS scenario on the default settings (4 pool threads, 4 cores) that opens at the
    /// first step; the builder methods below say what differs.
    pub const fn new(id: &'static str, topic: &'static str, title: &'static str) -> Scenario {
        Scenario {
            id,
            topic,
            title,
            notice: "",
            files: &[],
            pool: 4,
            cores: 4,
            entry: Entry::Cjs,
            open: Open::Start,
        }
    }

    pub const fn notice(self, notice: &'static str) -> Scenario {
        Scenario { notice, ..self }
    }

    pub const fn files(self, files: &'static [(&'static str, &'static str)]) -> Scenario {
        Scenario { files, ..self }
    }

    /// UV_THREADPOOL_SIZE.
    pub const fn pool(self, pool: u32) -> Scenario {
        Scenario { pool, ..self }
    }

    pub const fn cores(self, cores: u32) -> Scenario {
        Scenario { cores, ..self }
    }

    /// The entry runs as an ES module.
    pub const fn esm(self) -> Scenario {
        Scenario {
            entry: Entry::Esm,
            ..self
        }
    }

    pub const fn opens_at(self, open: Open) -> Scenario {
        Scenario { open, ..self }
    }

    pub fn source_files(&self) -> Vec<SourceFile> {
        self.files
            .iter()
            .map(|(name, text)| SourceFile::new(name, text))
            .collect()
    }

    pub fn settings(&self) -> RunSettings {
        RunSettings {
            pool: self.pool,
            cores: self.cores,
            entry: self.entry,
        }
    }
}

pub fn find(id: &str) -> Option<&'static Scenario> {
    crate::scenarios::SCENARIOS.iter().find(|s| s.id == id)
}

/// Topics in library order, each with its scenarios.
pub fn by_topic() -> Vec<(&'static str, Vec<&'static Scenario>)> {
    let mut groups: Vec<(&'static str, Vec<&'static Scenario>)> = Vec::new();
    for s in crate::scenarios::SCENARIOS {
        match groups.iter_mut().find(|(t, _)| *t == s.topic) {
            Some((_, list)) => list.push(s),
            None => groups.push((s.topic, vec![s])),
        }
    }
    groups
}
