"""Hostile and odd input through the CLI: every case ends in stored articles or one-line
refusals with a non-zero exit, never a traceback, a hang or a damaged store."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ARTICLE, CORPUS, write
from newsdiff.loader.files import MAX_PAGE_BYTES, MAX_RECORDS_BYTES

OTHER = ARTICLE.replace("السودان", "ليبيا").replace("8 ملايين", "3 ملايين")


def one_line_errors(output: str) -> None:
    assert "Traceback" not in output
    for line in output.splitlines():
        assert not line.startswith(("  File ", "    ")), output


def newsdiff(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsdiff.cli", *args]


# -- size ---------------------------------------------------------------------------
def test_200_mb_files_are_refused_unread(tmp_path):
    """A 200 MB page and a 200 MB JSON Lines file are refused by their size, before reading:
    the process never holds them in memory (its peak RSS stays below the file size)."""
    folder = tmp_path / "in"
    write(folder / "good.txt", ARTICLE)
    chunk = (ARTICLE * (2**20 // len(ARTICLE.encode()) + 1)).encode()[:2**20]
    with (folder / "huge.txt").open("wb") as fh:
        for _ in range(200):
            fh.write(chunk)
    with (folder / "huge.jsonl").open("wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: the size is all that matters
    try:
        start = time.monotonic()
        proc = subprocess.Popen(newsdiff("ingest", str(folder), "--db", str(tmp_path / "s.db")),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = proc.communicate(timeout=120)
        took = time.monotonic() - start
    finally:
        (folder / "huge.txt").unlink()
        (folder / "huge.jsonl").unlink()
    assert proc.returncode == 1, err
    assert f"refused huge.txt: too large (200 MB; the limit is {MAX_PAGE_BYTES >> 20} MB for one page)" in out
    assert f"refused huge.jsonl: too large (200 MB; the limit is {MAX_RECORDS_BYTES >> 20} MB " \
           "for a file of records)" in out
    assert "1 new" in out and "2 refused" in out
    one_line_errors(out + err)
    assert took < 60


PEAK = """
import atexit, sys
def peak():
    with open("/proc/self/status") as fh:
        sys.stderr.write(next(line for line in fh if line.startswith("VmHWM")))
