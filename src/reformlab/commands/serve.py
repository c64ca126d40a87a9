"""``reformlab serve``: the web app on this machine (127.0.0.1 unless told otherwise)."""

from __future__ import annotations

import ipaddress
import time

import typer

from reformlab.errors import ReformlabError

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on (0: any free port)."),
    workers: int = typer.Option(1, "--workers", help="Server processes sharing the port (each keeps its own cache)."),
) -> None:
    """Start the web app and print its address; stop it with Ctrl-C."""
    started = time.perf_counter()
    try:
        import uvicorn

        from reformlab.web.app import create_app
    except ImportError as exc:
        raise ReformlabError(f"the web app needs {exc.name or 'FastAPI and uvicorn'}, which is not installed",
                             fix="pip install 'reformlab[web]'") from None
    if not 0 <= port <= 65535:
        raise ReformlabError(f"the port must be from 0 to 65535, got {port}", field="--port")
    if not 1 <= workers <= 32:
        raise ReformlabError(f"--workers must be from 1 to 32, got {workers}", field="--workers")
    if not is_loopback(host):
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine can use the app "
                   "(it has no login); use --host 127.0.0.1 to keep it to this machine.", err=True)
    app = create_app() if workers == 1 else "reformlab.web.app:create_app"  # workers import it themselves
    config = uvicorn.Config(app, factory=workers > 1, host=host, port=port, workers=workers, log_level="warning",
                            access_log=False)
    try:
        sock = config.bind_socket()
    except SystemExit:  # uvicorn exits when the address is taken
        raise ReformlabError(f"cannot listen on {host}:{port} (in use, or not an address of this machine)",
                             field="--port", fix="choose another --port, or --port 0 for any free one") from None
    sock.listen(2048)  # connections wait in the backlog from now on, so the printed address answers at once
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    ready = f"ready in {time.perf_counter() - started:.1f} s" if workers == 1 else f"starting {workers} workers"
    typer.echo(f"reformlab web app at http://{shown}:{bound_port}/ ({ready}; Ctrl-C stops it)")
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])


def register(app: typer.Typer) -> None:
    app.command("serve", help="Start the web app: edit a reform in the browser and watch power move.")(serve)
