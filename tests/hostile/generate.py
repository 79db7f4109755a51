"""Write the hostile-input corpus (files) into a folder; large files are generated, never committed.

    python tests/hostile/generate.py DEST [--limit BYTES]

Each file's name says what it is. `strings.json` beside this script holds the hostile text values.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARABIC = "قال وزير المالية سامي الحربي إن الاقتصاد نما بنسبة ٣٪ العام الماضي.\n"
ENGLISH = "Finance minister Sam Harbi said the economy grew 3% last year.\n"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def strings() -> dict[str, list[str]]:
    """The hostile text values by kind, with the generated overlong ones added."""
    data: dict[str, list[str]] = json.loads((HERE / "strings.json").read_text(encoding="utf-8"))
    data["overlong"] = ["x" * 1_000_000, "ع" * 10_000]
    return data


def billion_laughs() -> str:
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">'
                                     for i in range(1, 10)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(ents) + "\n]>\n"
            '<rss version="2.0"><channel><title>laughs</title><item><title>&lol9;</title>'
            "<description>&lol9;</description></item></channel></rss>\n")


def files(limit: int) -> dict[str, bytes]:
    """Small and medium hostile files, name -> bytes (the large ones are written by `write`)."""
    rng = random.Random(5)
    utf8 = (ARABIC * 3).encode("utf-8")
    return {
        "empty.txt": b"",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "nul_bytes.txt": ENGLISH.encode() + b"\x00\x00binary tail\x00" + ENGLISH.encode(),
        "truncated_utf8.txt": utf8[: len(utf8) - 1],
        "cp1256.txt": (ARABIC.replace("٣٪", "3%") * 3).encode("cp1256"),
        "utf16_no_bom.txt": (ENGLISH + ARABIC).encode("utf-16-le"),
        "nested_10000.html": ("<html><body>" + "<div>" * 10_000 + ENGLISH + "</div>" * 10_000
                              + "</body></html>").encode(),
        "wrong_types.json": json.dumps([{"text": 5, "title": ["a"], "date": {"y": 1}},
                                        {"text": None}, [1, 2], "just a string", {"content": {"x": ENGLISH}}]).encode(),
        "empty_feed.xml": b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
        "billion_laughs.xml": billion_laughs().encode(),
        "external_entity.xml": (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                b"<rss><channel><item><title>&x;</title><description>&x;</description>"
                                b"</item></channel></rss>"),
        "trojan_source.txt": ("Council says budget is balanced\nThe mayor said the budget \u202eis not\u202c is "
                              "balanced and \u2067access\u2069 was granted to everyone.\n").encode(),
        "overlong_claimant.txt": ("Port news\nSpokesperson " + " ".join(["Abdulrahman"] * 900)
                                  + " said that the port handled 9 million containers in 2022.\n").encode(),
        "markup.html": ("<html><head><title>[bold]x[/] {{7*7}}</title></head><body><p>"
                        + ENGLISH + "</p><script>alert(1)</script><a href='javascript:alert(1)'>x</a>"
                        "</body></html>").encode(),
    }


def write(dest: Path, limit: int = 20_000_000) -> dict[str, Path]:
    """Every hostile file under `dest`; returns name -> path."""
    dest.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, data in files(limit).items():
        (dest / name).write_bytes(data)
        out[name] = dest / name
    line = ENGLISH.encode()
    for name, size in (("just_over_limit.txt", limit + 1), ("fifty_mb.txt", 50 * 1024 * 1024)):
        with (dest / name).open("wb") as fh:
            fh.write(line * (size // len(line)) + b"x" * (size % len(line)))
        out[name] = dest / name
    with (dest / "million_tiny_records.json").open("w", encoding="utf-8") as fh:
        fh.write("[" + ",".join(['{"t":1}'] * 1_000_000) + "]")
    out["million_tiny_records.json"] = dest / "million_tiny_records.json"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--limit", type=int, default=20_000_000)
    a = ap.parse_args()
    for name, path in write(a.dest, a.limit).items():
        print(f"{path.stat().st_size:>12,}  {name}")


if __name__ == "__main__":
    main()
