"""The loader: formats, encodings, markers in the file, bad input, and the corpus's charsets.

Pages are built as bytes inside the tests from short original sentences about fictional
people; real pages are read from ../shared when it is present.
"""

from __future__ import annotations

import codecs
import importlib
import json
import os
import stat
from email.message import EmailMessage
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.charsets import BINARY_SNIFF_BYTES
from reader.core.decode import decode, decode_detailed
from reader.core.decode import family as codec_family
from reader.core.errors import LoadError
from reader.core.load import Page, PageFormat, load, load_bytes
from tests.conftest import PAGES, SHARED

# `reader.core` re-exports the function `load`, which hides the module of the same name.
load_module: ModuleType = importlib.import_module("reader.core.load")

# Original sentences (fictional people and places).
HANS = (
    "林晓雨在海边小镇开了一家旧书店。每天早上，她先把门口的木牌擦干净，再给窗台上的花浇水。"
    "镇上的孩子们放学以后常常来店里看书，有时一坐就是一个下午。"
)
HANT = (
    "陳志明在山城經營一家小茶館已經十多年了。他說，來這裡喝茶的人大多是老朋友，"
    "大家一邊聊天一邊看著窗外的雨，時間好像走得特別慢。"
)
HK = "黃嘉欣話，呢間茶餐廳嘅奶茶係佢細個時候嘅味道，街坊每日都會嚟飲一杯。"
RARE = "𠮷"  # U+20BB7: outside the BMP and outside GBK, four bytes in GB18030


def html_page(body: str, head: str = "", title: str = "小镇书店") -> str:
    """A small HTML document around `body`."""
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n"
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>\n"
    )


def meta(charset: str) -> str:
    return f'<meta charset="{charset}">'


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- Formats ------------------------------------------------------------------------


def test_html_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", html_page(HANS, meta("utf-8")).encode())
    page = load(path)
    assert isinstance(page, Page)
    assert page.format is PageFormat.HTML
    assert page.encoding == "utf-8"
    assert HANS in page.text
    assert page.path == path
    assert page.base_dir == tmp_path
    assert page.url is None
    assert page.replacements == 0
    assert page.warnings == ()
    assert page.declared_charset == "utf-8"


def test_load_accepts_str_path(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", html_page(HANS).encode())
    assert load(str(path)).path == path


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    doc = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>书店</title></head>'
        f"<body><p>{HANS}</p></body></html>"
    )
    page = load(write(tmp_path, "page.xhtml", doc.encode("gb2312")))
    assert page.format is PageFormat.HTML
    assert page.encoding == "gb18030"
    assert page.declared_charset == "gb2312"
    assert HANS in page.text
    # The declaration named the bytes' encoding; str parsers refuse it, so it is gone.
    assert "<?xml" not in page.text
    assert page.text.lstrip().startswith("<!DOCTYPE html")


def test_images_beside_the_page_are_read_by_the_loader(tmp_path: Path) -> None:
    from reader.core import extract

    folder = tmp_path / "tide page_files"
    folder.mkdir()
    (folder / "a&b.png").write_bytes(b"\x89PNG\r\n\x1a\n tide")
    (folder / "unused.png").write_bytes(b"\x89PNG\r\n\x1a\n unused")
    body = "潮水退去以後，碼頭邊的漁民開始整理漁網，準備明天清早出海。" * 3
    doc = (
        f"<html><body><article><p>{body}</p>"
        '<img data-src="tide%20page_files/a&amp;b.png" alt="退潮"></article></body></html>'
    )
    page = load(write(tmp_path, "tide.html", doc.encode()))
    assert page.assets == {"tide page_files/a&b.png": b"\x89PNG\r\n\x1a\n tide"}
    # Later stages read images from the page only: the folder may be gone by then.
    (folder / "a&b.png").unlink()
    article = extract(page)
    image = next(b for b in article.blocks if b.type.value == "image")
    assert image.src is not None and article.assets[image.src] == b"\x89PNG\r\n\x1a\n tide"


def test_saved_from_comment_gives_url(tmp_path: Path) -> None:
    url = "https://news.example.test/town/2024/0101/77.html"
    doc = f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n" + html_page(HANS)
    (tmp_path / "page_files").mkdir()
    page = load(write(tmp_path, "page.html", doc.encode()))
    assert page.url == url
    assert page.base_dir == tmp_path
    assert page.base_dir is not None and (page.base_dir / "page_files").is_dir()


