"""``kznames dedupe`` stopped at any point by SIGKILL, SIGINT or SIGTERM.

Whatever point a signal lands on, the input is as it was, the output file holds
either its previous content or the complete new one (never part of it), and no
temporary file is left once the next run is done; Ctrl-C and SIGTERM clean up at
once and end with one line. The points are fixed: delays after the start (which
may land anywhere, even after the end) and moments the test can see (the child
blocked reading standard input, its temporary output file in place). No assertion
depends on where a delay lands.
"""

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from kznames.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

SURNAMES = ["Tokayev", "Toqaev", "Nazarbayev", "Ivanov", "Abenov", "Qosanov", "Smagulov"]
GIVEN = ["Kassym", "Qasym", "Nursultan", "Ivan", "Amirzhan", "Dariga", "Rinat", "Aigerim"]
# 1,500 rows of about 150 bytes: more than a pipe holds, and a run of about half a second.
DATA = "".join(
    ["id,name,note\n"]
    + [
        f'{i},"{SURNAMES[i % 7]} {GIVEN[i % 8]}{"ov" * (i % 11)}",{"x" * 120}\n'
        for i in range(1500)
    ]
).encode("utf-8")
PREVIOUS = b"id,name\n1,the previous complete output\n"
DELAYS = [0.0, 0.05, 0.1, 0.2, 0.3, 0.45]


@pytest.fixture
def place(tmp_path):
    """The input, an output directory and a private TMPDIR for the child."""
    source = tmp_path / "in.csv"
    source.write_bytes(DATA)
    (tmp_path / "out").mkdir()
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    return source, tmp_path / "out", tmp_path / "tmp", env


