"""The peer of the entity-fetch benchmark: Python's standard HTTP server in
front of the same SQLite file, answering GET /entity/ID with the entity's
statements as JSON (one indexed query, no visibility rule, no grading or
marking names). What a team gets from the obvious stack in an afternoon.

Usage: /usr/bin/python3 peer_server.py STORE PORT
"""
import json
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORE, PORT = sys.argv[1], int(sys.argv[2])
local = threading.local()
SQL = ("SELECT p.name, s.value, s.credibility, s.marking, s.source FROM statements s "
       "JOIN props p ON p.k = s.prop WHERE s.entity = (SELECT k FROM entities WHERE id = ?)")


def db():
    if not hasattr(local, "db"):
        local.db = sqlite3.connect(f"file:{STORE}?mode=ro", uri=True, check_same_thread=False)
    return local.db


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # as the dossier server: no 40 ms delayed-ACK stall

    def do_GET(self):
        if not self.path.startswith("/entity/"):
            self.send_error(404)
            return
        rows = db().execute(SQL, (self.path[len("/entity/"):],)).fetchall()
        props = {}
        for prop, value, credibility, marking, source in rows:
            props.setdefault(prop, []).append(
                {"value": value, "credibility": credibility, "marking": marking, "source": source})
        body = json.dumps({"id": self.path[8:], "properties": props}).encode()
        self.send_response(200 if rows else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # wrk closing its connections at the end is not news


Server(("127.0.0.1", PORT), Handler).serve_forever()