def test_saved_from_about_internet_is_no_url() -> None:
    doc = "<!-- saved from url=(0014)about:internet -->\n" + html_page(HANS)
    assert load_bytes(doc.encode()).url is None


def test_txt_file_holding_html_is_html(tmp_path: Path) -> None:
    page = load(write(tmp_path, "notes.txt", html_page(HANS).encode()))
    assert page.format is PageFormat.HTML


def test_html_fragment_without_document_tags_is_html() -> None:
    fragment = f"<div class='a'><p>{HANS}</p><p>{HANT}</p><br></div>"
    assert load_bytes(fragment.encode(), "cut.txt").format is PageFormat.HTML


def test_html_file_without_tags_is_text(tmp_path: Path) -> None:
    dump = f"小镇书店\n\n{HANS}\n\n{HANS}\n"
    page = load(write(tmp_path, "page.html", dump.encode()))
    assert page.format is PageFormat.TEXT
    assert page.text == dump


def test_text_dump_with_a_stray_tag_stays_text() -> None:
    dump = f"小镇书店\n{HANS}\n换行用 <br> 表示。\n{HANS}\n"
    assert load_bytes(dump.encode(), "dump.txt").format is PageFormat.TEXT


def test_crawl_wrapper_line(tmp_path: Path) -> None:
    url = "http://town.example.test/shop/12.html"
    doc = (
        f'<text id="{url}" title="小镇书店 &amp; 茶馆_生活频道" encoding="gb2312">\n'
        + html_page(HANS)
        + "</text>\n"
    )
    page = load(write(tmp_path, "wrapped.html", doc.encode("gb2312")))
    assert page.url == url
    assert page.saved_title == "小镇书店 & 茶馆_生活频道"
    assert page.encoding == "gb18030"
    assert page.declared_charset == "gb2312"
    assert page.format is PageFormat.HTML
    assert not page.text.lstrip().startswith("<text")
    assert "</text>" not in page.text
    assert page.text.lstrip().startswith("<!DOCTYPE html>")


def test_crawl_wrapper_with_unset_encoding_falls_back_to_content() -> None:
    doc = '<text id="http://a.example.test/1" title="t" encoding="unset">\n' + html_page(HANS)
    page = load_bytes(doc.encode("gb18030"))
    assert page.encoding == "gb18030"
    assert page.declared_charset is None
    assert page.url == "http://a.example.test/1"


def test_seed_text_dump_is_text() -> None:
    seed = SHARED / "cases" / "seed" / "page.txt"
    if not seed.is_file():
        pytest.skip("../shared/cases/seed is not present")
    page = load(seed)
    assert page.format is PageFormat.TEXT
    assert page.encoding == "utf-8"


# --- MHTML ----------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
MAIN_URL = "https://news.example.test/town/2024/0312/bookshop.html"
IMG_URL = "https://img.example.test/pic/shop.png"


def build_mhtml(html_body: str, *, charset: str = "utf-8", cte: str = "quoted-printable") -> bytes:
    """An MHTML file as Chrome writes one: a frame part, the main page, an image."""
    root = EmailMessage()
    root["From"] = "<Saved by Blink>"
    root["Snapshot-Content-Location"] = MAIN_URL
    root["Subject"] = "小镇书店"
    root["MIME-Version"] = "1.0"
    root.set_content("<html><body><p>广告框架</p></body></html>", subtype="html", charset="utf-8")
    root.make_related()
    frame = next(root.iter_parts())
    frame["Content-Location"] = "https://ads.example.test/frame.html"
    main = EmailMessage()
    main.set_content(html_body, subtype="html", charset=charset, cte=cte)
    main["Content-Location"] = MAIN_URL
    root.attach(main)
    root.add_related(
        PNG,
        maintype="image",
        subtype="png",
        cid="<shop-image@example.test>",
        headers=[f"Content-Location: {IMG_URL}"],
    )
    return root.as_bytes()