def spawn(args, env, stdin=subprocess.DEVNULL):
    return subprocess.Popen(
        [sys.executable, "-m", "kznames.cli", "dedupe", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def complete(source, env):
    """The output of a run left alone."""
    done = spawn([str(source), "-c", "name"], env)
    out, _ = done.communicate()
    assert done.returncode == 0
    return out


def prepared(place):
    """The input's digest, the output of a run left alone, and the target, which
    holds a previous complete output."""
    source, out, _, env = place
    target = out / "people.csv"
    target.write_bytes(PREVIOUS)
    return digest(source), complete(source, env), target


def temporaries(directory):
    return [p.name for p in directory.iterdir() if p.name.startswith(".kznames-")]


def wait_for(point, child, directory):
    """Return at ``point``: a delay, or once the child's temporary output exists."""
    if point != "temporary":
        time.sleep(point)
        return
    while not temporaries(directory) and child.poll() is None:
        time.sleep(0.002)


def test_sigkill_at_any_point_leaves_the_input_and_the_output_whole(place):
    source, out, tmp, env = place
    before, expected, target = prepared(place)
    for point in [*DELAYS, "temporary"]:
        child = spawn([str(source), "-c", "name", "-o", str(target)], env)
        wait_for(point, child, out)
        child.kill()
        child.communicate()
        assert digest(source) == before
        assert target.read_bytes() in (PREVIOUS, expected)
        assert list(tmp.iterdir()) == []
    # A killed run cannot clean up; the next run into the directory does.
    again = spawn([str(source), "-c", "name", "-o", str(target)], env)
    again.communicate()
    assert again.returncode == 0
    assert target.read_bytes() == expected
    assert sorted(p.name for p in out.iterdir()) == ["people.csv"]
    assert list(tmp.iterdir()) == []


def test_sigkill_with_standard_input_and_output_leaves_nothing_in_tmpdir(place):
    source, _, tmp, env = place
    for point in DELAYS[:4]:
        with source.open("rb") as stdin:
            child = spawn(["-", "-c", "name"], env, stdin)
            time.sleep(point)
            child.kill()
            child.communicate()
        assert list(tmp.iterdir()) == []


def stopped(child, signum):
    """Send the signal; the child's ``(exit code, stderr)``."""
    child.send_signal(signum)
    _, err = child.communicate()
    return child.returncode, err


@pytest.mark.parametrize(
    ("signum", "line", "code"),
    [
        (signal.SIGINT, b"kznames: interrupted\n", 130),
        (signal.SIGTERM, b"kznames: terminated\n", 143),
    ],
)
def test_a_signal_while_reading_standard_input_ends_with_one_line(place, signum, line, code):
    _, out, tmp, env = place
    target = out / "people.csv"
    target.write_bytes(PREVIOUS)
    child = spawn(["-", "-c", "name", "-o", str(target)], env, subprocess.PIPE)
    # More than a pipe holds: once written, the child is in the middle of reading.
    child.stdin.write(DATA[: len(DATA) - 1000])
    child.stdin.flush()
    assert stopped(child, signum) == (code, line)
    assert target.read_bytes() == PREVIOUS
    assert temporaries(out) == []
    assert list(tmp.iterdir()) == []


def test_ctrl_c_at_any_point_of_the_run_cleans_up_and_ends_with_one_line(place):
    """Ctrl-C once the command runs (while Python starts, SIGINT ends it as any
    program): the points are delays after the child has read most of its input, and
    the moment its temporary output appears."""
    source, out, tmp, env = place
    before, expected, target = prepared(place)
    for point in [*DELAYS, "temporary"]:
        if point == "temporary":
            child = spawn([str(source), "-c", "name", "-o", str(target)], env)
        else:
            child = spawn(["-", "-c", "name", "-o", str(target)], env, subprocess.PIPE)
            child.stdin.write(DATA)  # more than a pipe holds: the child is reading
            child.stdin.close()
        wait_for(point, child, out)
        child.send_signal(signal.SIGINT)
        lines = child.stderr.read().decode().splitlines()
        child.wait()
        if lines[:1] and lines[0].startswith("kznames dedupe: "):
            # The work was done: the signal met the last steps (one more line and
            # 130) or Python's exit (which ends by the signal, silently).
            assert lines[1:] in ([], ["kznames: interrupted"])
            interrupted = lines[1:] != []
            assert child.returncode in ((130,) if interrupted else (0, -signal.SIGINT))
            assert target.read_bytes() == expected
        else:
            assert (child.returncode, lines) == (130, ["kznames: interrupted"])
            assert target.read_bytes() in (PREVIOUS, expected)
        assert digest(source) == before
        assert temporaries(out) == []
        assert list(tmp.iterdir()) == []
        child.stdout.close()
        child.stderr.close()


def test_a_stale_temporary_file_is_removed_only_when_its_process_is_gone(place):
    """Files named ``.kznames-<host>-<pid>-<random>.tmp``: this machine's whose process
    has ended go; a live process's, another machine's and any other file stay."""
    source, out, _, env = place
    host = re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    dead = int(ended.stdout)
    gone = out / f".kznames-{host}-{dead}-0a1b2c3d.tmp"
    kept = [
        out / f".kznames-{host}-{os.getpid()}-4e5f6a7b.tmp",
        out / f".kznames-{host}x-{dead}-0a1b2c3d.tmp",
        out / ".kznames-notes.txt",
    ]
    for path in (gone, *kept):
        path.write_bytes(b"partial")
    done = spawn([str(source), "-c", "name", "-o", str(out / "people.csv")], env)
    done.communicate()
    assert done.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([p.name for p in kept] + ["people.csv"])


def test_main_puts_the_sigterm_handler_back_and_runs_outside_the_main_thread(capsys):
    """SIGTERM is handled during a run, in the main thread (the only one allowed to)."""
    handler = signal.getsignal(signal.SIGTERM)
    assert main(["key", "Qozhaev"]) == 0
    assert signal.getsignal(signal.SIGTERM) == handler
    codes = []
    thread = threading.Thread(target=lambda: codes.append(main(["key", "Qozhaev"])))
    thread.start()
    thread.join()
    assert codes == [0]
    assert capsys.readouterr().out == "kozhaev\n" * 2
