//! Name lookups for `dns.lookup`: the simulated resolver's table (the page and `looplab run`) and,
//! with `--real`, the operating system's getaddrinfo on a pool thread, as libuv runs it. Errors are
//! getaddrinfo's names (`EAI_NONAME` ...); the JavaScript side words them as Node does.

/// (address, family) pairs in the resolver's order.
pub type Addresses = Vec<(String, u8)>;

const SIMULATED: &[(&str, &[(&str, u8)])] = &[
    ("localhost", &[("127.0.0.1", 4), ("::1", 6)]),
    (
        "example.com",
        &[
            ("93.184.215.14", 4),
            ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", 6),
        ],
    ),
    ("looplab.test", &[("10.0.0.7", 4)]),
];

/// What the simulated resolver answers for `host`; `family` 0 takes both.
pub fn simulated(host: &str, family: u8) -> Result<Addresses, String> {
    let (_, found) = SIMULATED
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(host))
        .ok_or_else(|| "EAI_NONAME".to_string())?;
    let all = found.iter().map(|(a, f)| ((*a).to_string(), *f)).collect();
    of_family(all, family)
}

/// The operating system's answer (getaddrinfo through the standard library).
#[cfg(not(target_arch = "wasm32"))]
pub fn getaddrinfo(host: &str, family: u8) -> Result<Addresses, String> {
    use std::net::ToSocketAddrs;
    match (host, 0u16).to_socket_addrs() {
        Ok(found) => {
            let all = found
                .map(|a| (a.ip().to_string(), if a.is_ipv4() { 4 } else { 6 }))
                .collect();
            of_family(all, family)
        }
        Err(e) => Err(eai_name(&e.to_string()).to_string()),
    }
}

/// The standard library reports getaddrinfo's failure only as gai_strerror's text.
#[cfg(not(target_arch = "wasm32"))]
fn eai_name(message: &str) -> &'static str {
    if message.contains("Temporary failure") {
        "EAI_AGAIN"
    } else if message.contains("No address associated") {
        "EAI_NODATA"
    } else if message.contains("Non-recoverable") {
        "EAI_FAIL"
    } else {
        "EAI_NONAME"
    }
}

/// Node asks getaddrinfo for one family when given one; none of it answers as EAI_NONAME.
fn of_family(all: Addresses, family: u8) -> Result<Addresses, String> {
    let kept: Addresses = all
        .into_iter()
        .filter(|(_, f)| family == 0 || *f == family)
        .collect();
    if kept.is_empty() {
        Err("EAI_NONAME".to_string())
    } else {
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_by_family() {
        assert_eq!(simulated("LocalHost", 4), Ok(vec![("127.0.0.1".into(), 4)]));
        assert_eq!(simulated("looplab.test", 6), Err("EAI_NONAME".into()));
        assert_eq!(simulated("nowhere.invalid", 0), Err("EAI_NONAME".into()));
    }

    #[test]
    fn getaddrinfo_finds_the_loopback_name() {
        let found = getaddrinfo("localhost", 4).expect("localhost resolves");
        assert!(found.iter().any(|(a, _)| a == "127.0.0.1"), "{found:?}");
    }
}