def test_mhtml_quoted_printable_and_base64_parts(tmp_path: Path) -> None:
    data = build_mhtml(html_page(HANS, meta("utf-8")))
    assert b"quoted-printable" in data and b"base64" in data
    page = load(write(tmp_path, "page.mhtml", data))
    assert page.format is PageFormat.MHTML
    # The part named by Snapshot-Content-Location wins over the first text/html part.
    assert HANS in page.text
    assert "广告框架" not in page.text
    assert page.url == MAIN_URL
    assert page.encoding == "utf-8"
    assert page.saved_title == "小镇书店"
    assert page.assets[IMG_URL] == PNG
    assert page.assets["cid:shop-image@example.test"] == PNG
    assert page.base_dir == tmp_path


def test_mhtml_base64_gb2312_part() -> None:
    data = build_mhtml(html_page(HANS), charset="gb2312", cte="base64")
    page = load_bytes(data, "page.mht")
    assert page.format is PageFormat.MHTML
    assert page.encoding == "gb18030"
    assert page.declared_charset == "gb2312"
    assert HANS in page.text


def test_mhtml_without_snapshot_header_takes_first_html_part() -> None:
    body = f"<html><body><p>{HANS}</p></body></html>"
    root = EmailMessage()
    root["MIME-Version"] = "1.0"
    root.set_content(body, subtype="html", charset="utf-8", cte="quoted-printable")
    root.make_related()
    page = load_bytes(root.as_bytes(), "ie.mht")
    assert page.format is PageFormat.MHTML
    assert HANS in page.text
    assert page.url is None


def test_mhtml_without_any_text_part_is_refused() -> None:
    root = EmailMessage()
    root["MIME-Version"] = "1.0"
    root.set_content(PNG, maintype="image", subtype="png")
    root.make_related()
    with pytest.raises(LoadError, match=r"pics\.mht.*no HTML or text part"):
        load_bytes(root.as_bytes(), "pics.mht")


def test_mime_nested_too_deeply_is_refused() -> None:
    depth = 3000  # beyond Python's recursion limit, which the email parser runs into
    parts = [b'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b0"\n\n']
    parts += [
        b'--b%d\nContent-Type: multipart/related; boundary="b%d"\n\n' % (i - 1, i)
        for i in range(1, depth)
    ]
    parts.append(b"--b%d\nContent-Type: text/html\n\n<p>x</p>\n" % (depth - 1))
    parts += [b"--b%d--\n" % i for i in reversed(range(depth))]
    with pytest.raises(LoadError, match="nested too deeply") as exc:
        load_bytes(b"".join(parts), "deep.mht")
    assert_one_sentence(exc, "deep.mht")


def test_deeply_nested_html_is_just_text_to_the_loader() -> None:
    doc = "<html><body>" + "<div>" * 100_000 + HANS + "</div>" * 100_000 + "</body></html>"
    page = load_bytes(doc.encode(), "deep.html")
    assert page.format is PageFormat.HTML
    assert page.text == doc


def test_mht_extension_holding_plain_html_is_html() -> None:
    assert load_bytes(html_page(HANS).encode(), "page.mht").format is PageFormat.HTML


# --- Encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["gbk", "GB2312", "x-gbk", "gb_2312-80", "GB18030", "cp936"])
def test_gb_labels_decode_as_gb18030(label: str) -> None:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    page = load_bytes(html_page(HANS, head).encode("gbk"))
    assert page.encoding == "gb18030"
    assert page.declared_charset == label.lower()
    assert HANS in page.text
    assert page.warnings == ()


def test_gb18030_four_byte_character() -> None:
    body = f"老街上的“{RARE}记”面馆。{HANS}"
    data = html_page(body, meta("gb2312")).encode("gb18030")
    assert RARE.encode("gb18030") in data and len(RARE.encode("gb18030")) == 4
    with pytest.raises(UnicodeEncodeError):
        RARE.encode("gbk")
    page = load_bytes(data)
    assert page.encoding == "gb18030"
    assert RARE in page.text
    assert page.replacements == 0


def test_gb_undeclared_is_told_from_big5() -> None:
    data = html_page(HANS + RARE).encode("gb18030")
    page = load_bytes(data)
    assert page.encoding == "gb18030"
    assert page.declared_charset is None
    assert HANS in page.text


