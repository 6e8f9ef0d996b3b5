"""Saved pages for the library tests, written into tmp_path: original prose, fictional people.

Simplified and Traditional articles share words the search tests look for in both scripts:
发布/發佈 (two characters), 里/裡 (one), 图书馆员/圖書館員 (four).
"""

from __future__ import annotations

import os
from pathlib import Path

SIMPLIFIED_TITLE = "青溪镇图书馆发布夜间开放安排"
SIMPLIFIED = [
    "青溪镇图书馆昨天发布了新的夜间开放安排，从下个月起，每周三和周五的阅览室将开放到晚上十点。",
    "馆长林晓岚说，镇里的年轻人白天大多在外地上班，只有晚上才有空来借书，这次调整是为了他们。",
    "图书馆员周慕白介绍，夜间开放期间，二楼的自习区和一楼的儿童绘本角都会照常开放。",
    "不少居民在镇上的公告栏前驻足阅读，有人当场就拿出手机拍下了新的开放时间表。",
    "退休教师沈听雨表示，她每晚散步都会经过图书馆，以后可以顺路进去翻翻新到的杂志。",
]
TRADITIONAL_TITLE = "山城茶會發佈秋季講座名單"
TRADITIONAL = [
    "山城茶會上週發佈了秋季講座的名單，一共六場，每場都在老街裡的茶館二樓舉行。",
    "主辦人許靜瀾說，今年的講題從製茶的手藝談到小鎮的歷史，希望讓更多鄰居走進來坐坐。",
    "第一場由圖書館員葉知秋主講，她會帶來幾本舊地方誌，介紹茶山百年來的變化。",
    "報名的人數比往年多了一倍，茶館老闆特地多搬了幾張長椅，還準備了新採的秋茶。",
    "有位常客笑著說，坐在窗邊聽講，看著山霧慢慢散開，是這個季節最好的消遣。",
]
THIRD_TITLE = "河岸步道完成修缮"
THIRD = [
    "经过三个月的施工，河岸步道终于完成修缮，新铺的石板路从老桥一直延伸到码头。",
    "负责工程的何远舟说，步道两侧种上了本地的香樟和桂花，再过两年就能成荫。",
    "傍晚时分，附近的居民带着孩子来散步，码头边的小广场上还有人在练习太极。",
    "步道沿途新设了六处休息座椅和两处饮水点，方便晨跑和散步的人歇脚。",
]


def page_html(title: str, paragraphs: list[str], *, source: str, date: str) -> str:
    """A saved news page: site chrome around the article, as browsers save them."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title} - {source}</title></head>
<body>
<div class="nav"><a href="https://news.example/">首页</a> <a href="https://news.example/local">本地</a></div>
<div class="article">
<h1>{title}</h1>
<div class="info">{date} 来源：{source}</div>
{body}
</div>
<div class="footer">© news.example</div>
</body></html>
"""


def write(path: Path, title: str, paragraphs: list[str], *, source: str = "溪畔日报") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = page_html(title, paragraphs, source=source, date="2024-05-06 08:30")
    path.write_text(text, encoding="utf-8")
    return path


def make_folder(root: Path) -> Path:
    """A folder of saved pages: two at the top, one nested, one unreadable, one companion."""
    folder = root / "saved"
    write(folder / "page.html", SIMPLIFIED_TITLE, SIMPLIFIED)
    write(folder / "茶會" / "show-5-4127-0.htm", TRADITIONAL_TITLE, TRADITIONAL, source="山城週報")
    (folder / "broken.html").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    # A browser's companion folder: its frame is part of page.html, not an article.
    write(folder / "page_files" / "frame.html", THIRD_TITLE, THIRD)
    return folder


def touch_later(path: Path) -> None:
    """Move the file's modification time a few seconds on (file systems round mtimes)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
