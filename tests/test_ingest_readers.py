"""Readers: formats, encodings, outlet prefix, folders, bad input; corpus checks when ../shared exists."""

from __future__ import annotations

import os
import resource
import time
from datetime import date
from pathlib import Path

import pytest

from claimtrack.ingest.base import IngestError, IngestSkip, RawDocument
from claimtrack.ingest.dates import parse_date
from claimtrack.ingest.frontmatter import split_front_matter
from claimtrack.ingest.plaintext import split_outlet_prefix
from claimtrack.ingest.readers import iter_documents, sniff_format

FIX = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
AR_TEXT = "الحكومة تعلن خفض الضرائب\nقال وزير المالية إن الضرائب ستنخفض بنسبة عشرة في المئة العام المقبل.\n"


def read(*paths: str | Path, **kw: object) -> list[RawDocument | IngestError]:
    return list(iter_documents([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def one_doc(path: str | Path) -> RawDocument:
    items = read(path)
    assert len(items) == 1, items
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


def one_error(path: str | Path) -> IngestError:
    items = read(path)
    assert len(items) == 1, items
    assert isinstance(items[0], IngestError), items[0]
    assert "\n" not in str(items[0])
    return items[0]


# --- plain text, Markdown, outlet prefix ---------------------------------------------------------


def test_txt_arabic_outlet_prefix_removed_title_kept() -> None:
    doc = one_doc(FIX / "article_ar.txt")
    assert doc.source_format == "txt" and doc.language == "ar"
    assert doc.title == "الحكومة تعلن خفض أسعار الوقود بنسبة عشرة في المئة"
    assert doc.outlet == "شبكةالخبر"
    assert doc.text.startswith(doc.title + "\nأعلن وزير الطاقة")
    assert "شبكةالخبر" not in doc.text
    assert doc.origin_name == "article_ar.txt"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("حصادنيوز-أبدى البيت الأبيض قلقه من التقدم", "حصادنيوز"),
        ("وكالة الأنباء - قال المتحدث إن المحادثات تتقدم", "وكالة الأنباء"),
        ("Reuters - The White House said on Wednesday", "Reuters"),
        ("Metro Wire – Officials said the plan works", "Metro Wire"),
        ("Jean-Pierre said the talks were advancing fast", None),  # a hyphenated name, not an outlet
        ("نايف عبدالله – عين اليوم", None),  # a byline line: too short to be outlet + lead
        ("WASHINGTON (Reuters) - The White House said", None),
        ("2015 - the year prices rose sharply again", None),
    ],
)
def test_outlet_prefix_rule(line: str, outlet: str | None) -> None:
    found, rest = split_outlet_prefix(line)
    assert found == outlet
    if outlet:
        assert not rest.startswith(("-", " ", "–")) and rest in line


def test_md_reflows_soft_wraps_and_keeps_hard_breaks() -> None:
    doc = one_doc(FIX / "article_en.md")
    assert doc.source_format == "md" and doc.language == "en"
    assert doc.title == "Council approves new water plan"
    assert doc.outlet == "Metro Wire"
    assert doc.text.split("\n")[1] == (
        "The city council said on Tuesday that water use fell by 12 percent last year, "
        "the largest drop in a decade."
    )
    assert 'the plan "historic".\nCritics disagreed.' in doc.text


def test_front_matter_transcript() -> None:
    doc = one_doc(FIX / "transcript.md")
    assert doc.title == "Press Briefing by the Spokesperson on the Harbour Project"
    assert doc.published == date(2021, 3, 4) and doc.published_precision == "day"
    assert doc.url == "https://example.gov/briefings/2021/03/04/briefing/"
    assert doc.text.startswith("Main Briefing Room")
    assert "The harbour project will create 4,000 jobs over two years, and we expect" in doc.text
    assert doc.meta["front_matter"]["tags"] == "press-briefings"


def test_front_matter_parser_subset() -> None:
    fm, body = split_front_matter(
        "---\ntitle: 'It''s'\ntags: [a, b]\nauthors:\n  - X\n  - Y\nn: 3\n---\nbody\n"
    )  # type: ignore[misc]
    assert fm == {"title": "It's", "tags": ["a", "b"], "authors": ["X", "Y"], "n": 3}
    assert body == "body\n"
    assert split_front_matter("---\nnot yaml\n---\nx") is None


# --- HTML ------------------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    doc = one_doc(FIX / "page.html")
    assert doc.source_format == "html"
    assert doc.title == "Bridge repairs finished early"
    assert doc.outlet == "Riverside Gazette" and doc.byline == "Sam Carter"
    assert doc.url == "https://gazette.example/news/bridge-repairs"
    assert doc.published == date(2022, 5, 17)
    assert doc.text.startswith("Bridge repairs finished early\nThe transport department said")
    assert "Subscribe" not in doc.text and "Sport" not in doc.text  # boilerplate gone
    assert doc.raw_html is None


def test_txt_that_is_html_is_sniffed() -> None:
    doc = one_doc(FIX / "html_in_disguise.txt")
    assert doc.source_format == "html" and doc.title == "Bridge repairs finished early"


def test_malformed_or_empty_html(tmp_path: Path) -> None:
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>x</a></nav></body></html>")
    (tmp_path / "junk.html").write_text("<<<< >>> <div <p")
    assert "no extractable text" in one_error(tmp_path / "nav.html").reason
    assert "no extractable text" in one_error(tmp_path / "junk.html").reason


# --- JSON ------------------------------------------------------------------------------------------


def test_json_single_article_plain_name() -> None:
    doc = one_doc(FIX / "single.json")
    assert doc.origin_name == "single.json" and doc.source_format == "json"
    assert (doc.title, doc.outlet, doc.byline, doc.url) == (
        "Port traffic doubles", "Harbour News", "Lee Wong", "https://example.org/port",
    )  # fmt: skip
    assert doc.published == date(2020, 1, 15)
    assert doc.text == "Port traffic doubles\nThe port authority said container traffic doubled in 2019."


def test_json_list_items_and_missing_text_field() -> None:
    items = read(FIX / "list.json")
    assert len(items) == 3
    first, second, third = items
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.origin_name == "list.json#1" and second.origin_name == "list.json#2"
    assert first.outlet == "examplepaper" and first.byline is None and first.language == "ar"
    assert first.published == date(2015, 8, 11) and first.published_precision == "day"
    assert (
        first.text
        == "عنوان الخبر الأول\nقال المتحدث إن المشروع سيكتمل خلال عامين.\nوأضاف أن التكلفة بلغت مليون ريال."
    )
    assert second.published == date(2015, 8, 1) and second.published_precision == "month"
    assert isinstance(third, IngestError) and third.origin.endswith("list.json#3")
    assert "no text field" in third.reason


def test_jsonl_lines_bad_line_and_html_content() -> None:
    items = read(FIX / "lines.jsonl")
    assert [type(i).__name__ for i in items] == ["RawDocument", "IngestError", "RawDocument"]
    assert items[0].origin_name == "lines.jsonl#1" and items[0].published_precision == "year"  # type: ignore[union-attr]
    assert "malformed JSON line" in items[1].reason  # type: ignore[union-attr]
    assert items[2].text == "Line four\nImports fell.\nSecond paragraph."  # type: ignore[union-attr]


def test_json_bad_inputs(tmp_path: Path) -> None:
    assert "malformed JSON" in one_error(FIX / "malformed.json").reason
    assert "no text field" in one_error(FIX / "nofield.json").reason
    (tmp_path / "empty_list.json").write_text("[]")
    assert "empty" in one_error(tmp_path / "empty_list.json").reason
    (tmp_path / "wrapped.json").write_text('{"articles": [{"text": "a b c"}, {"text": "d e f"}]}')
    assert [d.origin_name for d in read(tmp_path / "wrapped.json")] == ["wrapped.json#1", "wrapped.json#2"]  # type: ignore[union-attr]


# --- feeds -----------------------------------------------------------------------------------------


def test_rss_entries() -> None:
    items = read(FIX / "feed.rss")
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 2
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.source_format == "feed" and first.origin_name == "feed.rss#1"
    assert first.title == "Dam level at record high" and first.url == "https://radio.example/dam"
    assert first.outlet == "Valley Radio" and first.byline == "Dana Ruiz"
    assert first.published == date(2021, 6, 2)
    assert (
        first.text
        == "Dam level at record high\nThe water authority said the dam reached 98 percent capacity."
    )


def test_atom_arabic_entry() -> None:
    doc = one_doc(FIX / "atom.xml")
    assert doc.language == "ar" and doc.outlet == "نشرة الوادي" and doc.byline == "هدى سالم"
    assert doc.text.endswith("قالت هيئة المياه إن السد بلغ ثمانية وتسعين في المئة من سعته.")


def test_malformed_feed() -> None:
    assert "malformed feed XML" in one_error(FIX / "broken.xml").reason


def test_sniffing() -> None:
    assert sniff_format('{"text": "x"}', ".txt") == "json"
    assert sniff_format("[Breaking] prices rose", ".txt") == "txt"
    assert sniff_format("<?xml version='1.0'?><rss version='2.0'>", ".txt") == "feed"
    assert sniff_format("<feed xmlns='http://www.w3.org/2005/Atom'>", ".html") == "feed"
    assert sniff_format("<!DOCTYPE html><html>", ".txt") == "html"
    assert sniff_format("Use <b>bold</b> sparingly", ".txt") == "txt"
    assert sniff_format("---\ntitle: x\n---\nbody", ".txt") == "md"


# --- encodings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859_6"])
def test_encodings_decode_arabic(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"a_{encoding}.txt"
    path.write_bytes(AR_TEXT.replace("\n", "\r\n").encode(encoding))
    doc = one_doc(path)
    assert doc.text == AR_TEXT.strip()
    assert doc.title == "الحكومة تعلن خفض الضرائب" and doc.language == "ar"


def test_short_arabic_code_pages(tmp_path: Path) -> None:
    for enc in ("cp1256", "iso8859_6"):
        (tmp_path / f"{enc}.txt").write_bytes("قال الوزير\nنعم".encode(enc))
        assert one_doc(tmp_path / f"{enc}.txt").text == "قال الوزير\nنعم"


def test_nfc_normalised(tmp_path: Path) -> None:
    (tmp_path / "nfd.txt").write_text(
        "Cafe\u0301 prices\nThe cafe\u0301 said prices rose.\n", encoding="utf-8"
    )
    doc = one_doc(tmp_path / "nfd.txt")
    assert "Café" in doc.text and "\u0301" not in doc.text


# --- bad input -------------------------------------------------------------------------------------


def test_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text("word " * 100)
    assert "binary" in one_error(tmp_path / "bin.txt").reason
    assert "empty" in one_error(tmp_path / "zero.txt").reason
    assert "empty" in one_error(FIX / "blank.txt").reason
    items = read(tmp_path / "big.txt", max_bytes=100)
    assert len(items) == 1 and isinstance(items[0], IngestError) and "too large" in items[0].reason
    missing = read(tmp_path / "nope.txt")
    assert isinstance(missing[0], IngestError) and "no such file" in missing[0].reason


def test_batch_goes_on_after_errors(tmp_path: Path) -> None:
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02")
    items = read(tmp_path / "bin.dat", FIX / "single.json")
    assert isinstance(items[0], IngestError) and isinstance(items[1], RawDocument)


# --- folders ---------------------------------------------------------------------------------------


def test_folder_recursive_sorted_skips_hidden() -> None:
    items = read(FIX / "folder")
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [i.origin_name for i in docs] == ["a.txt", "b.md"]
    skipped = [i for i in items if isinstance(i, IngestSkip)]
    assert skipped and all(i.reason == "hidden" for i in skipped)
    assert len(docs) + len(skipped) == len(items)


def test_iter_documents_is_lazy(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\nBody of article {n}.\n")
    gen = iter_documents([str(tmp_path)])
    first = next(gen)
    assert isinstance(first, RawDocument) and first.origin_name == "0.txt"


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-11 06:12:46", (date(2015, 8, 11), "day")),
        ("2023-08-30 17:57:48-04:00", (date(2023, 8, 30), "day")),
        ("Tue, 11 Aug 2015 06:12:46 GMT", (date(2015, 8, 11), "day")),
        ("2015-08", (date(2015, 8, 1), "month")),
        ("August 2015", (date(2015, 8, 1), "month")),
        ("2015", (date(2015, 1, 1), "year")),
        ("August 11", (None, None)),
        ("not a date", (None, None)),
    ],
)
def test_parse_date_precision(value: str, expected: tuple[date | None, str | None]) -> None:
    assert parse_date(value) == expected


# --- the shared corpus, read in place --------------------------------------------------------------

corpus = pytest.mark.skipif(not (SHARED / "corpus").is_dir() and not os.environ.get("CI"), reason="../shared corpus not present")


@pytest.mark.corpus
@corpus
def test_saudinewsnet_day_in_place() -> None:
    path = SHARED / "corpus" / "saudinewsnet" / "2015-08-11.json"
    start = time.perf_counter()
    docs: dict[int, RawDocument] = {}
    errors: list[IngestError] = []
    count = 0
    for item in iter_documents([str(path)]):
        count += 1
        if isinstance(item, IngestError):
            errors.append(item)
        elif count in (1, 2, 843, 1686):
            docs[count] = item
    elapsed = time.perf_counter() - start
    assert count == 1686
    # three items have neither title nor content: they are reported, not dropped silently
    assert len(errors) == 3 and all(e.reason.startswith("empty") for e in errors)
    for n, doc in docs.items():
        assert doc.origin_name == f"2015-08-11.json#{n}"
        assert doc.source_format == "json" and doc.language == "ar"
        assert doc.published == date(2015, 8, 11) and doc.published_precision == "day"
        assert doc.outlet and doc.url and doc.url.startswith("http")
        assert doc.title and doc.text.startswith(doc.title)
    assert docs[1].outlet == "3alyoum"
    print(f"\nSaudiNewsNet: {count / elapsed:.0f} articles/s, peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")  # fmt: skip


@pytest.mark.corpus
@corpus
def test_whitehouse_front_matter() -> None:
    items = read(SHARED / "corpus" / "whitehouse")
    docs = [i for i in items if isinstance(i, RawDocument) and i.source_format == "md"]
    assert len(docs) == 4
    by_day = {d.published: d for d in docs}
    kirby = by_day[date(2023, 8, 30)]
    assert (
        kirby.title
        == "Press Briefing by Press Secretary Karine Jean-Pierre and FEMA Administrator Deanne Criswell"
    )
    assert kirby.url and kirby.url.startswith(
        "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2023/08/30/"
    )
    assert kirby.published_precision == "day" and kirby.language == "en"
    assert kirby.text.startswith("James S. Brady Press Briefing Room")
    assert not kirby.text.startswith("---")
    assert all(d.title and d.title.startswith("Press Briefing") for d in docs)


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "seeds").is_dir() and not os.environ.get("CI"), reason="../shared seeds not present")
def test_seed_article_outlet_prefix() -> None:
    seed = next((SHARED / "seeds").glob("*.txt"))
    doc = one_doc(seed)
    assert doc.outlet == "حصادنيوز" and "حصادنيوز" not in doc.text
    assert doc.text.startswith(doc.title + "\n") and doc.language == "ar"  # type: ignore[operator]


def test_html_file_in_cp1256_with_meta_charset(tmp_path: Path) -> None:
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
        "<title>خبر</title></head><body><article><h1>خبر</h1><p>قال المتحدث إن الحكومة ستخفض "
        "الضرائب بنسبة عشرة في المئة خلال العام المقبل.</p></article></body></html>"
    )
    (tmp_path / "ar.html").write_bytes(page.encode("cp1256"))
    doc = one_doc(tmp_path / "ar.html")
    assert doc.language == "ar" and "قال المتحدث إن الحكومة ستخفض الضرائب" in doc.text