def test_big5_undeclared_is_told_from_gb18030() -> None:
    data = html_page(HANT, title="山城茶館").encode("big5")
    # The trap: the same bytes decode as GB18030 without any error, to nonsense.
    assert HANT not in data.decode("gb18030")
    page = load_bytes(data)
    assert page.encoding == "big5"
    assert HANT in page.text
    assert page.replacements == 0


def test_big5_declared_with_hkscs_characters() -> None:
    data = html_page(HANT + HK, meta("big5"), title="茶餐廳").encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")
    page = load_bytes(data)
    assert page.encoding == "big5hkscs"
    assert HK in page.text
    assert page.warnings == ()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom(bom: bytes, codec: str) -> None:
    text = html_page(HANT)
    page = load_bytes(bom + text.encode(codec), "page.html")
    assert page.encoding == codec
    assert page.text == text  # the BOM is not part of the text
    assert page.format is PageFormat.HTML


def test_utf16_bom_plain_text_is_not_binary(tmp_path: Path) -> None:
    dump = f"山城茶館\n\n{HANT}\n"
    page = load(write(tmp_path, "dump.txt", codecs.BOM_UTF16_LE + dump.encode("utf-16-le")))
    assert page.format is PageFormat.TEXT
    assert page.encoding == "utf-16-le"
    assert page.text == dump


def test_utf16_without_bom_is_recognised() -> None:
    text = html_page(HANS)
    assert load_bytes(text.encode("utf-16-le")).encoding == "utf-16-le"
    assert load_bytes(text.encode("utf-16-be")).text == text


def test_utf8_declared_gb2312_is_utf8() -> None:
    data = html_page(HANS, meta("gb2312")).encode("utf-8")
    page = load_bytes(data)
    assert page.encoding == "utf-8"
    assert page.declared_charset == "gb2312"
    assert HANS in page.text
    assert any("gb2312" in w and "utf-8" in w for w in page.warnings)


def test_ascii_page_declaring_gb2312_needs_no_warning() -> None:
    page = load_bytes(html_page("plain ascii words", meta("gb2312"), title="Shop").encode())
    assert page.warnings == ()


def test_invalid_gb_bytes_are_replaced_not_fatal() -> None:
    good = html_page(HANS * 3, meta("gbk")).encode("gbk")
    cut = good.index(HANS[:4].encode("gbk"))
    data = good[:cut] + b"\xff" + good[cut:]
    page = load_bytes(data)
    assert page.encoding == "gb18030"
    assert page.replacements == 1
    assert "\ufffd" in page.text
    assert HANS in page.text
    assert any("replaced" in w for w in page.warnings)


def test_truncated_utf8_undeclared_stays_utf8() -> None:
    data = html_page(HANS * 2).encode("utf-8")
    data = data + "书".encode()[:2]  # a character cut in half at the end
    page = load_bytes(data)
    assert page.encoding == "utf-8"
    assert page.replacements == 1
    assert HANS in page.text


def test_declared_utf8_with_a_bad_byte_stays_utf8() -> None:
    data = html_page(HANS * 2, meta("utf-8")).encode("utf-8")
    cut = data.index("海边".encode())
    data = data[:cut] + b"\xc0" + data[cut:]
    page = load_bytes(data)
    assert page.encoding == "utf-8"
    assert page.replacements == 1


def test_nul_beyond_the_sniff_window_is_replaced() -> None:
    data = html_page(HANS * 100).encode() + b"\x00<p>tail</p>"
    assert data.index(b"\x00") > BINARY_SNIFF_BYTES
    page = load_bytes(data)
    assert "\x00" not in page.text
    assert page.replacements == 1


