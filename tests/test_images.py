"""Pictures by their bytes only (reader/core/images.py), enforced where a saved page's
images are read: a page naming another file as a picture never gets its bytes (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import load_article
from reader.core.article import BlockType
from reader.core.images import picture_type
from reader.core.load import load

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32)
BMP = b"BM" + bytes(12) + (40).to_bytes(4, "little") + bytes(40)
SVG = b'<?xml version="1.0"?>\n<!-- a drawing -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00" + bytes(16), "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(16), "image/webp"),
        (BMP, "image/bmp"),
        (SVG, "image/svg+xml"),
        (b"\xef\xbb\xbf<svg viewBox='0 0 1 1'></svg>", "image/svg+xml"),
        (b"notes about the trip\n", None),
        (b"BMW cars parked along the quay, " * 4, None),  # "BM" alone is not a BMP
        (b"<html><body><svg></svg></body></html>", None),  # a page, not a picture
        (b"\x89PNG but not really", None),
        (b"", None),
    ],
)
def test_picture_type(data: bytes, mime: str | None) -> None:
    assert picture_type(data) == mime


BODY = "潮水退去以後，碼頭邊的漁民開始整理漁網，準備明天清早出海。" * 3


def _page(tmp_path: Path, *names: str) -> Path:
    imgs = "".join(f'<img src="page_files/{n}" alt="圖{i}">' for i, n in enumerate(names))
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><article><p>{BODY}</p>{imgs}<p>{BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    return path


def test_only_pictures_beside_the_page_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"my private notes, not a picture")
    (folder / "fake.png").write_bytes(b"#!/bin/sh\necho named like a picture\n")
    (folder / "real.png").write_bytes(PNG)
    path = _page(tmp_path, "notes.txt", "fake.png", "real.png")
    page = load(path)
    assert dict(page.assets) == {"page_files/real.png": PNG}
    article = load_article(path)
    images = [b for b in article.blocks if b.type is BlockType.IMAGE]
    assert [b.src is not None for b in images] == [False, False, True]
    assert all(data == PNG for data in article.assets.values())


def test_a_data_uri_that_is_not_a_picture_is_not_shown(tmp_path: Path) -> None:
    import base64

    text = base64.b64encode(b"just some text pretending").decode()
    path = tmp_path / "page.html"
    path.write_text(
        f'<html><body><article><p>{BODY}</p><img src="data:image/png;base64,{text}" alt="假圖">'
        f"<p>{BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    article = load_article(path)
    assert not article.assets
    assert [b.src for b in article.blocks if b.type is BlockType.IMAGE] == [None]
