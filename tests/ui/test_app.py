"""Access control, launch options and the assembled Blocks (no server started)."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from errors import ConfigurationError
from settings import Settings
from tests.ui.fakes import FakeQA
from ui.app import auth_for, build_ui, is_loopback, launch_options, launch_ui


def settings(**values: object) -> Settings:
    return Settings(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts(host: str):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org", ""])
def test_non_loopback_hosts(host: str):
    assert not is_loopback(host)


def test_public_bind_without_credentials_is_refused_with_a_clear_message():
    with pytest.raises(ConfigurationError, match="LABOUR_QA_AUTH_USERNAME"):
        auth_for(settings(), "0.0.0.0")
    with pytest.raises(ConfigurationError, match="0.0.0.0"):
        auth_for(settings(ui_language="en"), "0.0.0.0")


def test_credentials_enable_login_anywhere_and_half_credentials_are_refused():
    s = settings(auth_username="admin", auth_password=SecretStr("s3cret"))
    assert auth_for(s, "0.0.0.0") == ("admin", "s3cret")
    assert auth_for(s, "127.0.0.1") == ("admin", "s3cret")
    assert auth_for(settings(), "127.0.0.1") is None
    with pytest.raises(ConfigurationError, match="LABOUR_QA_AUTH_PASSWORD"):
        auth_for(settings(auth_username="admin"), "127.0.0.1")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "0.0.0.0", "192.168.1.5"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_password_without_a_login_name_is_refused_on_every_address_naming_the_missing_setting(host, language):
    half = settings(auth_password=SecretStr("s3cret"), ui_language=language)
    with pytest.raises(ConfigurationError) as refused:
        launch_options(half, host=host, port=9999)
    assert "LABOUR_QA_AUTH_USERNAME" in str(refused.value)
    assert "LABOUR_QA_AUTH_PASSWORD" not in str(refused.value)


def test_credentials_put_our_login_in_front_of_gradio():
    opts = launch_options(settings(auth_username="admin", auth_password=SecretStr("s3cret")), host="0.0.0.0", port=1)
    assert opts["auth"] is None and callable(opts["auth_dependency"])
    paths = {(r.path, tuple(sorted(r.methods))) for r in opts["app_kwargs"]["routes"]}
    assert ("/login", ("POST",)) in paths and ("/logout", ("GET", "HEAD")) in paths


def test_throttle_lets_a_few_failures_through_then_doubles_the_wait():
    from ui.auth import LoginThrottle

    now = [1000.0]
    throttle = LoginThrottle(free=3, base_delay_s=2, max_delay_s=60, forget_after_s=600, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.retry_after("a") == 0
        throttle.failed("a")
    assert throttle.retry_after("a") == 2  # the 4th attempt waits
    assert throttle.retry_after("b") == 0  # per client
    now[0] += 2
    assert throttle.retry_after("a") == 0
    throttle.failed("a")
    assert throttle.retry_after("a") == 4
    for _ in range(10):
        throttle.failed("a")
    assert throttle.retry_after("a") == 60  # capped
    now[0] += 601
    assert throttle.retry_after("a") == 0  # quiet long enough: forgotten
    throttle.failed("a")
    throttle.succeeded("a")
    assert throttle.retry_after("a") == 0


def test_launch_refuses_before_doing_any_work():
    class Watching(FakeQA):
        def ensure_sample_corpus(self, progress=None):  # type: ignore[no-untyped-def]
            raise AssertionError("must not index before the access check")

    with pytest.raises(ConfigurationError):
        launch_ui(Watching(), settings(), host="0.0.0.0", port=0)


def test_launch_options_are_offline_private_and_limited():
    opts = launch_options(settings(max_upload_mb=7), host="127.0.0.1", port=9999)
    assert opts["share"] is False and opts["auth"] is None and "auth_dependency" not in opts
    assert opts["max_file_size"] == "7mb"
    assert opts["run_history"] is False and opts["enable_monitoring"] is False and opts["mcp_server"] is False
    fonts = opts["theme"]._font  # noqa: SLF001 - the only way to see which fonts the theme asks for
    assert all(type(f).__name__ != "GoogleFont" for f in fonts)


def test_build_ui_queues_with_the_configured_concurrency_and_a_bounded_queue():
    demo = build_ui(FakeQA(), settings(concurrency_limit=3))
    assert demo._queue.default_concurrency_limit == 3  # noqa: SLF001
    assert demo._queue.max_size == 48  # noqa: SLF001
    api_names = {fn.api_name for fn in demo.fns.values()}
    assert {"ask", "upload"} <= api_names
    assert demo.analytics_enabled is False


def test_ui_language_switches_every_label():
    vi = build_ui(FakeQA(), settings(ui_language="vi")).get_config_file()
    en = build_ui(FakeQA(), settings(ui_language="en")).get_config_file()
    vi_labels = {c["props"].get("label") for c in vi["components"]} - {None}
    en_labels = {c["props"].get("label") for c in en["components"]} - {None}
    assert "Cuộc trò chuyện" in vi_labels and "Conversation" in en_labels
    assert "Conversation" not in vi_labels and "Cuộc trò chuyện" not in en_labels


@pytest.mark.slow
def test_a_server_with_credentials_refuses_anonymous_requests_throttles_guessing_and_admits_the_user():
    import socket
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    s = settings(auth_username="admin", auth_password=SecretStr("s3cret"))
    demo = build_ui(FakeQA(), s)
    demo.launch(**launch_options(s, host="127.0.0.1", port=port), prevent_thread_lock=True)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, trust_env=False) as anonymous:
            assert anonymous.get("/config").status_code == 401
            assert anonymous.post("/gradio_api/queue/join", json={}).status_code == 401
            page = anonymous.get("/", headers={"accept": "text/html"})
            assert page.status_code == 401 and "Tên đăng nhập" in page.text and "Mật khẩu" in page.text
            assert "Login" not in page.text and "username" not in page.text.split("<form")[0]
            wrong = anonymous.post("/login", data={"username": "admin", "password": "wrong"})
            assert wrong.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu." in wrong.text

            # 30 guesses as fast as the client can send them: after a few, each is refused unchecked
            started = time.perf_counter()
            codes = [anonymous.post("/login", data={"username": "admin", "password": f"guess{i}"}).status_code
                     for i in range(30)]
            assert codes.count(401) <= 5 and codes.count(429) >= 25, codes
            assert time.perf_counter() - started < 20
            # ... and while throttled, even the right password is not checked
            locked = anonymous.post("/login", data={"username": "admin", "password": "s3cret"})
            assert locked.status_code == 429 and "Hãy thử lại sau" in locked.text
            assert int(locked.headers["retry-after"]) > 0
            assert anonymous.get("/config").status_code == 401
    finally:
        demo.close()

    # a fresh server (fresh throttle): the right password opens a session that every route accepts
    demo = build_ui(FakeQA(), s)
    demo.launch(**launch_options(s, host="127.0.0.1", port=port), prevent_thread_lock=True)
    try:
        with httpx.Client(base_url=base, trust_env=False) as user:
            ok = user.post("/login", data={"username": "admin", "password": "s3cret"})
            assert ok.status_code == 303
            assert user.get("/config").status_code == 200
            assert user.get("/", headers={"accept": "text/html"}).status_code == 200
            assert user.get("/logout").status_code == 303
            assert user.get("/config").status_code == 401
    finally:
        demo.close()


def test_the_chat_has_a_closed_filter_panel_with_dates_and_sources():
    config = build_ui(FakeQA(), settings(ui_language="vi")).get_config_file()
    by_id = {c["props"].get("elem_id"): c for c in config["components"]}
    panel = by_id["lqa-filters"]
    assert panel["type"] == "accordion" and panel["props"]["label"] == "Bộ lọc" and panel["props"]["open"] is False
    assert by_id["lqa-filter-since"]["props"]["label"] == "Từ ngày"
    assert by_id["lqa-filter-until"]["props"]["placeholder"] == "năm-tháng-ngày, vd. 2023-01-31"
    source = by_id["lqa-filter-source"]["props"]
    assert source["label"] == "Nguồn" and source["value"] == "" and [tuple(c) for c in source["choices"]] == [("Tất cả nguồn", "")]
    assert by_id["lqa-filter-clear"]["props"]["value"] == "Bỏ lọc"
    english = build_ui(FakeQA(), settings(ui_language="en")).get_config_file()
    labels = {c["props"].get("label") for c in english["components"]}
    assert {"Filters", "From", "Until", "Source"} <= labels


def test_the_ask_api_takes_the_filters_as_optional_parameters():
    # bench/load_chat.py and other API clients send only (question, history): the filters default to none
    demo = build_ui(FakeQA(), settings())
    parameters = demo.get_api_info()["named_endpoints"]["/ask"]["parameters"]
    defaults = {p["parameter_name"]: p.get("parameter_default") for p in parameters if p.get("parameter_has_default")}
    assert defaults == {"history": [], "since": "", "until": "", "source": ""}
