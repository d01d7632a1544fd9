//! TCP on real sockets: non-blocking mio sockets registered with the poller under their handle's
//! token, so their readiness comes back in the poll phase as `Ready::Io`.
use super::RealBackend;
use looplab_core::uv::{HandleId, NetError, ReadResult, Tcp};
use mio::Interest;
use mio::net::{TcpListener, TcpStream};
use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr};

#[derive(Debug)]
pub(super) enum Socket {
    Listener(TcpListener),
    Stream(StreamSocket),
}

#[derive(Debug)]
pub(super) struct StreamSocket {
    stream: TcpStream,
    /// The connect's result once decided (accepted sockets start connected).
    connected: Option<Result<(), NetError>>,
    /// A read saw end-of-stream after data: the next read reports it.
    eof_pending: bool,
}

impl StreamSocket {
    fn socket(stream: TcpStream, connected: Option<Result<(), NetError>>) -> Socket {
        Socket::Stream(StreamSocket {
            stream,
            connected,
            eof_pending: false,
        })
    }
}

fn net_error(e: &std::io::Error) -> NetError {
    match e.kind() {
        ErrorKind::AddrInUse => NetError::AddrInUse,
        ErrorKind::ConnectionRefused => NetError::ConnRefused,
        ErrorKind::BrokenPipe => NetError::BrokenPipe,
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => NetError::ConnReset,
        _ => NetError::Invalid,
    }
}

fn loopback(port: u16) -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port))
}

impl RealBackend {
    fn stream(&mut self, handle: HandleId) -> Option<&mut StreamSocket> {
        match self.sockets.get_mut(&handle) {
            Some(Socket::Stream(s)) => Some(s),
            _ => None,
        }
    }
}

impl Tcp for RealBackend {
    fn listen(&mut self, handle: HandleId, port: u16) -> Result<u16, NetError> {
        let mut listener = TcpListener::bind(loopback(port)).map_err(|e| net_error(&e))?;
        let bound = listener.local_addr().map_err(|e| net_error(&e))?.port();
        self.register(handle, &mut listener, Interest::READABLE)
            .map_err(|e| net_error(&e))?;
        self.sockets.insert(handle, Socket::Listener(listener));
        Ok(bound)
    }

    fn connect(&mut self, handle: HandleId, port: u16) -> Result<(), NetError> {
        let mut stream = TcpStream::connect(loopback(port)).map_err(|e| net_error(&e))?;
        self.register(handle, &mut stream, Interest::READABLE | Interest::WRITABLE)
            .map_err(|e| net_error(&e))?;
        self.sockets
            .insert(handle, StreamSocket::socket(stream, None));
        Ok(())
    }

    fn connect_result(&mut self, handle: HandleId) -> Option<Result<(), NetError>> {
        let s = self.stream(handle)?;
        if s.connected.is_none() {
            // As libuv's uv__stream_connect: SO_ERROR decides, an address proves the connection.
            s.connected = match s.stream.take_error() {
                Ok(Some(e)) | Err(e) => Some(Err(net_error(&e))),
                Ok(None) => match s.stream.peer_addr() {
                    Ok(_) => Some(Ok(())),
                    Err(e) if e.kind() == ErrorKind::NotConnected => None,
                    Err(e) => Some(Err(net_error(&e))),
                },
            };
        }
        s.connected
    }

    fn accept(&mut self, listener: HandleId, conn: HandleId) -> bool {
        let Some(Socket::Listener(l)) = self.sockets.get_mut(&listener) else {
            return false;
        };
        let Ok((mut stream, _)) = l.accept() else {
            return false;
        };
        if self
            .register(conn, &mut stream, Interest::READABLE | Interest::WRITABLE)
            .is_err()
        {
            return false;
        }
        self.sockets
            .insert(conn, StreamSocket::socket(stream, Some(Ok(()))));
        true
    }

    fn set_nodelay(&mut self, handle: HandleId, enable: bool) {
        // uv_tcp_nodelay's setsockopt; like Node, a failure here is not reported.
        if let Some(s) = self.stream(handle) {
            let _ = s.stream.set_nodelay(enable);
        }
    }

    fn write(&mut self, handle: HandleId, bytes: &[u8]) -> Result<usize, NetError> {
        let stream = &mut self.stream(handle).ok_or(NetError::BrokenPipe)?.stream;
        // One write() per attempt, as uv__try_write and uv__write do: a partial write means the
        // socket's buffer is full, and the rest waits for the next writable edge.
        loop {
            match stream.write(bytes) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(0),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(net_error(&e)),
            }
        }
    }

    fn read(&mut self, handle: HandleId) -> ReadResult {
        let Some(s) = self.stream(handle) else {
            return ReadResult::WouldBlock;
        };
        if std::mem::take(&mut s.eof_pending) {
            return ReadResult::Eof;
        }
        let mut data = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match s.stream.read(&mut buf) {
                Ok(0) if data.is_empty() => return ReadResult::Eof,
                Ok(0) => {
                    s.eof_pending = true;
                    return ReadResult::Data(data);
                }
                Ok(n) => data.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                // Data read before an error is delivered first; the error comes with the next read.
                Err(e) if e.kind() == ErrorKind::WouldBlock || !data.is_empty() => {
                    return if data.is_empty() {
                        ReadResult::WouldBlock
                    } else {
                        ReadResult::Data(data)
                    };
                }
                Err(e) => return ReadResult::Error(net_error(&e)),
            }
        }
    }

    fn shutdown(&mut self, handle: HandleId) {
        if let Some(s) = self.stream(handle) {
            let _ = s.stream.shutdown(Shutdown::Write);
        }
    }

    fn close(&mut self, handle: HandleId) {
        match self.sockets.remove(&handle) {
            Some(Socket::Listener(mut l)) => {
                let _ = self.deregister(handle, &mut l);
            }
            Some(Socket::Stream(mut s)) => {
                let _ = self.deregister(handle, &mut s.stream);
            }
            None => {}
        }
    }

    fn ports(&self, handle: HandleId) -> (u16, u16) {
        match self.sockets.get(&handle) {
            Some(Socket::Listener(l)) => (l.local_addr().map_or(0, |a| a.port()), 0),
            Some(Socket::Stream(s)) => (
                s.stream.local_addr().map_or(0, |a| a.port()),
                s.stream.peer_addr().map_or(0, |a| a.port()),
            ),
            None => (0, 0),
        }
    }
}
