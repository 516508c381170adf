"""A server on a port of its own that the tests can take away and bring back."""

import contextlib
import socket
import threading


class Relay:
    """Relays every connection to `target` (host, port) while open; without a target it
    accepts connections and never answers, as a server that hangs. `cut()` closes the port
    and every connection through it, as a server that goes away; `open()` brings it back."""

    def __init__(self, target=None):
        self.target = target
        self.port = free_port()
        self.accepted = 0
        self._sockets = []

    def open(self):
        listener = socket.create_server(("127.0.0.1", self.port))
        self._sockets.append(listener)
        threading.Thread(target=self._accept, args=[listener], daemon=True).start()
        return self

    def cut(self):
        for sock in self._sockets:
            close(sock)
        self._sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            self.accepted += 1
            self._sockets.append(client)
            if self.target:
                self._relay(client, socket.create_connection(self.target))

    def _relay(self, client, upstream):
        self._sockets.append(upstream)
        for source, sink in [(client, upstream), (upstream, client)]:
            threading.Thread(target=pump, args=[source, sink], daemon=True).start()


def pump(source, sink):
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    close(sink)


def close(sock):
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
