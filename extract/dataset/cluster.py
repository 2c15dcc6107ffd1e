"""A batch on a Dask cluster: connect (TLS included), submit, collect, stop cleanly.

    >>> cluster = Cluster("tls://archive-01:8786", security=tls_security("ca.pem", "me.pem", "me.key"))  # doctest: +SKIP

Trust: a Dask scheduler runs whatever its clients send and the client unpickles
what comes back, so whoever can reach a scheduler can run code on its workers and
on the machine that started the batch. ``tcp://`` has neither encryption nor
authentication: use it only on a network where everyone who can connect is
trusted. ``tls://`` encrypts and, with Dask's mutual TLS, admits only holders of a
certificate signed by the cluster's CA — the client's certificate is its
credential. Certificates come from :func:`tls_security` or from Dask's own
configuration (``distributed.comm.tls.ca-file``, ``…tls.client.cert``,
``…tls.client.key``, or the ``DASK_DISTRIBUTED__COMM__TLS__…`` variables).
See ``docs/reliability.md``.
"""

from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator

from extract.bounded import TICK
from extract.dataset.worker import Limits, Outcome, process_file
from extract.errors import SchedulerUnavailable, WorkerCrashed
from extract.paths import shown

CONNECT_TIMEOUT = 5.0  # seconds: an unreachable scheduler is one line, quickly
DASK_MISSING = "a Dask scheduler needs Dask, which this install lacks: pip install 'vnreport[dask]'"


def require_dask(address: str | None = None):
    """The ``distributed`` module, or :class:`SchedulerUnavailable` naming the ``vnreport[dask]`` extra.

        >>> require_dask("tls://host:8786").__name__  # doctest: +SKIP
        'distributed'
    """
    try:
        import distributed
    except ImportError:
        raise SchedulerUnavailable(address or "--scheduler", DASK_MISSING) from None
    return distributed


def tls_security(ca_file: str | None = None, cert: str | None = None, key: str | None = None):
    """Dask ``Security`` for mutual TLS; a file not given comes from Dask's configuration."""
    Security = require_dask().Security

    return Security(tls_ca_file=ca_file, tls_client_cert=cert, tls_client_key=key, require_encryption=True)


class Cluster:
    def __init__(self, client_or_address, security=None, connect_timeout: float = CONNECT_TIMEOUT):
        self._given = client_or_address
        self.address = client_or_address if isinstance(client_or_address, str) else str(client_or_address.scheduler.address)
        self.security = security
        self.connect_timeout = connect_timeout
        self.client = None

    def connect(self) -> None:
        if not isinstance(self._given, str):
            self.client = self._given
            return
        Client = require_dask(self.address).Client

        security = self.security
        if self.address.startswith("tls://"):
            security = security or tls_security()
            if not (security.tls_ca_file and security.tls_client_cert):
                raise SchedulerUnavailable(self.address, "tls:// needs the cluster's CA file and a client certificate "
                                           "(--tls-ca-file, --tls-cert, --tls-key, or Dask's distributed.comm.tls config)")
        try:
            self.client = Client(self.address, timeout=self.connect_timeout, security=security)
        except Exception as err:  # noqa: BLE001 - refused, timed out, bad certificate, bad address: one line
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise SchedulerUnavailable(self.address, f"cannot connect within {self.connect_timeout:g} s "
                                       f"({type(err).__name__}: {first})") from None

    def close(self) -> None:
        if self.client is not None and isinstance(self._given, str):
            self.client.close()
        self.client = None

    def run(self, todo: Iterable[tuple[str, str]], limits: Limits, stopping: Callable[[], bool]) -> Iterator[Outcome]:
        from distributed import as_completed

        todo = list(todo)
        if not todo:
            return
        client = self.client
        futures = [client.submit(process_file, path, limits, digest, pure=False) for path, digest in todo]
        inputs = {f.key: item for f, item in zip(futures, todo)}
        done: set[str] = set()
        try:
            waiting = as_completed(futures)
            while not waiting.is_empty() and not stopping():
                batch = waiting.next_batch(block=False)
                if not batch:
                    time.sleep(TICK)
                for future in batch:
                    done.add(future.key)
                    yield self._outcome(future, *inputs[future.key])
            for future in futures:  # stopped: keep what already finished
                if future.key not in done and future.status == "finished":
                    yield self._outcome(future, *inputs[future.key])
        finally:
            client.cancel(futures)

    def _outcome(self, future, path: str, digest: str) -> Outcome:
        try:
            return future.result()
        except Exception as err:  # noqa: BLE001 - the worker died (KilledWorker) or the scheduler is gone
            if self.client.status != "running":
                raise SchedulerUnavailable(self.address, "lost the connection to the scheduler") from None
            crashed = WorkerCrashed(shown(path), f"the Dask worker died ({type(err).__name__}: {err})")
            return Outcome(shown(path), digest, False, error_type="WorkerCrashed", message=str(crashed))
