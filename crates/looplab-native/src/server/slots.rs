//! Connection slots: a bound on all connections, and a smaller one per client (per peer IP
//! address), so that one client cannot hold every slot and shut the others out until its
//! idle connections time out.
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

#[derive(Debug)]
pub struct Slots {
    max: usize,
    per_client: usize,
    /// Open connections in all and by client.
    open: Mutex<(usize, HashMap<IpAddr, usize>)>,
}

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Every slot is taken (503).
    Full,
    /// This client holds its share already (429).
    ClientFull,
}

/// A connection's slot, given back when dropped (also if its thread panics).
#[derive(Debug)]
pub struct Slot {
    slots: Arc<Slots>,
    client: IpAddr,
}

impl Slots {
    pub fn new(max: usize, per_client: usize) -> Self {
        Self {
            max,
            per_client,
            open: Mutex::default(),
        }
    }

    pub fn take(self: &Arc<Self>, client: IpAddr) -> Result<Slot, Refusal> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let (all, by_client) = &mut *open;
        if *all >= self.max {
            return Err(Refusal::Full);
        }
        let mine = by_client.entry(client).or_default();
        if *mine >= self.per_client {
            return Err(Refusal::ClientFull);
        }
        *mine += 1;
        *all += 1;
        Ok(Slot {
            slots: Arc::clone(self),
            client,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.slots.open.lock().unwrap_or_else(|e| e.into_inner());
        let (all, by_client) = &mut *open;
        *all -= 1;
        if let Some(n) = by_client.get_mut(&self.client) {
            *n -= 1;
            if *n == 0 {
                by_client.remove(&self.client);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_share_and_no_more() {
        let slots = Arc::new(Slots::new(3, 2));
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let a1 = slots.take(a).unwrap();
        let _a2 = slots.take(a).unwrap();
        assert_eq!(slots.take(a).unwrap_err(), Refusal::ClientFull);
        let _b1 = slots.take(b).unwrap();
        assert_eq!(slots.take(b).unwrap_err(), Refusal::Full);
        drop(a1);
        assert!(slots.take(a).is_ok());
    }
}