def test_unknown_or_dangerous_declared_labels_are_ignored() -> None:
    for label in ("unset", "base64", "undefined", "utf-16", "x-made-up"):
        page = load_bytes(html_page(HANS, meta(label)).encode("gb18030"))
        assert page.encoding == "gb18030", label
        assert HANS in page.text


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("Le café où Hélène prépare ses crêpes reçoit des élèves pressés. ", "cp1252", "cp1252"),
        ("図書館では、毎朝ひとりの司書が古い本の埃を払っています。", "shift_jis", None),
        ("図書館では、毎朝ひとりの司書が古い本の埃を払っています。", "euc_jp", None),
        ("図書館では、毎朝ひとりの司書が古い本の埃を払っています。", "iso2022_jp", "iso2022_jp"),
        ("작은 마을의 빵집 주인은 매일 아침 따뜻한 빵을 굽습니다. ", "euc_kr", None),
        ("Старый часовщик каждое утро открывает свою мастерскую. ", "cp1251", "cp1251"),
    ],
)
def test_non_chinese_undeclared_pages_use_the_last_resort_guess(
    text: str, codec: str, expected: str | None
) -> None:
    doc = html_page(text * 4, title="x")
    page = load_bytes(doc.encode(codec))
    assert page.text == doc
    if expected is not None:
        assert page.encoding == expected


def test_decode_helpers() -> None:
    assert decode(HANS.encode("gbk")) == (HANS, "gb18030")
    assert decode("abc".encode("utf-16"), None) == ("abc", "utf-16-le")
    detailed = decode_detailed(HANT.encode("big5"), declared="big5")
    assert (detailed.text, detailed.encoding, detailed.declared_charset) == (HANT, "big5", "big5")
    with pytest.raises(LoadError, match="Cannot decode"):
        decode(b"\xff\x80\xfe\x7f" * 300)


# --- Bad input ------------------------------------------------------------------------


def assert_one_sentence(exc: pytest.ExceptionInfo[LoadError], name: str) -> None:
    message = str(exc.value)
    assert name in message
    assert message.endswith(".")
    assert message.count(". ") == 0, message
    assert "\n" not in message


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file") as exc:
        load(tmp_path / "gone.html")
    assert_one_sentence(exc, "gone.html")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a folder") as exc:
        load(tmp_path)
    assert_one_sentence(exc, str(tmp_path))


def test_path_below_a_file(tmp_path: Path) -> None:
    parent = write(tmp_path, "page.html", b"<p>x</p>")
    with pytest.raises(LoadError, match="not a folder"):
        load(parent / "inner.html")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file") as exc:
        load(fifo)  # reading it would block for ever
    assert_one_sentence(exc, "pipe.html")


def test_no_read_permission_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs as root too: the denial comes from a patched open, as the OS would give it.
    path = write(tmp_path, "locked.html", html_page(HANS).encode())

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(LoadError, match="permission denied") as exc:
        load(path)
    assert_one_sentence(exc, "locked.html")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads files whatever their mode; covered by the patched-open test",
)
def test_no_read_permission_for_real(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.html", html_page(HANS).encode())
    path.chmod(0)
    try:
        with pytest.raises(LoadError, match="permission denied") as exc:
            load(path)
        assert_one_sentence(exc, "locked.html")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="empty") as exc:
        load(write(tmp_path, "empty.html", b""))
    assert_one_sentence(exc, "empty.html")


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no text") as exc:
        load(write(tmp_path, "blank.txt", b" \r\n\t\n"))
    assert_one_sentence(exc, "blank.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(50), "ZIP archive"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
        (b"<html>" + bytes(range(256)) * 4, "binary data"),
    ],
)
def test_binary_file_renamed_html(tmp_path: Path, data: bytes, kind: str) -> None:
    with pytest.raises(LoadError, match=kind) as exc:
        load(write(tmp_path, "photo.html", data))
    assert_one_sentence(exc, "photo.html")


def test_undecodable_junk(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not text in any encoding") as exc:
        load(write(tmp_path, "junk.html", b"\xff\x80\xfe\x7f" * 300))
    assert_one_sentence(exc, "junk.html")


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "huge.html", html_page(HANS * 20).encode())
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1024)
    with pytest.raises(LoadError, match="larger than") as exc:
        load(path)
    assert_one_sentence(exc, "huge.html")
    with pytest.raises(LoadError, match="larger than"):
        load_bytes(path.read_bytes(), "huge.html")


def test_a_file_that_grew_after_its_size_was_read_is_checked_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "growing.html", html_page(HANS * 20).encode())
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1024)
    small = os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 100, 0, 0, 0))
    monkeypatch.setattr(Path, "stat", lambda self, **_: small)  # 100 bytes when asked
    with pytest.raises(LoadError, match="larger than"):
        load(path)


