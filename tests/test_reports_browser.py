"""The HTML report in a real headless Chromium: text present, no injected script ran, Arabic resolves RTL.

The report itself carries no script. A separate harness page (ours, in the temp dir) loads the report in
an iframe and reads the *computed* direction of its paragraphs; Chromium's --dump-dom prints the result.
Skipped without /usr/bin/chromium unless $CI is set (then it fails). Screenshots are written to
$REPORT_SCREENSHOTS (default: the test's temp dir) for a human to look at.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from test_reports import FIXED_NOW, build, build_hostile, report
from test_reports_seed import claims, ingest_seed, north_korea_denial, publish

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body>
<pre id="out">pending</pre>
<iframe id="f" src="REPORT" width="1000" height="800"></iframe>
<script>
document.getElementById("f").addEventListener("load", () => {
  const d = document.getElementById("f").contentDocument;
  const arabic = /[\\u0600-\\u06FF]/;
  const paras = [...d.querySelectorAll("blockquote.claim-text, td[dir=auto], p[dir=auto]")]
    .filter(e => arabic.test((e.textContent || "").trim().charAt(0)));
  document.getElementById("out").textContent = JSON.stringify({
    title: d.title,
    scripts: d.querySelectorAll("script").length,
    imgs: d.querySelectorAll("img").length,
    bodyStart: d.body.innerText.slice(0, 40),
    htmlDir: getComputedStyle(d.documentElement).direction,
    arabic: paras.length,
    arabicRtl: paras.filter(e => getComputedStyle(e).direction === "rtl" && e.matches(":dir(rtl)")).length,
    englishLtr: [...d.querySelectorAll("blockquote.claim-text[lang=en]")].every(e => getComputedStyle(e).direction === "ltr"),
  });
});
</script></body></html>"""


