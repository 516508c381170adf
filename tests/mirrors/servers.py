"""Real HTTP servers on 127.0.0.1 (ephemeral ports) standing in for mirrors."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class MirrorServer:
    """Answers every GET with `page` (as a CDN or a static copy of the site would)."""

    def __init__(self, page: str = ""):
        self.page = page
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = server.page.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
