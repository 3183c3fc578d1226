"""Our own login: a page in the UI's language, a session cookie, and a per-client throttle on failures.

Gradio's built-in login page is English only and checks passwords as fast as they come. Instead the app
is launched with `auth_dependency` (Gradio then refuses every page and API route to a request without a
user) and these routes, placed before Gradio's own: GET/POST /login and GET /logout. A 401 for a browser
page is answered with the login page.
"""

from __future__ import annotations

import hmac
import html
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ui.strings import Strings

SESSION_COOKIE = "labour_qa_session"
SESSION_MAX_AGE_S = 12 * 3600


@dataclass
class _Failures:
    count: int
    last: float


class LoginThrottle:
    """Failed logins per client: a few are free, then each attempt waits twice as long as the last.

    Args:
        free: failures allowed before any wait.
        base_delay_s: the wait after the first failure beyond `free`; it doubles with each further one.
        max_delay_s: the longest wait.
        forget_after_s: a client quiet this long starts afresh.
    """

    def __init__(
        self,
        *,
        free: int = 5,
        base_delay_s: float = 2.0,
        max_delay_s: float = 300.0,
        forget_after_s: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        if free < 0 or base_delay_s <= 0 or max_delay_s < base_delay_s:
            raise ValueError("free >= 0 and 0 < base_delay_s <= max_delay_s")
        self.free = free
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.forget_after_s = forget_after_s
        self.clock = clock
        self.max_clients = max_clients
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> float:
        """Seconds this client must wait before its next attempt is even checked (0: go ahead)."""
        with self._lock:
            entry = self._current(client)
            if entry is None or entry.count < self.free:
                return 0.0
            delay = min(self.max_delay_s, self.base_delay_s * 2 ** (entry.count - self.free))
            return max(0.0, entry.last + delay - self.clock())

    def failed(self, client: str) -> None:
        with self._lock:
            entry = self._current(client)
            if entry is None:
                if len(self._failures) >= self.max_clients:  # bounded memory under a spray of addresses
                    self._failures.pop(next(iter(self._failures)))
                entry = self._failures[client] = _Failures(0, 0.0)
            entry.count += 1
            entry.last = self.clock()

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)

    def _current(self, client: str) -> _Failures | None:
        entry = self._failures.get(client)
        if entry is not None and self.clock() - entry.last > self.forget_after_s:
            del self._failures[client]
            return None
        return entry