def test_limit_is_above_fifty_megabytes() -> None:
    assert load_module.MAX_FILE_BYTES >= 50 * 1024 * 1024


def test_fifty_megabyte_page_loads(tmp_path: Path) -> None:
    paragraph = f"<p>{HANS}</p>\n".encode()
    count = 50 * 1024 * 1024 // len(paragraph) + 1
    path = tmp_path / "big.html"
    with path.open("wb") as fh:
        fh.write(b"<html><head><meta charset='utf-8'></head><body>\n")
        fh.write(paragraph * count)
        fh.write(b"</body></html>\n")
    assert path.stat().st_size > 50 * 1024 * 1024
    page = load(path)
    assert page.format is PageFormat.HTML
    assert page.encoding == "utf-8"
    assert page.text.count(HANS) == count


def test_path_with_nul_character() -> None:
    with pytest.raises(LoadError, match="not valid"):
        load("page\x00.html")


def test_text_starting_like_a_magic_number_is_text() -> None:
    dump = f"ID3 tags and OggS pages are audio terms.\n{HANS}\n"
    assert load_bytes(dump.encode(), "notes.txt").format is PageFormat.TEXT


def test_network_address_is_never_fetched() -> None:
    with pytest.raises(LoadError, match="web address") as exc:
        load("https://news.example.test/a.html")
    assert_one_sentence(exc, "https://news.example.test/a.html")


def test_loading_never_modifies_the_file(tmp_path: Path) -> None:
    samples = {
        "page.html": html_page(HANS, meta("gbk")).encode("gbk"),
        "page.mhtml": build_mhtml(html_page(HANS)),
        "dump.txt": codecs.BOM_UTF16_LE + HANT.encode("utf-16-le"),
    }
    for name, data in samples.items():
        path = write(tmp_path, name, data)
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
        before = path.stat()
        load(path)
        after = path.stat()
        assert path.read_bytes() == data
        assert after.st_mtime_ns == before.st_mtime_ns
        assert after.st_size == before.st_size
        assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)


# --- Property tests -------------------------------------------------------------------

SEEDS = (
    html_page(HANS, meta("utf-8")).encode(),
    html_page(HANS, meta("gbk")).encode("gbk"),
    html_page(HANT, title="山城茶館").encode("big5"),
    codecs.BOM_UTF16_LE + html_page(HANT).encode("utf-16-le"),
    f"小镇书店\n\n{HANS}\n".encode(),
    build_mhtml(html_page(HANS)),
    ('<text id="http://a.example.test/" title="t" encoding="gb2312">\n' + html_page(HANS)).encode(
        "gb2312"
    ),
    # Longer than the binary sniff window, so mutations also land where only the decoder
    # and the MIME parser look.
    build_mhtml(html_page("<p>" + HANS * 60 + "</p>")),
    html_page(HANT * 80, meta("big5"), title="山城茶館").encode("big5"),
)