atexit.register(peak)
from newsdiff.cli import main
main(sys.argv[1:])
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
def test_200_mb_file_peak_memory(tmp_path):
    """The peak memory (VmHWM) of ingest next to a 200 MB file stays far below 200 MB."""
    folder = tmp_path / "in"
    write(folder / "good.txt", ARTICLE)
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(200 * 2**20)
    result = subprocess.run([sys.executable, "-c", PEAK, "ingest", str(folder), "--db", str(tmp_path / "s.db")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    peak_kb = int(result.stderr.split("VmHWM:")[1].split()[0])
    assert peak_kb * 1024 < 150 * 2**20, peak_kb


def test_one_line_of_50000_characters(cli, tmp_path):
    paragraph = " ".join(ln for ln in (CORPUS / "000_cbb08ba620ede361.txt").read_text(encoding="utf-8")
                         .splitlines() if len(ln) > 80)
    text = ((paragraph + " ") * (50_000 // len(paragraph) + 1))[:50_000]
    write(tmp_path / "long.txt", text)
    start = time.monotonic()
    result = cli("ingest", str(tmp_path / "long.txt"))
    assert result.exit_code == 0, result.output
    assert time.monotonic() - start < 30
    [row] = cli.json("articles")
    assert row["characters"] == 50_000


def test_long_lines_of_abbreviations_and_dots_are_fast(cli, tmp_path):
    """Lines that made sentence splitting quadratic ("د. د. د. ..." took 17 s for 48,000 characters)."""
    write(tmp_path / "a.txt", ARTICLE + "د. " * 16_000 + "\n" + "." * 50_000 + "ب\n")
    start = time.monotonic()
    result = cli("ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 0, result.output
    assert time.monotonic() - start < 30


# -- content ------------------------------------------------------------------------
def test_nul_bytes_inside_text_are_stored_exactly(cli, tmp_path):
    """A few NUL bytes in a page are kept (more than 1% of the text is binary data, refused)."""
    text = ARTICLE.replace("مع نظيره", "مع\x00نظيره", 1).replace("وقال", "\x00وقال")
    write(tmp_path / "nul.txt", text)
    result = cli("ingest", str(tmp_path / "nul.txt"))
    assert result.exit_code == 0, result.output
    from newsdiff.store import Store

    with Store.open(cli.db, create=False) as store:
        [article] = store.articles()
    assert article.text == text
    assert "\x00" in cli.json("articles")[0]["title"]
    shown = cli("show", "nul.txt:1")
    assert shown.exit_code == 0, shown.output
    assert cli("entities", "--json").exit_code == 0


def test_mixed_encodings_in_one_folder(cli, tmp_path):
    encodings = {"utf8.txt": "utf-8", "bom.txt": "utf-8-sig", "utf16.txt": "utf-16",
                 "win.txt": "cp1256", "iso.txt": "iso8859-6"}
    texts = {}
    for n, (name, enc) in enumerate(sorted(encodings.items())):
        texts[name] = ARTICLE.replace("8 ملايين", f"{n + 2} ملايين").replace("السودان", ["ليبيا", "اليمن", "سوريا", "لبنان", "العراق"][n])
        write(tmp_path / "in" / name, texts[name], enc)
    (tmp_path / "in" / "broken.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")[:40] + b"\xff\xfe\xc0")
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    assert "5 new" in result.output and "1 refused" in result.output
    assert "refused broken.txt: declares utf-8 by its BOM but is not valid utf-8" in result.output
    from newsdiff.store import Store

    with Store.open(cli.db, create=False) as store:
        stored = {a.file: a.text for a in store.articles()}
    assert stored == texts


def test_json_records_with_hostile_values(cli, tmp_path):
    body = ARTICLE.split("\n", 4)[4]
    good = {"title": "عنوان", "text": body + "\ud83d", "authors": [["nested"], "سارة أحمد", 7]}
    (tmp_path / "a.jsonl").write_text(
        json.dumps(good) + "\n" + "[" * 5000 + "\n" + '{"text": ' + "1" * 5000 + "}\n", encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = cli("ingest", str(tmp_path / "a.jsonl"), str(tmp_path / "deep.json"))
    assert result.exit_code == 1, result.output
    assert "refused a.jsonl#2: invalid JSON (nested too deeply)" in result.output
    assert "refused a.jsonl#3: invalid JSON (a number too long)" in result.output
    assert "refused deep.json: invalid JSON (nested too deeply)" in result.output
    one_line_errors(result.output)
    [row] = cli.json("articles")
    assert row["author"] == "سارة أحمد، 7"
    from newsdiff.store import Store

    with Store.open(cli.db, create=False) as store:
        assert store.articles()[0].text.endswith("\ufffd")  # a lone surrogate, stored as U+FFFD


# -- the folder ---------------------------------------------------------------------
def test_symlink_loops_and_broken_links(cli, tmp_path):
    root = tmp_path / "in"
    write(root / "a.txt", ARTICLE)
    write(root / "sub" / "b.txt", OTHER)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub" / "up").symlink_to("..", target_is_directory=True)
    (root / "sub" / "again.txt").symlink_to(root / "a.txt")
    (root / "self.txt").symlink_to("self.txt")
    (root / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(root / "pipe.txt")  # opening it would block forever
    start = time.monotonic()
    result = cli("ingest", str(root))
    assert time.monotonic() - start < 30
    assert result.exit_code == 1, result.output
    assert "refused self.txt: cannot read the file: Too many levels of symbolic links" in result.output
    assert "refused gone.txt: cannot read the file: No such file or directory" in result.output
    assert "refused pipe.txt: not a regular file (a pipe, socket or device)" in result.output
    assert "2 new, 1 unchanged" in result.output  # again.txt is a.txt's content, stored once
    one_line_errors(result.output)
    assert sorted(r["file"] for r in cli.json("articles")) == ["a.txt", "b.txt"]


def test_arabic_names_spaces_and_undecodable_names(cli, tmp_path):
    root = tmp_path / "مجلد فيه مسافات"
    write(root / "خبر عاجل من القاهرة.txt", ARTICLE)
    write(root / "sub folder" / "news 2.txt", OTHER)
    raw_name = os.fsencode(root) + b"/\xc7\xe1\xce\xc8\xd1 cp1256.txt"  # a Windows-1256 file name
    with open(raw_name, "wb") as fh:
        fh.write(ARTICLE.replace("السودان", "تونس").encode("utf-8"))
    result = cli("ingest", str(root))
    assert result.exit_code == 0, result.output
    assert "3 new" in result.output
    files = sorted(r["file"] for r in cli.json("articles"))
    assert files == ["news 2.txt", "خبر عاجل من القاهرة.txt", "\ufffd\ufffd\ufffd\ufffd\ufffd cp1256.txt"]
    shown = cli("show", "خبر عاجل من القاهرة.txt:1")
    assert shown.exit_code == 0 and "شكري" in shown.output
    again = cli("ingest", str(root))  # the odd name maps to the same stored article
    assert again.exit_code == 0 and "0 new, 3 unchanged" in again.output


# -- permissions (as an unprivileged user: root reads and writes everything) ---------
NOBODY = 65534


@pytest.fixture
def shared_dir():
    """A folder the unprivileged user can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="newsdiff-hostile-"))
    path.chmod(0o777)
    yield path
    for p in [path, *path.rglob("*")]:
        if not p.is_symlink():
            p.chmod(0o777)
    shutil.rmtree(path)


class AsUser:
    """Runs the CLI in-process as `nobody` when we are root (with the effective uid only,
    so that the test gets root back; the interpreter lives in root's home, out of reach
    of a child process run as nobody), else as ourselves."""

    def __init__(self, folder: Path):
        self.folder = folder

    def own(self) -> None:
        if os.geteuid() == 0:
            for p in [self.folder, *self.folder.rglob("*")]:
                os.chown(p, NOBODY, NOBODY, follow_symlinks=False)

    def __call__(self, *args: str):
        from click.testing import CliRunner

        from newsdiff.cli import main

        root = os.geteuid() == 0
        if root:
            os.setegid(NOBODY)
            os.seteuid(NOBODY)
        try:
            return CliRunner().invoke(main, list(args), catch_exceptions=False)
        finally:
            if root:
                os.seteuid(0)
                os.setegid(0)


@pytest.fixture
def as_user(shared_dir, cli, tmp_path):
    """Warm up as ourselves first, so every module the commands import lazily is loaded
    before we lose the right to read the interpreter's own library."""
    write(tmp_path / "warm" / "a.txt", ARTICLE)
    (tmp_path / "warm" / "x").mkdir()
    cli("ingest", str(tmp_path / "warm"))
    cli("articles", "--json")
    return AsUser(shared_dir)


def test_unreadable_files_and_folders(shared_dir, as_user):
    root = shared_dir / "in"
    write(root / "good.txt", ARTICLE)
    write(root / "locked.txt", OTHER)
    write(root / "private" / "c.txt", OTHER.replace("ليبيا", "مالي"))
    as_user.own()
    (root / "locked.txt").chmod(0)
    (root / "private").chmod(0)
    result = as_user("ingest", str(root), "--db", str(shared_dir / "s.db"))
    assert result.exit_code == 1, result.output
    assert "refused locked.txt: cannot read the file: permission denied" in result.output
    assert f"refused {root / 'private'}: cannot read the folder: permission denied" in result.output
    assert "1 new" in result.output
    one_line_errors(result.output)


def test_store_on_a_read_only_path(shared_dir, as_user):
    ro = shared_dir / "ro"
    write(shared_dir / "a.txt", ARTICLE)
    write(shared_dir / "b.txt", OTHER)
    ro.mkdir()
    as_user.own()
    first = as_user("ingest", str(shared_dir / "a.txt"), "--db", str(ro / "store.db"))
    assert first.exit_code == 0, first.output
    ro.chmod(0o555)
    (ro / "store.db").chmod(0o444)
    before = (ro / "store.db").read_bytes()

    new = as_user("ingest", str(shared_dir / "a.txt"), "--db", str(ro / "new.db"))
    more = as_user("ingest", str(shared_dir / "b.txt"), "--db", str(ro / "store.db"))
    for r, db, what in ((new, "new.db", "create"), (more, "store.db", "write")):
        assert r.exit_code == 1, r.output
        [line] = r.output.strip().splitlines()
        assert line.startswith(f"Error: {ro / db}: cannot {what} the store"), line

    listed = as_user("articles", "--json", "--db", str(ro / "store.db"))  # reading still works
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)) == 1
    assert (ro / "store.db").read_bytes() == before
    assert not (ro / "new.db").exists()


def test_an_older_store_on_a_read_only_path(shared_dir, as_user):
    """A store from before stored groundwork, read-only: compare reads it (preparing the
    groundwork itself); ingest cannot add the groundwork table and says so in one line."""
    ro = shared_dir / "ro"
    write(shared_dir / "a.txt", ARTICLE)
    write(shared_dir / "topics" / "sudan.yaml", "name: sudan\ntitle: السودان\nselect:\n  keywords: [السودان]\n")
    ro.mkdir()
    as_user.own()
    assert as_user("ingest", str(shared_dir / "a.txt"), "--db", str(ro / "store.db")).exit_code == 0
    compare = ["compare", "--topic", "sudan", "--topics", str(shared_dir / "topics"), "--json", "--db", str(ro / "store.db")]
    expected = as_user(*compare)
    assert expected.exit_code == 0, expected.output
    con = sqlite3.connect(ro / "store.db")
    con.execute("DROP TABLE groundwork")
    con.commit()
    con.close()
    ro.chmod(0o555)
    (ro / "store.db").chmod(0o444)
    before = (ro / "store.db").read_bytes()

    compared = as_user(*compare)
    assert compared.exit_code == 0, compared.output
    assert compared.stdout == expected.stdout
    more = as_user("ingest", str(shared_dir / "a.txt"), "--db", str(ro / "store.db"))
    assert more.exit_code == 1, more.output
    [line] = more.output.strip().splitlines()
    assert line.startswith(f"Error: {ro / 'store.db'}: cannot write the store"), line
    assert (ro / "store.db").read_bytes() == before


# -- the store ----------------------------------------------------------------------
def test_store_of_a_newer_schema_is_refused_and_untouched(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    con = sqlite3.connect(cli.db)
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    before = Path(cli.db).read_bytes()
    write(tmp_path / "b.txt", OTHER)
    for args in (("ingest", str(tmp_path / "b.txt")), ("articles",), ("entities",), ("topics",),
                 ("compare", "--topic", "miami-talks"), ("show", "a.txt:1")):
        result = cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert result.output.strip() == (f"Error: {cli.db}: was written by a newer newsdiff (schema 2; "
                                         "this version reads schema 1); left untouched"), args
    assert Path(cli.db).read_bytes() == before
    assert sorted(p.name for p in Path(cli.db).parent.glob("store.db*")) == ["store.db"]


# -- topic and aliases YAML -----------------------------------------------------------
HOSTILE_YAML = {
    "python-tag.yaml": ("name: x\ntitle: !!python/object/apply:os.system ['touch PWNED']\n",
                        "could not determine a constructor for the tag"),
    "alias-bomb.yaml": ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
                        "YAML aliases (*a) are not accepted here"),
    "deep.yaml": ("name: " + "[" * 5000 + "]" * 5000 + "\n", "invalid YAML: nested too deeply"),
    "bad-date.yaml": ("name: x\nselect:\n  from: 2025-13-45\n", ":3: invalid YAML: bad value '2025-13-45'"),
    "odd-key.yaml": ("name: x\nselect:\n  1: ميامي\n", ":3: unknown key '1' under select"),
    "binary.yaml": ("name: x\n\udcff\n", "cannot read the file"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_YAML))
def test_hostile_topic_and_aliases_files_are_refused(cli, tmp_path, seed_store, name):
    text, message = HOSTILE_YAML[name]
    topics = tmp_path / "topics"
    topics.mkdir()
    (topics / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    cli.db = seed_store
    start = time.monotonic()
    for args in (("compare", "--topic", "x", "--topics", str(topics)), ("topics", "--topics", str(topics)),
                 ("entities", "--aliases", str(topics / name))):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        [line] = result.output.strip().splitlines()
        assert line.startswith(f"Error: {topics / name}"), line
        assert message in line or args[0] == "entities", line  # as aliases: first problem may differ
    assert time.monotonic() - start < 30
    assert not (Path.cwd() / "PWNED").exists() and not (tmp_path / "PWNED").exists()
