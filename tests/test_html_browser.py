"""The HTML report rendered by headless Chromium: what shows, and that article markup runs nothing."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import write

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _require_browser() -> str:
    if CHROMIUM:
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail("chromium is missing in CI (.ci/run installs it from Debian's packages)")
    pytest.skip("chromium is not installed on this machine")


def _render(browser: str, page, profile) -> str:
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom", page.as_uri()]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_browser_shows_sections_and_runs_no_article_script(cli, tmp_path):
    browser = _require_browser()
    write(tmp_path / "in" / "a.txt",
          "<script>document.title='PWNED'</script> اجتماع الحكومة في القاهرة\n"
          "نشر في: 4 مارس 2024\n"
          "اجتمع مجلس الوزراء في القاهرة اليوم الاثنين لبحث الموازنة العامة، وقال وزير المالية إن العجز 6 في المئة.\n"
          "<img src=x onerror=\"document.title='PWNED'\"> وأكد الوزير أن الحكومة ستخفض الإنفاق.\n")
    write(tmp_path / "in" / "b.txt",
          "الحكومة تبحث الموازنة\n"
          "نشر في: 4 مارس 2024\n"
          "بحث مجلس الوزراء في القاهرة اليوم الاثنين الموازنة العامة، وقال وزير المالية إن العجز 7 في المئة.\n")
    assert cli("ingest", str(tmp_path / "in")).exit_code == 0
    write(tmp_path / "t" / "budget.yaml", "name: budget\ntitle: الموازنة\nselect:\n  keywords: [الموازنة]\n")
    page = tmp_path / "report.html"
    result = cli("compare", "--topic", "budget", "--topics", str(tmp_path / "t"), "--html", str(page))
    assert result.exit_code == 0, result.output
    dom = _render(browser, page, tmp_path / "profile")
    assert "PWNED" not in dom.split("<title>")[1].split("</title>")[0]
    assert "<script" not in dom.lower() and "<img" not in dom.lower()
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    for heading in ("1. التغطية", "4. الأرقام", "5. الخط الزمني", "6. ما تنقله عدة منافذ", "7. التصريحات"):
        assert heading in dom
    assert "<svg" in dom and 'dir="rtl"' in dom
