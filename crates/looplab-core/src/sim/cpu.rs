//! The CPU cores under the process: threads with work to do share them round-robin.
//!
//! While no more threads are runnable than there are cores, each runs on its own core at full speed.
//! With more, the first `cores` threads of the run queue run for a timeslice, then go to the back:
//! every handover is a context switch, and each thread's work takes proportionally longer.
use crate::time::Duration;
use crate::trace::{ThreadId, TraceEvent};
use std::collections::VecDeque;

#[derive(Debug)]
pub struct Cpu {
    cores: u32,
    timeslice: Duration,
    /// Runnable threads with the CPU time each still needs; the first `cores` are on a core.
    run_queue: VecDeque<(ThreadId, Duration)>,
    /// Which thread each core runs.
    on_core: Vec<Option<ThreadId>>,
    /// Time left in the current timeslice; only counts while threads outnumber cores.
    slice_left: Duration,
    context_switches: u64,
}

impl Cpu {
    pub fn new(cores: u32, timeslice: Duration) -> Self {
        let cores = cores.max(1);
        Cpu {
            cores,
            timeslice: timeslice.max(Duration::from_micros(1)),
            run_queue: VecDeque::new(),
            on_core: vec![None; cores as usize],
            slice_left: timeslice,
            context_switches: 0,
        }
    }

    pub fn cores(&self) -> u32 {
        self.cores
    }

    pub fn context_switches(&self) -> u64 {
        self.context_switches
    }

    /// Adds CPU work for a thread, making it runnable if it was not.
    pub fn add_work(&mut self, thread: ThreadId, cpu: Duration, events: &mut Vec<TraceEvent>) {
        if cpu.is_zero() {
            return;
        }
        match self.run_queue.iter_mut().find(|(t, _)| *t == thread) {
            Some((_, left)) => *left += cpu,
            None => {
                self.run_queue.push_back((thread, cpu));
                self.assign_cores(events);
            }
        }
    }

    pub fn is_runnable(&self, thread: ThreadId) -> bool {
        self.run_queue.iter().any(|(t, _)| *t == thread)
    }

    /// How long until `thread`'s work is done if nothing else becomes runnable: its CPU time
    /// left, stretched by the share of a core it gets while threads outnumber cores.
    pub fn time_to_finish(&self, thread: ThreadId) -> Option<Duration> {
        let &(_, left) = self.run_queue.iter().find(|(t, _)| *t == thread)?;
        let runnable = self.run_queue.len() as u64;
        let cores = u64::from(self.cores);
        Some(if runnable > cores {
            Duration::from_micros(left.as_micros().saturating_mul(runnable) / cores)
        } else {
            left
        })
    }

    fn oversubscribed(&self) -> bool {
        self.run_queue.len() > self.cores as usize
    }

    fn running(&self) -> usize {
        self.run_queue.len().min(self.cores as usize)
    }

    /// How long until something changes: a running thread finishes or a timeslice ends.
    pub fn next_event_in(&self) -> Option<Duration> {
        let finish = self
            .run_queue
            .iter()
            .take(self.running())
            .map(|&(_, left)| left)
            .min()?;
        Some(if self.oversubscribed() {
            finish.min(self.slice_left)
        } else {
            finish
        })
    }

    /// Runs the cores for `span` (at most `next_event_in`); returns the threads whose work is done.
    pub fn run_for(&mut self, span: Duration, events: &mut Vec<TraceEvent>) -> Vec<ThreadId> {
        let running = self.running();
        let oversubscribed = self.oversubscribed();
        let mut finished = Vec::new();
        for (thread, left) in self.run_queue.iter_mut().take(running) {
            *left = left.saturating_sub(span);
            if left.is_zero() {
                finished.push(*thread);
            }
        }
        self.run_queue.retain(|(_, left)| !left.is_zero());
        if oversubscribed {
            self.slice_left = self.slice_left.saturating_sub(span);
            if self.slice_left.is_zero() {
                // The threads that used up their slice go to the back of the queue.
                let still_running = running - finished.len();
                for _ in 0..still_running {
                    if let Some(t) = self.run_queue.pop_front() {
                        self.run_queue.push_back(t);
                    }
                }
                self.slice_left = self.timeslice;
            }
        }
        if !self.oversubscribed() {
            self.slice_left = self.timeslice;
        }
        self.assign_cores(events);
        finished
    }

    /// Puts the running threads on cores, keeping each on the core it had.
    fn assign_cores(&mut self, events: &mut Vec<TraceEvent>) {
        let running: Vec<ThreadId> = self
            .run_queue
            .iter()
            .take(self.running())
            .map(|&(t, _)| t)
            .collect();
        let mut free = Vec::new();
        for (core, slot) in self.on_core.iter_mut().enumerate() {
            match slot {
                Some(t) if running.contains(t) => {}
                _ => free.push(core),
            }
        }
        let unplaced: Vec<ThreadId> = running
            .into_iter()
            .filter(|t| !self.on_core.contains(&Some(*t)))
            .collect();
        let mut unplaced = unplaced.into_iter();
        for core in free {
            let from = self.on_core[core];
            let to = unplaced.next();
            if from != to {
                if from.is_some() && to.is_some() {
                    self.context_switches += 1;
                }
                self.on_core[core] = to;
                events.push(TraceEvent::CoreSwitch {
                    core: core as u32,
                    from,
                    to,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_to_completion(cpu: &mut Cpu) -> Vec<(ThreadId, u64)> {
        let mut events = Vec::new();
        let mut now = 0;
        let mut done = Vec::new();
        while let Some(step) = cpu.next_event_in() {
            now += step.as_micros();
            for t in cpu.run_for(step, &mut events) {
                done.push((t, now));
            }
        }
        done
    }

    #[test]
    fn threads_within_cores_run_in_parallel() {
        let mut cpu = Cpu::new(2, Duration::from_millis(4));
        let mut ev = Vec::new();
        cpu.add_work(ThreadId::Worker(0), Duration::from_millis(10), &mut ev);
        cpu.add_work(ThreadId::Worker(1), Duration::from_millis(10), &mut ev);
        let done = run_to_completion(&mut cpu);
        assert_eq!(
            done.iter().map(|d| d.1).collect::<Vec<_>>(),
            [10_000, 10_000]
        );
        assert_eq!(cpu.context_switches(), 0);
    }

    #[test]
    fn four_threads_on_two_cores_take_twice_as_long_and_switch() {
        let mut cpu = Cpu::new(2, Duration::from_millis(4));
        let mut ev = Vec::new();
        for w in 0..4 {
            cpu.add_work(ThreadId::Worker(w), Duration::from_millis(100), &mut ev);
        }
        let done = run_to_completion(&mut cpu);
        let last = done.iter().map(|d| d.1).max().unwrap();
        assert_eq!(last, 200_000);
        assert!(
            cpu.context_switches() > 40,
            "{} switches",
            cpu.context_switches()
        );
    }
}
