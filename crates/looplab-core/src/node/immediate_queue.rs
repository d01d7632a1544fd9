//! Node's immediate queue (lib/internal/timers.js `processImmediate`).
//!
//! The check phase detaches the whole queue before running it, so an immediate scheduled by an
//! immediate runs in the next iteration. While ref'd immediates exist Node keeps an idle handle
//! started, which makes the poll phase not block.
use super::ids::ImmediateId;
use std::collections::VecDeque;

#[derive(Debug, Default)]
pub struct ImmediateQueue {
    queue: VecDeque<ImmediateId>,
    /// Per immediate: `Some(refed)` while scheduled, `None` once run or cleared (`kRefed = null`).
    refed: Vec<Option<bool>>,
    /// `immediateInfo[kCount]`.
    count: u32,
    /// `immediateInfo[kRefCount]`.
    ref_count: u32,
}

/// What a change did to the ref count: the caller starts or stops the idle handle on a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefToggle {
    None,
    On,
    Off,
}

impl ImmediateQueue {
    pub fn push(&mut self) -> (ImmediateId, RefToggle) {
        let id = ImmediateId(self.refed.len() as u64);
        self.refed.push(Some(true));
        self.queue.push_back(id);
        self.count += 1;
        self.ref_count += 1;
        (
            id,
            if self.ref_count == 1 {
                RefToggle::On
            } else {
                RefToggle::None
            },
        )
    }

    /// `clearImmediate`; false if it already ran or was cleared.
    pub fn clear(&mut self, id: ImmediateId) -> (bool, RefToggle) {
        let Some(slot) = self.refed.get_mut(id.0 as usize) else {
            return (false, RefToggle::None);
        };
        let Some(refed) = slot.take() else {
            return (false, RefToggle::None);
        };
        self.count -= 1;
        if refed {
            self.ref_count -= 1;
            if self.ref_count == 0 {
                return (true, RefToggle::Off);
            }
        }
        (true, RefToggle::None)
    }

    /// `immediate.ref()` / `unref()`; ignored once it ran or was cleared.
    pub fn set_ref(&mut self, id: ImmediateId, refed: bool) -> RefToggle {
        let Some(Some(current)) = self.refed.get_mut(id.0 as usize) else {
            return RefToggle::None;
        };
        if *current == refed {
            return RefToggle::None;
        }
        *current = refed;
        if refed {
            self.ref_count += 1;
            if self.ref_count == 1 {
                RefToggle::On
            } else {
                RefToggle::None
            }
        } else {
            self.ref_count -= 1;
            if self.ref_count == 0 {
                RefToggle::Off
            } else {
                RefToggle::None
            }
        }
    }

    pub fn has_ref(&self, id: ImmediateId) -> bool {
        matches!(self.refed.get(id.0 as usize), Some(Some(true)))
    }

    pub fn count(&self) -> u32 {
        self.count
    }

    pub fn ref_count(&self) -> u32 {
        self.ref_count
    }

    /// Detaches the queue for one check phase.
    pub fn take_batch(&mut self) -> VecDeque<ImmediateId> {
        std::mem::take(&mut self.queue)
    }

    /// Takes the next immediate of a batch that is still scheduled, marking it run.
    pub fn next_of(&mut self, batch: &mut VecDeque<ImmediateId>) -> Option<ImmediateId> {
        while let Some(id) = batch.pop_front() {
            if let Some(refed) = self.refed[id.0 as usize].take() {
                self.count -= 1;
                if refed {
                    self.ref_count -= 1;
                }
                return Some(id);
            }
        }
        None
    }

    /// Scheduled immediates in order, for views.
    pub fn pending(&self) -> impl Iterator<Item = ImmediateId> + '_ {
        self.queue
            .iter()
            .copied()
            .filter(|id| self.refed[id.0 as usize].is_some())
    }
}