# Byte strings that reach corners of the parsers: NULs, RFC 2047/2231 header syntax,
# quoted-printable soft breaks, ISO-2022 escapes, marker prefixes.
TOKENS = (
    b"\x00",
    b"\xff\xfe",
    b"\r\n\r\n",
    b"=?utf-8?b?",
    b"=?x?q?",
    b"?=",
    b"; charset*=utf\x00''%E4",
    b'; charset="',
    b"=\n",
    b"=XY",
    b"\x1b$B",
    b"--",
    b"Content-Type: multipart/related; boundary=x\n\n--x\n",
    b'<text id="',
    b"<!-- saved from url=(00",
    b"<?xml encoding='",
    b"<meta charset=",
)


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    """A valid page with random bytes flipped, inserted, removed, or the tail cut off."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        else:
            del data[pos:]
    return bytes(data)


@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.one_of(st.binary(max_size=4096), mutated_pages()))
def test_any_bytes_give_a_page_or_a_load_error(data: bytes) -> None:
    try:
        page = load_bytes(data, "fuzz.html")
    except LoadError as exc:
        assert str(exc).startswith("Cannot ")
        return
    assert isinstance(page, Page)
    assert isinstance(page.text, str) and page.text.strip()
    assert page.encoding == codecs.lookup(page.encoding).name
    assert page.format in PageFormat


# --- Saved pages of the project and the shared corpus ---------------------------------


def _expectations() -> dict[str, dict[str, object]]:
    path = PAGES / "expectations.json"
    if not path.is_file():
        return {}
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "name",
    sorted(_expectations())
    or [pytest.param("none", marks=pytest.mark.skip(reason="tests/pages has no expectations"))],
)
def test_project_pages_decode_as_expected(name: str) -> None:
    expected = _expectations()[name]
    page = load(PAGES / name)
    family = {codecs.lookup(c).name for c in codec_family(page.encoding)}
    if "encoding" in expected:
        assert codecs.lookup(str(expected["encoding"])).name in family
    if "format" in expected:
        assert page.format.value == expected["format"]
    # Compared even when nothing was found (a page whose recorded address stops being
    # detected must fail here). The loader reads only addresses the file records itself
    # (MHTML's Content-Location, a "saved from url" comment); <meta> tags are extraction's.
    raw = (PAGES / name).read_bytes()
    recorded = page.format is PageFormat.MHTML or b"saved from url=" in raw
    assert page.url == (expected.get("url") if recorded else None)


CORPUS = SHARED / "corpus"


def _corpus_pages() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.parent.name for p in CORPUS.glob("*/meta.json"))


@pytest.mark.parametrize(
    "name",
    _corpus_pages()
    or [pytest.param("none", marks=pytest.mark.skip(reason="../shared/corpus is not present"))],
)
def test_corpus_encoding_matches_meta(name: str) -> None:
    meta_info = json.loads((CORPUS / name / "meta.json").read_text(encoding="utf-8"))
    expected = str(meta_info["encoding"])
    page = load(CORPUS / name / "source.html")
    codec, _, replace = expected.partition("+")
    assert page.encoding == codec
    # "gb18030+replace": no codec decodes the page cleanly, so some bytes were replaced.
    assert (page.replacements > 0) == (replace == "replace")
    assert page.format is PageFormat.HTML


FILLER = b"<script>" + b"var x = 1;\n" * 9000 + b"</script>"  # 99 KB of ASCII first


def test_late_charset_declaration_is_found(tmp_path: Path) -> None:
    """A <meta charset> after 99 KB of script still names the codec."""
    body = "臺北市的捷運站旁開了一家舊書店，老闆說他最喜歡的是下雨天的客人。".encode("big5")
    data = b"<html><head>" + FILLER + b'<meta charset="big5"></head><body><p>' + body + b"</p>"
    page = tmp_path / "late.html"
    page.write_bytes(data)
    loaded = load(page)
    assert loaded.encoding == "big5"
    assert loaded.declared_charset == "big5"
    assert "舊書店" in loaded.text


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("gb18030", "台北的书店老板说他最喜欢的是下雨天的客人，因为他们会安静地看很久的书。"),
        ("big5", "臺北的書店老闆說他最喜歡的是下雨天的客人，因為他們會安靜地看很久的書。"),
    ],
)
def test_long_ascii_prefix_does_not_hide_the_encoding(codec: str, text: str) -> None:
    """Undeclared bytes after a long ASCII script are judged where the text is."""
    data = b"<html><head>" + FILLER + b"</head><body><p>" + text.encode(codec) + b"</p>"
    loaded = load_bytes(data)
    assert codecs.lookup(loaded.encoding).name == codecs.lookup(codec).name
    assert text in loaded.text


def test_html_with_too_many_tags_is_refused_quickly(tmp_path: Path) -> None:
    from reader.core.page import MAX_MARKUP_TAGS

    page = tmp_path / "huge.html"
    page.write_text("<html><body>" + "<p>段落</p>" * (MAX_MARKUP_TAGS // 2 + 10), encoding="utf-8")
    with pytest.raises(LoadError, match=r"huge\.html.*tags"):
        load(page)


def test_inline_images_do_not_count_against_the_tag_limit(tmp_path: Path) -> None:
    """A SingleFile-style page: megabytes of data: URIs, a handful of tags."""
    picture = "data:image/png;base64," + "A" * 4_000_000
    page = tmp_path / "single.html"
    page.write_text(
        f'<html><body><p>這是正文，內容很短。</p><img src="{picture}"></body></html>',
        encoding="utf-8",
    )
    assert load(page).format is PageFormat.HTML
