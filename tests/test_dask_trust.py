"""A batch on Dask over TLS with certificates (a real local scheduler and worker), and a
scheduler that cannot be reached or will not let us in: one line, quickly."""

from __future__ import annotations

import datetime
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dataset_checks import assert_complete, wait_until, write_reports

from conftest import ROOT

pytestmark = pytest.mark.slow


def certificate(folder: Path, name: str, issuer=None) -> tuple[Path, Path, object]:
    """A key and a certificate for 127.0.0.1, signed by ``issuer`` (key, cert) or self-signed (a CA)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    signing_key, issuer_name = (key, subject) if issuer is None else (issuer[0], issuer[1].subject)
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1)))
    if issuer is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    cert = builder.sign(signing_key, hashes.SHA256())
    key_path, cert_path = folder / f"{name}.key", folder / f"{name}.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path, (key, cert)


@pytest.fixture
def tls_cluster(tmp_path):
    """A Dask scheduler and one worker speaking only mutual TLS, with certificates from a fresh CA."""
    certs = tmp_path / "certs"
    certs.mkdir()
    _, ca_pem, ca = certificate(certs, "ca")
    node_key, node_pem, _ = certificate(certs, "node", issuer=ca)
    client_key, client_pem, _ = certificate(certs, "client", issuer=ca)
    tls = ["--tls-ca-file", str(ca_pem), "--tls-cert", str(node_pem), "--tls-key", str(node_key)]
    scheduler_file = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__REQUIRE_ENCRYPTION": "True"}
    started = [
        subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--protocol", "tls",
                          "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file",
                          str(scheduler_file), *tls], cwd=ROOT, env=env, start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ]
    try:
        assert wait_until(lambda: scheduler_file.exists() and scheduler_file.stat().st_size > 0, 60)
        address = json.loads(scheduler_file.read_text())["address"]
        started.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
             "--nworkers", "1", "--nthreads", "1", "--no-dashboard", *tls],
            cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        yield address, {"ca": ca_pem, "cert": client_pem, "key": client_key}, certs
    finally:
        for proc in reversed(started):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def batch_cli(*args: str) -> tuple[int, list[str], float]:
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "extract.cli", "batch", *args], cwd=ROOT, capture_output=True,
                         timeout=300)
    return run.returncode, run.stderr.decode().strip().splitlines(), time.monotonic() - started


def test_batch_runs_on_a_tls_scheduler_with_client_certificates(tmp_path, tls_cluster):
    address, client, _ = tls_cluster
    files = write_reports(tmp_path / "archive", 3)
    out = tmp_path / "ds"
    code, lines, _ = batch_cli(str(tmp_path / "archive"), "-o", str(out), "--scheduler", address,
                               "--tls-ca-file", str(client["ca"]), "--tls-cert", str(client["cert"]),
                               "--tls-key", str(client["key"]))
    assert code == 0, lines[-20:]
    assert_complete(out, {str(p) for p in files})


def test_a_tls_scheduler_refuses_a_client_without_a_certificate_of_its_ca_in_one_line(tmp_path, tls_cluster):
    address, client, certs = tls_cluster
    write_reports(tmp_path / "archive", 1)
    stranger_key, stranger_pem, _ = certificate(certs, "stranger")  # self-signed: not from the cluster's CA

    code, lines, _ = batch_cli(str(tmp_path / "archive"), "-o", str(tmp_path / "ds1"), "--scheduler", address)
    assert code == 1
    assert lines == [f"vnreport: SchedulerUnavailable: {address}: tls:// needs the cluster's CA file and a client "
                     "certificate (--tls-ca-file, --tls-cert, --tls-key, or Dask's distributed.comm.tls config)"]

    code, lines, _ = batch_cli(str(tmp_path / "archive"), "-o", str(tmp_path / "ds2"), "--scheduler", address,
                               "--tls-ca-file", str(client["ca"]), "--tls-cert", str(stranger_pem),
                               "--tls-key", str(stranger_key))
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"vnreport: SchedulerUnavailable: {address}: cannot connect within 5 s")

    plain = address.replace("tls://", "tcp://")
    code, lines, _ = batch_cli(str(tmp_path / "archive"), "-o", str(tmp_path / "ds3"), "--scheduler", plain)
    assert code == 1 and len(lines) == 1 and lines[0].startswith(f"vnreport: SchedulerUnavailable: {plain}: ")


def test_an_unreachable_scheduler_is_one_line_within_seconds(tmp_path):
    write_reports(tmp_path / "archive", 1)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, lines, seconds = batch_cli(str(tmp_path / "archive"), "-o", str(tmp_path / "ds"),
                                     "--scheduler", f"tcp://127.0.0.1:{port}")
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(
        f"vnreport: SchedulerUnavailable: tcp://127.0.0.1:{port}: cannot connect within 5 s"), lines
    assert seconds < 20
