"""Markdown, HTML and PDF reports from Jinja2 templates.

HTML autoescapes every value. Markdown escapes every value through the environment's `finalize`,
so a newsroom's own template (`--template`) is just as safe: only the `md_raw` marker bypasses it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any, Protocol

import jinja2

from claimtrack.reports.data import actor_name
from claimtrack.reports.quotes import quoted
from claimtrack.services import ClaimtrackError
from claimtrack.text import show_controls

TEMPLATE_DIR = Path(__file__).with_name("templates")
DEFAULT_TEMPLATES = {"md": "report.md.j2", "html": "report.html.j2"}


class ReportError(ClaimtrackError):
    """A report or export that cannot be written; the message says why and what to do."""


# --- escaping ------------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]()|~])")
_MD_LINE_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")
_WS = re.compile(r"\s+")
_MD_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class MdRaw(str):
    """Markdown the template wants verbatim (never user text)."""


def md_escape(value: Any) -> str:
    """User text as inert Markdown: no emphasis, links, raw HTML or block syntax, on one line."""
    if value is None:
        return ""
    if isinstance(value, MdRaw):
        return str(value)
    text = show_controls(_WS.sub(" ", str(value)))  # a newline could start a new block; a tab a code block
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text)
    return "".join(_MD_ENTITY.get(ch, ch) for ch in text)


def md_link(url: Any, text: Any) -> MdRaw:
    """`[text](<url>)` for an http(s) URL; just the escaped text otherwise."""
    href = safe_url(url)
    label = md_escape(text if text else url)
    if href is None:
        return MdRaw(label)
    href = "".join(f"%{ord(c):02X}" if c in "<>\\ \t\r\n" else c for c in href)
    return MdRaw(f"[{label}](<{href}>)")


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data: or file: links in reports)."""
    if not url:
        return None
    u = str(url).strip()
    return u if u[:8].lower().startswith(("http://", "https://")) and not _BAD_URL.search(u) else None


_BAD_URL = re.compile(r"[\x00-\x20]")


class _DictEnvironment(jinja2.Environment):
    """`c.text` on a report dict is a key lookup first (the data is plain dicts; this is ~2x faster)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


# --- the environment -----------------------------------------------------------------------------


def _html_value(value: Any) -> Any:
    """HTML output of `{{ value }}`: None prints nothing (never the word None); plain strings get their
    bidi and control characters marked before autoescaping (template markup is left alone)."""
    if value is None:
        return ""
    return show_controls(value) if type(value) is str else value


def _when(value: str | None) -> str:
    """An ISO datetime as `YYYY-MM-DD HH:MM` (UTC); dates and partial dates unchanged. Exactly midnight
    (a first-seen time taken from a publication *date*) shows the date alone, not a made-up 00:00."""
    if not value:
        return ""
    if "T" not in value:
        return value
    if value[10:19] == "T00:00:00" and value[19:20] != ".":
        return value[:10]
    return value[:16].replace("T", " ")


def make_env(fmt: str, lang: str, L: dict[str, Any], template: Path | None) -> jinja2.Environment:
    """The Jinja2 environment for md or html; a custom template's folder is searched first."""
    loaders: list[jinja2.BaseLoader] = []
    if template is not None:
        loaders.append(jinja2.FileSystemLoader(str(template.parent)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    kwargs: dict[str, Any] = {"loader": jinja2.ChoiceLoader(loaders), "trim_blocks": True, "lstrip_blocks": True,
                              "keep_trailing_newline": True, "undefined": jinja2.ChainableUndefined}
    if fmt == "html":
        env: jinja2.Environment = _DictEnvironment(autoescape=True, finalize=_html_value, **kwargs)
    else:
        env = _DictEnvironment(autoescape=False, finalize=md_escape, **kwargs)

    def name_of(actor: dict[str, Any] | None) -> str:
        return actor_name(actor, lang)

    def label(group: str, key: Any) -> str:
        return L.get(group, {}).get(key, key if key is not None else "")

    def claims_count(n: int) -> str:
        """The claim count for a heading, e.g. `4 claims` (Arabic says `عدد الادعاءات: 4`: its counted
        noun changes form with the number)."""
        return L["claims_count"]["one" if n == 1 else "other"].replace("{n}", str(n))

    groups = {"state": "states", "verdict": "verdicts", "stance": "stances", "kind": "kinds"}

    def change_value(field: str, value: Any) -> str:
        """A timeline value: state, verdict, stance and kind codes get their label."""
        if value is None:
            return "—"
        shown = L.get(groups.get(field, ""), {}).get(value)
        if shown is None and field == "kind":  # an evidence event's kind (url, note, ...)
            shown = L["evidence_kinds"].get(value)
        return str(value if shown is None else shown)

    env.filters.update(change_value=change_value, when=_when, safe_url=safe_url, actor=name_of, md_raw=MdRaw,
                       md_link=md_link, quoted=quoted)
    env.globals.update(claims_count=claims_count, change_value=change_value, L=L, lang=lang, label=label, safe_url=safe_url, actor=name_of,
                       md_link=md_link, quoted=quoted)
    return env


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        return False


def get_template(fmt: str, lang: str, L: dict[str, Any], template: Path | None) -> jinja2.Template:
    env = make_env(fmt, lang, L, template)
    name = template.name if template is not None else DEFAULT_TEMPLATES[fmt]
    if template is not None and not _is_file(template):
        raise ReportError(f"template not found: {template}")
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise ReportError(f"template {exc.filename or name}, line {exc.lineno}: {exc.message}") from exc


class TextSink(Protocol):
    """Where rendered text goes: a text file, or anything with its `write`."""

    def write(self, s: str, /) -> object: ...


def render_stream(tpl: jinja2.Template, context: dict[str, Any], out: TextSink) -> None:
    """Render chunk by chunk (Jinja2 `generate`), so a dossier never sits whole in memory."""
    try:
        buf: list[str] = []
        size = 0
        for piece in tpl.generate(**context):
            buf.append(piece)
            size += len(piece)
            if size > 1 << 16:
                out.write("".join(buf))
                buf, size = [], 0
        out.write("".join(buf))
    except jinja2.TemplateError as exc:
        raise ReportError(f"template error: {exc}") from exc


def render_string(tpl: jinja2.Template, context: dict[str, Any]) -> str:
    parts: list[str] = []

    class _Sink:
        def write(self, s: str) -> None:
            parts.append(s)

    render_stream(tpl, context, _Sink())
    return "".join(parts)


# --- PDF -----------------------------------------------------------------------------------------

PDF_HINT = ("PDF reports need WeasyPrint: pip install 'claimtrack[pdf]' (on Debian/Ubuntu also: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core); or use --format html and print it")


def write_pdf(html: str, out: IO[bytes]) -> None:
    """HTML to PDF with WeasyPrint (the optional `pdf` extra)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint present but Pango missing
        raise ReportError(f"{PDF_HINT} ({exc.__class__.__name__}: {exc})") from exc
    if not hasattr(out, "buffer") and isinstance(getattr(out, "encoding", None), str):
        raise ReportError("PDF is binary: write it to a file with -o report.pdf")
    weasyprint.HTML(string=html, base_url=None).write_pdf(target=getattr(out, "buffer", out))