class Sessions:
    """Random session tokens for logged-in users, kept in memory (a restart logs everyone out)."""

    def __init__(self, max_age_s: float = SESSION_MAX_AGE_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age_s = max_age_s
        self.clock = clock
        self._tokens: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def open(self, user: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            now = self.clock()
            self._tokens = {t: v for t, v in self._tokens.items() if now - v[1] < self.max_age_s}
            self._tokens[token] = (user, now)
        return token

    def user(self, token: str | None) -> str | None:
        if not token:
            return None
        with self._lock:
            found = self._tokens.get(token)
            if found is None or self.clock() - found[1] >= self.max_age_s:
                return None
            return found[0]

    def close(self, token: str | None) -> None:
        with self._lock:
            self._tokens.pop(token or "", None)


def login_page(strings: Strings, *, message: str = "", username: str = "") -> str:
    """The login page: one self-contained HTML document (no script, no outside request)."""
    error = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return f"""<!doctype html>
<html lang="{strings.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(strings["login_title"])} – {html.escape(strings["title"])}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; background: #f3f4f6;
  margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; color: #111827; }}
main {{ background: #fff; border-radius: 10px; box-shadow: 0 2px 12px rgba(0,0,0,.08); padding: 2em 2.2em; width: 22em; }}
h1 {{ font-size: 1.15em; margin: 0 0 .3em 0; }} p.lead {{ margin: 0 0 1.2em 0; opacity: .75; font-size: .92em; }}
label {{ display: block; font-weight: 600; font-size: .9em; margin: .8em 0 .3em 0; }}
input {{ width: 100%; box-sizing: border-box; padding: .55em .7em; border: 1px solid #d1d5db; border-radius: 6px; font-size: 1em; }}
button {{ margin-top: 1.3em; width: 100%; padding: .65em; border: 0; border-radius: 6px; background: #2563eb; color: #fff;
  font-size: 1em; font-weight: 600; cursor: pointer; }}
p.error {{ color: #b91c1c; background: #fef2f2; border-radius: 6px; padding: .5em .7em; font-size: .9em; }}
</style></head>
<body><main>
<h1>{html.escape(strings["title"])}</h1>
<p class="lead">{html.escape(strings["auth_message"])}</p>
{error}
<form method="post" action="login">
<label for="username">{html.escape(strings["login_username"])}</label>
<input id="username" name="username" autocomplete="username" required value="{html.escape(username)}">
<label for="password">{html.escape(strings["login_password"])}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{html.escape(strings["login_button"])}</button>
</form>
</main></body></html>"""


def _client(request: Request) -> str:
    # Behind a reverse proxy on this machine, uvicorn's proxy-header support has already put the real
    # client address here (it trusts X-Forwarded-For from 127.0.0.1 only).
    return request.client.host if request.client else "unknown"


class LoginGate:
    """The routes, the 401 handler and the auth dependency that put our login in front of Gradio."""

    def __init__(
        self,
        username: str,
        password: str,
        strings: Strings,
        *,
        throttle: LoginThrottle | None = None,
        sessions: Sessions | None = None,
    ) -> None:
        self.username = username
        self.password = password
        self.strings = strings
        self.throttle = throttle or LoginThrottle()
        self.sessions = sessions or Sessions()

    def user(self, request: Request) -> str | None:
        """Gradio's auth_dependency: the logged-in user of a request, or None."""
        return self.sessions.user(request.cookies.get(SESSION_COOKIE))

    def _page(self, status: int, message: str = "", username: str = "", headers: dict[str, str] | None = None) -> Response:
        return HTMLResponse(login_page(self.strings, message=message, username=username), status_code=status, headers=headers)

    async def show(self, request: Request) -> Response:
        if self.user(request):
            return RedirectResponse("./", status_code=303)
        return self._page(200)

    async def submit(self, request: Request) -> Response:
        client = _client(request)
        wait = self.throttle.retry_after(client)
        if wait > 0:
            seconds = max(1, round(wait))
            message = self.strings.fmt("login_throttled", seconds=seconds)
            return self._page(429, message, headers={"Retry-After": str(seconds)})
        form = await request.form()
        username = str(form.get("username", "")).strip()
        password = str(form.get("password", ""))
        ok_user = hmac.compare_digest(username.encode(), self.username.encode())
        ok_password = hmac.compare_digest(password.encode(), self.password.encode())
        if not (ok_user and ok_password):
            self.throttle.failed(client)
            return self._page(401, self.strings["login_wrong"], username=username)
        self.throttle.succeeded(client)
        response = RedirectResponse("./", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            self.sessions.open(username),
            max_age=int(self.sessions.max_age_s),
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
        return response

    async def logout(self, request: Request) -> Response:
        self.sessions.close(request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("./login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    async def unauthorized(self, request: Request, exc: Exception) -> Response:
        """A 401 from Gradio: the login page for a browser page, JSON for everything else."""
        wants_page = request.method in ("GET", "HEAD") and "text/html" in request.headers.get("accept", "")
        if wants_page:
            return self._page(401)
        detail = exc.detail if isinstance(exc, HTTPException) else "Not authenticated"
        return JSONResponse({"detail": detail}, status_code=401)

    def app_kwargs(self) -> dict[str, Any]:
        """FastAPI arguments: our routes come before Gradio's, our handler answers its 401s."""
        return {
            "routes": [
                Route("/login", self.show, methods=["GET"]),
                Route("/login", self.submit, methods=["POST"]),
                Route("/logout", self.logout, methods=["GET"]),
            ],
            "exception_handlers": {401: self.unauthorized},
        }
