"""Run a command against a throwaway PostgreSQL server (the test suite's server run).

    python -m tests.pg_cluster -- python -m pytest -q

makes a cluster with ``initdb`` in a temporary folder, starts it on a free port of
127.0.0.1 (trust authentication, reachable only from this machine), creates a database,
runs the command with ``PBC_TEST_DB_URL`` set to that database's
``postgresql+psycopg://`` URL, then stops the server and removes the folder, whatever the
command's outcome (also on Ctrl+C). The exit status is the command's.

The PostgreSQL programs are taken from ``PBC_PG_BIN`` when it is set, else found on
``PATH`` or in Debian's ``/usr/lib/postgresql/<version>/bin``. Without them the command
is not run and the exit status is 0 (a developer's machine without PostgreSQL), unless
``PBC_REQUIRE_POSTGRES=1`` (CI), when it is an error. The server refuses to run as root:
as root the cluster belongs to the ``postgres`` account (or ``nobody``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

TEST_DB_URL_ENV = "PBC_TEST_DB_URL"
PG_BIN_ENV = "PBC_PG_BIN"
REQUIRE_ENV = "PBC_REQUIRE_POSTGRES"
SUPERUSER = "pbc"
DATABASE = "pbc_test"
# A throwaway server: durability is not wanted, speed is.
SERVER_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}
PROGRAMS = ("initdb", "pg_ctl", "createdb")


def _candidates() -> list[Path]:
    given = os.environ.get(PG_BIN_ENV)
    if given:
        return [Path(given)]
    found = []
    on_path = shutil.which("pg_ctl")
    if on_path:  # Debian links some of them into /usr/local/bin or /usr/bin
        found.append(Path(on_path).resolve().parent)
    found += sorted(
        (p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")),
        key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0,
        reverse=True,
    )
    return found


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``createdb`` (only ``PBC_PG_BIN``
    is looked in when that is set), or None."""
    exe = ".exe" if os.name == "nt" else ""
    for folder in _candidates():
        if all((folder / f"{name}{exe}").is_file() for name in PROGRAMS):
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _server_account() -> str | None:
    """As root, the account the server runs as (PostgreSQL refuses root); else None."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise SystemExit("pg_cluster: running as root, and no 'postgres' or 'nobody' account")


class Cluster:
    """A cluster in a temporary folder; :meth:`start`, then :meth:`stop` (always)."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.account = _server_account()
        self.folder = Path(tempfile.mkdtemp(prefix="pbc-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self.started = False

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, *args: str) -> None:
        subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            check=True,
            user=self.account,
            stdout=subprocess.DEVNULL,
            cwd=self.folder,
        )

    def start(self) -> None:
        if self.account is not None:
            shutil.chown(self.folder, user=self.account)
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C",
        )  # fmt: skip
        options = " ".join(f"-c {k}={v}" for k, v in SERVER_SETTINGS.items())
        for _attempt in range(5):  # the free port may be taken before the server binds it
            self.port = free_port()
            try:
                self._run(
                    "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                    "-w", "-t", "60", "start", "-o",
                    f"-p {self.port} -c listen_addresses=127.0.0.1 "
                    f"-c unix_socket_directories='{self.folder}' {options}",
                )  # fmt: skip
            except subprocess.CalledProcessError:
                time.sleep(0.5)
                continue
            self.started = True
            break
        else:
            log = self.folder / "server.log"
            raise SystemExit(
                "pg_cluster: the server did not start:\n"
                + (log.read_text(errors="replace") if log.exists() else "")
            )
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, DATABASE)

    def stop(self) -> None:
        try:
            if self.started:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
                self.started = False
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _interrupted(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signum)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "PostgreSQL is not installed (no initdb/pg_ctl found): the server run is skipped."
        if os.environ.get(REQUIRE_ENV) == "1":
            print(f"pg_cluster: {message.replace('is skipped', 'is required')}", file=sys.stderr)
            return 1
        print(f"pg_cluster: {message}", file=sys.stderr)
        return 0
    # A CI runner's cancel (SIGTERM, SIGHUP) stops the server too.
    signal.signal(signal.SIGTERM, _interrupted)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, _interrupted)
    cluster = Cluster(bin_dir)
    try:
        cluster.start()
        print(
            f"pg_cluster: {TEST_DB_URL_ENV}={cluster.url}\npg_cluster: server in {cluster.folder}",
            file=sys.stderr,
            flush=True,
        )
        env = {**os.environ, TEST_DB_URL_ENV: cluster.url}
        return subprocess.run(command, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 130
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