def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is required in CI (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    return CHROMIUM


def run(args: list[str], tmp_path: Path) -> str:
    cmd = [str(chromium()), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


def probe(html: str, tmp_path: Path, name: str) -> dict:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    harness = tmp_path / f"{name}-harness.html"
    harness.write_text(HARNESS.replace("REPORT", page.name), encoding="utf-8")
    dom = run(["--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", harness.as_uri()],
              tmp_path)
    m = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert m, dom[:2000]
    shots = Path(os.environ.get("REPORT_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    run([f"--screenshot={shots / (name + '.png')}", "--window-size=1100,1600", page.as_uri()], tmp_path)
    assert (shots / f"{name}.png").stat().st_size > 10_000
    return json.loads(unescape(m.group(1)))


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_report_in_chromium(sqlite_engine: Engine, fixed_clock: datetime, tmp_path: Path, lang: str) -> None:
    ids = build(sqlite_engine)
    html = report(sqlite_engine, fmt="html", lang=lang)
    page = tmp_path / "plain.html"
    page.write_text(html, encoding="utf-8")
    dom = run(["--dump-dom", page.as_uri()], tmp_path)
    assert "الاقتصاد نما بنسبة ٣٪ العام الماضي" in dom and "the economy grew 3% last year" in dom
    assert f'id="claim-{ids["ar_statement"]}"' in dom and 'dir="auto"' in dom
    assert (f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">') in dom
    result = probe(html, tmp_path, f"dossier-{lang}")
    assert result["scripts"] == 0 and result["imgs"] == 0
    assert result["htmlDir"] == ("rtl" if lang == "ar" else "ltr")
    assert result["arabic"] >= 4 and result["arabicRtl"] == result["arabic"], result
    assert result["englishLtr"] is True
    assert FIXED_NOW.strftime("%Y-%m-%d") in dom


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_injected_markup_stays_text_in_chromium(sqlite_engine: Engine, fixed_clock: datetime, tmp_path: Path,
                                                lang: str) -> None:
    cid = build_hostile(sqlite_engine)
    html = report(sqlite_engine, claim_id=cid, fmt="html", lang=lang)
    result = probe(html, tmp_path, f"hostile-{lang}")
    assert "pwned" not in result["title"] and result["title"].startswith(("Verification report", "تقرير التحقق"))
    assert result["scripts"] == 0 and result["imgs"] == 0
    assert result["bodyStart"].strip() != "pwned"
    dom = run(["--dump-dom", (tmp_path / f"hostile-{lang}.html").as_uri()], tmp_path)
    assert "&lt;script&gt;document.title" in dom and "{{ 7*7 }}" in dom and "<script" not in dom


LAYOUT_HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>layout</title></head><body>
<pre id="out">pending</pre>
WIDTHS
<script>
function brokenWords(d) {
  // a word is broken when two adjacent non-space characters sit on different lines
  const out = [];
  const walker = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
  const range = d.createRange();
  const top = (node, i) => { range.setStart(node, i); range.setEnd(node, i + 1);
    const r = [...range.getClientRects()].filter(r => r.height > 0); return r.length ? r[0] : null; };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const t = node.textContent;
    let prev = null;
    for (let i = 0; i < t.length; i++) {
      if (/\\s/.test(t[i])) { prev = null; continue; }
      if (/[\\u064B-\\u065F\\u0670]/.test(t[i])) continue;  // harakat: drawn on their letter
      const r = top(node, i);
      if (!r) continue;
      if (prev && Math.abs(r.top - prev.top) > prev.height / 2) {
        const s = t.lastIndexOf(" ", i) + 1, e = t.indexOf(" ", i);
        out.push(t.slice(s, e < 0 ? t.length : e));
      }
      prev = r;
    }
  }
  return out;
}
window.addEventListener("load", () => {
  const result = {};
  for (const f of document.querySelectorAll("iframe")) {
    const d = f.contentDocument;
    result[f.name] = {
      broken: brokenWords(d),
      files: [...d.querySelectorAll(".file")].map(e => [e.textContent, e.getClientRects().length]),
      overflow: d.documentElement.scrollWidth - d.documentElement.clientWidth,
      // label lines ("Source file:", "Added by:") read in the report's direction, whatever the title's
      labelLines: [...d.querySelectorAll("td.source > div:not([dir])")].map(e => getComputedStyle(e).direction),
      reportDir: getComputedStyle(d.documentElement).direction,
    };
  }
  document.getElementById("out").textContent = JSON.stringify(result);
});
</script></body></html>"""


@pytest.mark.browser
def test_reports_never_break_a_word_at_any_width(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Seed claim reports (a denial with many links; a published claim with evidence, comment and history)
    at desktop and phone widths: every word and file name whole, nothing wider than the window."""
    ingest_seed(sqlite_engine)
    denial = north_korea_denial(sqlite_engine)
    published = next(c for c in claims(sqlite_engine) if c["kind"] == "statement" and c["links"])
    publish(sqlite_engine, published["id"])
    pages = {"denial-ar": (denial["id"], "ar"), "published-ar": (published["id"], "ar"),
             "published-en": (published["id"], "en")}
    widths = (1000, 420, 360)
    frames = []
    for name, (claim_id, lang) in pages.items():
        (tmp_path / f"{name}.html").write_text(report(sqlite_engine, claim_id=claim_id, fmt="html", lang=lang),
                                               encoding="utf-8")
        frames += [f'<iframe name="{name}@{w}" src="{name}.html" width="{w}" height="1200"></iframe>' for w in widths]
    harness = tmp_path / "layout-harness.html"
    harness.write_text(LAYOUT_HARNESS.replace("WIDTHS", "".join(frames)), encoding="utf-8")
    dom = run(["--allow-file-access-from-files", "--virtual-time-budget=20000", "--window-size=2000,1400",
               "--dump-dom", harness.as_uri()], tmp_path)
    m = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert m and m.group(1) != "pending", dom[:2000]
    result = json.loads(unescape(m.group(1)))
    assert len(result) == len(pages) * len(widths)
    for key, got in result.items():
        assert got["broken"] == [], f"{key}: words broken across lines: {got['broken'][:10]}"
        assert got["files"] and all(lines == 1 for _, lines in got["files"]), f"{key}: {got['files']}"
        assert got["overflow"] <= 0, f"{key}: the page is {got['overflow']}px wider than the window"
        assert got["labelLines"] and set(got["labelLines"]) == {got["reportDir"]}, key
    shots = Path(os.environ.get("REPORT_SCREENSHOTS") or tmp_path)
    for name in pages:
        for w in (1000, 420):
            run([f"--screenshot={shots / f'seed-{name}-{w}.png'}", f"--window-size={w},1400",
                 (tmp_path / f"{name}.html").as_uri()], tmp_path)
