"""A scripted LLM server on 127.0.0.1 for tests: OpenAI chat-completions and Ollama /api/chat.

Replies are queued with `enqueue` (simonw/llm's idea) and served in order, whichever protocol asks;
every request body is recorded. With an empty queue the server answers HTTP 500.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class ScriptedReply:
    content: str = ""
    status: int = 200
    delay_s: float = 0.0  # sleep before answering, to provoke client timeouts
    chunk_chars: int = 7  # streamed replies are cut into pieces this long


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    body: dict[str, Any]

    @property
    def prompt(self) -> str:
        """All message contents of a chat request, joined."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


class FakeLLMServer:
    """Context manager running the fake server in a background thread on a free port."""

    def __init__(self) -> None:
        self.replies: deque[ScriptedReply] = deque()
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # a handler still sleeping must not hold up the test
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def openai_base(self) -> str:
        return f"{self.url}/v1"

    def enqueue(self, content: str = "", *, status: int = 200, delay_s: float = 0.0, chunk_chars: int = 7) -> None:
        """Queue the next reply."""
        with self._lock:
            self.replies.append(ScriptedReply(content, status, delay_s, chunk_chars))

    def __enter__(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next(self, path: str, body: dict[str, Any]) -> ScriptedReply | None:
        with self._lock:
            self.requests.append(RecordedRequest(path, body))
            return self.replies.popleft() if self.replies else None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path not in ("/v1/chat/completions", "/api/chat"):
                    self._send_json(404, {"error": f"no route {self.path}"})
                    return
                reply = server._next(self.path, body)
                if reply is None:
                    self._send_json(500, {"error": {"message": "no scripted reply left"}})
                    return
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                try:
                    if reply.status != 200:
                        self._send_json(reply.status, {"error": {"message": "scripted failure"}})
                    elif self.path == "/api/chat":
                        self._ollama(body, reply)
                    else:
                        self._openai(body, reply)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            # ---- OpenAI chat completions ----

            def _openai(self, body: dict[str, Any], reply: ScriptedReply) -> None:
                model = body.get("model", "fake")
                if not body.get("stream"):
                    self._send_json(200, {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": model,
                        "choices": [{
                            "index": 0,
                            "message": {"role": "assistant", "content": reply.content},
                            "finish_reason": "stop",
                        }],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    })
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                pieces = _pieces(reply.content, reply.chunk_chars)
                for i, piece in enumerate(pieces):
                    delta = {"content": piece} | ({"role": "assistant"} if i == 0 else {})
                    self._sse(_chunk(model, delta, None))
                self._sse(_chunk(model, {}, "stop"))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _sse(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()

            # ---- Ollama /api/chat ----

            def _ollama(self, body: dict[str, Any], reply: ScriptedReply) -> None:
                model = body.get("model", "fake")
                stamp = "2024-01-01T00:00:00Z"
                if body.get("stream") is False:
                    self._send_json(200, {
                        "model": model,
                        "created_at": stamp,
                        "message": {"role": "assistant", "content": reply.content},
                        "done": True,
                        "done_reason": "stop",
                    })
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.send_header("Connection", "close")
                self.end_headers()
                lines = [
                    {"model": model, "created_at": stamp,
                     "message": {"role": "assistant", "content": piece}, "done": False}
                    for piece in _pieces(reply.content, reply.chunk_chars)
                ]
                lines.append({"model": model, "created_at": stamp,
                              "message": {"role": "assistant", "content": ""},
                              "done": True, "done_reason": "stop"})
                for line in lines:
                    self.wfile.write((json.dumps(line, ensure_ascii=False) + "\n").encode())
                    self.wfile.flush()
                self.close_connection = True

            def _send_json(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()

        return Handler


def _pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _chunk(model: str, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
