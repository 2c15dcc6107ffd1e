"""The reliability suite, longer than CI runs it: fuzzing and fault injection, counted.

    python scripts/fuzz.py                          # about 20 minutes on 2 cores
    python scripts/fuzz.py --texts 300 --files 60 --rounds 3   # a quick look

Runs the strategies of ``tests/test_fuzz.py`` (random and mutated inputs to
``find_citations``, ``find_indicators`` and ``extract.parse``) and the faults of
``tests/test_dataset_faults.py`` (``kill -9`` of the main process or of file
processes, Ctrl-C, a full disk, concurrent runs) over repeated real batch runs,
then prints the counts that ``docs/reliability.md`` reports. A crash is any
exception other than a ``VnreportError``; a hang is a parse stopped by its time
limit or a run that did not end; a lost row is an input without a row once
``--resume`` completes, a doubled row an input or sha256 with two.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def fuzz_texts(examples: int, counts: Counter) -> None:
    from hypothesis import given, settings
    from test_fuzz import TEXT

    import extract

    for name, func in (("find_citations", extract.find_citations), ("find_indicators", extract.find_indicators)):
        @settings(max_examples=examples, deadline=None, database=None)
        @given(TEXT)
        def run(text):
            counts["inputs tried"] += 1
            try:
                func(text)
            except Exception as err:  # noqa: BLE001 - what we count
                counts["crashes"] += 1
                print(f"crash in {name}({text!r}): {type(err).__name__}: {err}", file=sys.stderr)

        run()


def fuzz_files(examples: int, counts: Counter) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from test_fuzz import EXTENSIONS, MUTABLE, mutate
    from test_hostile_input import HOSTILE, hostile_bytes

    import extract
    from conftest import corpus_path
    from extract.errors import Timeout, VnreportError

    def attempt(data: bytes, name: str) -> None:
        counts["inputs tried"] += 1
        try:
            extract.parse(data, name=name, ocr="never", timeout=60)
        except Timeout:
            counts["hangs"] += 1
            print(f"hang: {name} ({len(data)} bytes)", file=sys.stderr)
        except VnreportError:
            pass
        except Exception as err:  # noqa: BLE001
            counts["crashes"] += 1
            print(f"crash on {name}: {type(err).__name__}: {err}", file=sys.stderr)

    for name in HOSTILE:
        attempt(hostile_bytes(name), name)

    @settings(max_examples=examples, deadline=None, database=None)
    @given(st.binary(max_size=65536), st.sampled_from(EXTENSIONS))
    def random_bytes(blob, extension):
        attempt(blob, f"ngau-nhien{extension}")

    @settings(max_examples=examples, deadline=None, database=None)
    @given(st.sampled_from(MUTABLE), st.data())
    def mutated(source, data):
        path = corpus_path(source)
        attempt(mutate(path.read_bytes(), data), path.name)

    random_bytes()
    mutated()


def fault_rounds(rounds: int, counts: Counter, seed: int) -> None:
    from dataset_checks import Run, assert_at_most_once, kill_all, rows_by_input, wait_until, write_reports
    from test_dataset_faults import file_processes

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="vnreport-fuzz-") as tmp:
        archive, out = Path(tmp) / "archive", Path(tmp) / "ds"
        files = write_reports(archive, 200)
        inputs = {str(p) for p in files}
        counts["inputs tried"] += len(files)
        for number in range(rounds):
            runs = [Run(str(archive), "-o", str(out), "--workers", "2", *(["--resume"] if number else []))]
            fault = rng.choice(["kill -9 main", "kill -9 file process", "kill -9 file process", "ctrl-c",
                                "second run"])
            wait_until(lambda: file_processes(runs[0].proc.pid), 60, step=0.005)
            time.sleep(rng.uniform(0.0, 2.0))
            if fault == "kill -9 main":
                runs[0].signal(signal.SIGKILL)
            elif fault == "ctrl-c":
                runs[0].signal(signal.SIGINT)
            elif fault == "second run":
                runs.append(Run(str(archive), "-o", str(out), "--resume"))
            else:
                kill_all([p.pid for p in file_processes(runs[0].proc.pid)])
            counts[f"fault: {fault}"] += 1
            counts["faults injected"] += 1
            for run in runs:
                try:
                    run.wait(timeout=600)
                except subprocess.TimeoutExpired:
                    counts["hangs"] += 1
                    run.signal(signal.SIGKILL)
                if not wait_until(lambda: not run.descendants(), 10):
                    counts["orphan processes"] += len(run.descendants())
            try:
                assert_at_most_once(out)
            except AssertionError as err:
                counts["rows doubled"] += 1
                print(f"round {number}: {err}", file=sys.stderr)
        code, _ = Run(str(archive), "-o", str(out), "--resume").wait(timeout=900)
        found = rows_by_input(out)
        counts["rows lost"] += len(inputs - set(found)) + (code != 0)
        counts["rows doubled"] += sum(len(kinds) - 1 for kinds in found.values())


def full_disk_rounds(rounds: int, counts: Counter, seed: int) -> None:
    """Runs into a 4 MB tmpfs filled to a random amount each time (root only: skipped elsewhere)."""
    import os

    from dataset_checks import Run, assert_at_most_once, rows_by_input, write_reports
    from test_dataset_faults import fill

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="vnreport-fuzz-disk-") as tmp:
        disk = Path(tmp) / "disk"
        disk.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True).returncode:
            print("full disk: cannot mount a tmpfs here, skipped", file=sys.stderr)
            return
        try:
            archive, out = Path(tmp) / "archive", disk / "ds"
            files = write_reports(archive, 40)
            counts["inputs tried"] += len(files)
            for number in range(rounds):
                filler = fill(disk, rng.randint(8, 1600) * 1024)
                code, stderr = Run(str(archive), "-o", str(out), *(["--resume"] if number else [])).wait()
                counts["fault: full disk"] += 1
                counts["faults injected"] += 1
                if code not in (0, 1) or "Traceback" in stderr or (code == 1 and "OutputError" not in stderr):
                    counts["crashes"] += 1
                    print(f"full disk round {number}: exit {code}: {stderr[-500:]}", file=sys.stderr)
                filler.unlink()
                try:
                    assert_at_most_once(out)
                except AssertionError as err:
                    counts["rows doubled"] += 1
                    print(f"full disk round {number}: {err}", file=sys.stderr)
            code, _ = Run(str(archive), "-o", str(out), "--resume").wait()
            found = rows_by_input(out)
            counts["rows lost"] += len({str(p) for p in files} - set(found)) + (code != 0)
            counts["rows doubled"] += sum(len(kinds) - 1 for kinds in found.values())
        finally:
            subprocess.run(["umount", "-l", str(disk)], check=False)
            os.sync()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5000, help="examples per text extractor")
    parser.add_argument("--files", type=int, default=400, help="examples per kind of file fuzzing")
    parser.add_argument("--rounds", type=int, default=30, help="batch runs with a fault")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    counts: Counter = Counter({"crashes": 0, "hangs": 0, "rows lost": 0, "rows doubled": 0, "orphan processes": 0})
    started = time.monotonic()
    fuzz_texts(args.texts, counts)
    fuzz_files(args.files, counts)
    fault_rounds(args.rounds, counts, args.seed)
    full_disk_rounds(max(1, args.rounds // 3), counts, args.seed)
    print(f"| what | count |\n|---|---|")
    for key, value in sorted(counts.items()):
        print(f"| {key} | {value:,} |")
    print(f"\n{time.monotonic() - started:.0f} s", file=sys.stderr)
    bad = counts["crashes"] + counts["hangs"] + counts["rows lost"] + counts["rows doubled"] + counts["orphan processes"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
