"""Every word list, pattern and threshold of the pipeline, with the reason for each.

Nothing here names a site. The vocabulary tables hold the generic labels Chinese web pages
put on their chrome (上一篇, 責任編輯, 本文鏈接 ...) in both scripts; the thresholds describe
the *shape* of junk (link density, repetition, length) and say which fixture or measurement
set them.
"""

from __future__ import annotations

import re

from reader.core.text import HAN_RE, HAN_URO, lazy_compile

# --------------------------------------------------------------------------- characters

#: Sentence punctuation, full and half width. Prose has it; menus and link lists do not,
#: which makes its density the strongest single signal for CJK main text.
#: Colons are left out: date-time and "來源：" meta lines are full of them.
PUNCT_RE = lazy_compile(r"[，。、！？；…]|[,.!?;](?=\s|$)")
#: Marks that end a sentence (a line ending with none of these is heading- or label-like).
TERMINAL_PUNCT = "。！？!?…；;.」』”\"'）)"

# --------------------------------------------------------------------------- HTML cleaning

#: Elements whose content is never article text.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "canvas",
    "template",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "audio",
    "video",
    "map",
    # Not <head> itself: libxml2 leaves a whole page inside <head> when an unknown
    # tag stands there (ia-sohu-8baa71e3), so only head's own furniture goes.
    "title",
    "meta",
    "link",
    "base",
)
#: Semantic chrome: dropped when it holds little prose (a <nav> wrapping a whole page
#: body exists in the wild, so these go through the prose check in clean.py).
CHROME_TAGS = ("nav", "footer", "aside", "menu", "header")
#: ARIA roles of the same furniture (landmarks around the main content, dialogs and
#: menus), chrome on the same terms as the tags above. Not "note": documentation marks
#: its own admonitions ("Note: …") with it.
CHROME_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
    }
)
#: A chrome-named element holding more than this share of the page's prose is the
#: article's wrapper after all (ASP.NET's page-wide <form>, odd blog class names).
CHROME_MAX_PROSE_SHARE = 0.5

#: Inline styles that hide an element from the reader (anti-scraping spans use these).
HIDDEN_STYLE_RE = lazy_compile(
    r"(?<![\w-])display\s*:\s*none|(?<![\w-])visibility\s*:\s*hidden"
    r"|font-size\s*:\s*0(?:px|em|rem|pt|%)?\s*(?:;|$)"
    r"|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)",
    re.IGNORECASE,
)
#: A hidden element with at least this many prose characters is an article container
#: hidden until scripts run (WeChat's #js_content, lazy "loading" wrappers), not junk.
#: 100 characters: the longest hidden anti-scraping text seen in the fixtures is ~40, and
#: hidden menus have no sentence punctuation to count.
HIDDEN_ARTICLE_MIN_CHARS = 100
#: ... and when it holds more than this share of the page's prose: a hidden twin of the
#: visible article (aeb-businessinsider's print copy) holds half, and goes.
HIDDEN_ARTICLE_MIN_SHARE = 0.5
#: The share for an element the stylesheet hides: a script-started app hides its whole
#: root that way (mhf-twitter: all the prose), a cookie dialog holds less (mh-nbcnews'
#: policy: 63% of the page's prose).
CSS_HIDDEN_ARTICLE_MIN_SHARE = 0.8
#: Letters of an alphabetic script worth one Han character when prose is measured: an
#: English word of ~5 letters says about what two Han characters do (the same text runs
#: 2.5-3 times longer in English than in Chinese), so 100 Han characters ~ 300 letters.
LATIN_CHARS_PER_HAN = 3
#: The removal log is for people reading --dump output; a page with 50,000 hidden spans
#: does not need 50,000 entries.
MAX_HIDDEN_REMOVALS_LOGGED = 200

#: class/id words that name chrome. Matched as whole words (split on - _ and case) so
#: "comment" does not match "recommendation-content" and vice versa.
CHROME_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menubar",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "sidebar",
        "sidebox",
        "aside",
        "footer",
        "foot",
        "bottom",
        "header",
        "masthead",
        "topbar",
        "toolbar",
        "share",
        "sharing",
        "social",
        "bdshare",
        "jiathis",
        "comment",
        "comments",
        "reply",
        "related",
        "relate",
        "recommend",
        "recommended",
        "hot",
        "hotnews",
        "rank",
        "ranking",
        "toplist",
        "ad",
        "ads",
        "advert",
        "advertisement",
        "banner",
        "sponsor",
        "copyright",
        "disclaimer",
        "qrcode",
        "qr",
        "login",
        "signin",
        "subscribe",
        "pagination",
        "pager",
        "prevnext",
        "settings",
        "setting",
        "theme",
        "skin",
        "tags",
        "keywords",
        "popup",
        "modal",
        "cookie",
        "consent",
        "gdpr",
        # Notice boxes a reader can close ("alert alert-info alert-dismissible"): a board's
        # announcements above a thread (mhf-kunena), a site's banners. A callout that
        # cannot be closed ("alert alert-warning" in a how-to) is the article's own.
        "dismissible",
        "dismissable",
        # A call-to-action box (donate, subscribe, "a word to our readers"): aeb-snopes.
        "cta",
        "print",
        "tool",
        "tools",
        # Encyclopedia furniture: fact boxes, navigation boxes, tables of contents,
        # reference lists, edit links (mh-wikipedia, mh-baidu).
        "infobox",
        "navbox",
        "toc",
        "catalog",
        "reflist",
        "references",
        "editsection",
        "basicinfo",
    }
)
#: class/id words of a dialog box; one that holds a form is chrome whatever its prose.
DIALOG_WORDS = frozenset({"modal", "dialog", "popup", "lightbox", "overlay"})
#: ... holds a form when this share of its text is inside forms (Drupal names its whole
#: page "dialog-off-canvas-main-canvas", with a search form in it: aeb-albawaba).
DIALOG_FORM_MIN_SHARE = 0.5
#: Chrome words for boxes that really can hold more prose than the article (a long
#: comment thread under a short blog post: ia-joycode), so the element stays chrome even
#: then. Other chrome words give way when the element holds most of the prose, which is
#: what an unclosed <div class="breadcrumb"> does (mh-pinshiwen).
STRONG_CHROME_WORDS = frozenset(
    {"comment", "comments", "reply", "replies", "related", "recommend", "recommended"}
)
#: Chrome words that name the posts themselves on a forum or Q&A thread (thread.py), where
#: the replies are the content (mhf-wpdiscussionboard: the answers in `#comments`).
THREAD_POST_WORDS = frozenset(
    {"comment", "comments", "reply", "replies", "answer", "answers", "response", "responses"}
)
#: schema.org types of a thread page (structured data of forum and Q&A software).
THREAD_SCHEMA_TYPES = frozenset({"DiscussionForumPosting", "QAPage", "Question", "Answer"})
#: First words of the URL path segment that forum and Q&A software give a board or a
#: thread (`/forums/…`, `/topic/…`, `viewtopic.php`, `thread-268.html`, `/questions/…`).
THREAD_URL_WORDS = frozenset(
    {
        "forum",
        "forums",
        "topic",
        "topics",
        "thread",
        "threads",
        "viewtopic",
        "showthread",
        "question",
        "questions",
        "discussion",
        "discussions",
        "discuss",
        "community",
    }
)
#: Words with which a site calls itself a forum in its name (thread.py): whole words ...
THREAD_SITE_WORDS = frozenset({"forum", "forums", "community", "bbs", "discussions"})
#: ... and, in Chinese, anywhere in the name (论坛, 社区, 贴吧, 问答 and their
#: Traditional forms).
THREAD_SITE_HAN_WORDS = ("论坛", "論壇", "社区", "社區", "贴吧", "貼吧", "问答", "問答")
#: class/id words of the element naming a post's author (thread.post_head) ...
POST_AUTHOR_WORDS = frozenset(
    {"author", "username", "poster", "nickname", "nick", "uname", "screenname", "displayname"}
)
#: ... and its time.
POST_TIME_WORDS = frozenset(
    {"date", "time", "timestamp", "datetime", "posted", "postdate", "posttime", "ago"}
)
#: A post's author or time is a short label; a longer text is the post itself.
POST_HEAD_MAX_CHARS = 40
#: A line of a post up to this long that repeats the post's time is its header or
#: footer ("#2 Post by mia » 2024-04-13 22:16"), not what the poster wrote.
POST_HEAD_LINE_MAX_CHARS = 80
#: Elements of a post looked at for its author and time (they come first in a post).
POST_HEAD_MAX_ELEMENTS = 60
#: A thread's posts: at least this many look-alike siblings inside the root ...
POST_MIN_ITEMS = 2
#: ... holding at least this share of the root's prose.
POST_MIN_PROSE_SHARE = 0.5
#: A short unpunctuated line that recurs in this many posts of a thread is a button or
#: label of every post ("评论" under each reply: mhf-mlog), not a reply of its own.
POST_FURNITURE_MAX_CHARS = 12
POST_FURNITURE_MIN_REPEATS = 3
#: A document title of one part this short is a site's name when it calls the site a
#: forum ("南生论坛"); a headline that mentions a forum is longer ("博鳌亚洲论坛年会开幕").
SITE_NAME_MAX_CHARS = 8
#: Whole path segments of the same kind: Discourse's `/t/slug/id`, Flarum's `/d/id`.
THREAD_URL_SHORT_SEGMENTS = frozenset({"t", "d"})
#: class/id words that name the article itself; they protect an element from the
#: chrome rules and add to its content score.
CONTENT_WORDS = frozenset(
    {
        "article",
        "content",
        "contents",
        "main",
        "body",
        "text",
        "post",
        "entry",
        "story",
        "detail",
        "details",
        "news",
        "artibody",
        "endtext",
        "zoom",
        "cnt",
        "txt",
        "con",
        "js_content",
        "rich_media_content",
    }
)
CLASS_SPLIT_RE = lazy_compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")

# --------------------------------------------------------------------------- content scoring

#: Block-level tags: each starts a new text block when the tree is flattened.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "td",
        "th",
        "tr",
        "table",
        "tbody",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "center",
        "form",
        "body",
        "header",
        "footer",
        "nav",
        "aside",
        "address",
        "hr",
        "font",
    }
)
#: A block this share bold is a bold block (a candidate section heading): a stray space
#: or punctuation mark outside the <b> does not unbold it.
BOLD_BLOCK_SHARE = 0.9
#: A bold paragraph reads as a section heading up to this many characters; longer bold
#: text is emphasis.
BOLD_HEADING_MAX_CHARS = 40
#: In a text dump, a line up to this long, without end punctuation, between prose lines,
#: is a heading.
TEXT_HEADING_MAX_CHARS = 30
#: ... and at most this share of the article's median line: a blog written without
#: punctuation has lines of 20-40 characters, its headings a third of that.
TEXT_HEADING_MAX_SHARE = 0.6
#: A heading before a line that is not prose (a notice's field, a program's entry, a
#: sentence without punctuation) must be shorter still: at most this share of the median
#: line, and the line it heads this many times its length.
TEXT_HEADING_LONE_SHARE = 0.5
TEXT_HEADING_NEXT_RATIO = 1.5
#: A line where a space parts two phrases this long is no heading (see
#: textdump._two_phrases).
TEXT_PHRASE_MIN_CHARS = 4
#: Headings in a row (a part over a section over a subsection).
TEXT_HEADING_MAX_RUN = 3
#: Images smaller than this in both declared dimensions are icons and spacers.
ICON_MAX_PX = 40

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: A text block counts as prose when it has at least this many characters and one
#: sentence mark per this many characters. Menus, tag clouds and link lists have none.
PROSE_MIN_CHARS = 12
#: Link density above which a block is navigation, not prose (readability uses 0.25 on
#: English; Chinese articles link less, and hot lists are ~1.0).
LINK_DENSITY_MAX = 0.5
#: Unpunctuated text that is long and unlinked still reads as content (Taiwanese blogs
#: break lines with spaces instead of commas: rd-pixnet; tables of contents:
#: mh-theorychina), at this weight relative to punctuated prose.
PLAIN_MIN_CHARS = 15
PLAIN_MAX_LINK_DENSITY = 0.3
PLAIN_WEIGHT = 0.6
#: Prose inside list items counts at this weight: article bodies are paragraphs, while
#: news feeds and "more stories" boxes are lists of summaries (mh-yahoo-b5b26f).
LIST_PROSE_WEIGHT = 0.4
#: A feed: at least this many same-shaped siblings (tag and class) ...
FEED_MIN_ITEMS = 4
#: ... at least this share of which hold a linked headline of FEED_HEADLINE_MIN_CHARS,
#: and some of which carry a prose summary. Plain link lists are caught by link density.
FEED_LINKED_SHARE = 0.75
FEED_HEADLINE_MIN_CHARS = 8
#: Feed items are list entries and cards, not layout tables (old portals nest the
#: whole page in look-alike <table>s: ia-sina) ...
FEED_ITEM_TAGS = frozenset({"li", "div", "article", "section", "dd", "dl"})
#: ... and short: a headline and a summary of a few lines each (median item size).
FEED_MAX_ITEM_CHARS = 500
#: ... and mostly links to elsewhere: a teaser is a linked headline over a summary a few
#: times its length (mh-yahoo's Chinese stream: 17% of the text is links; English cards
#: of aeb-nationalreview: 22%). A thread's posts link less (a poster's name over the
#: reply: 6%, mhf-tabletennis), and so do rows of a page's layout.
FEED_MIN_LINK_SHARE = 0.1
#: A first class found under more parents than this is a framework's prefix ("ui" on
#: every Semantic UI element: mhf-learnku), so feed items are told apart by their next
#: class; a card's own class stands in a few lists only.
FEED_CLASS_MAX_PARENTS = 8
#: ... and every item short: one item much longer than a teaser is an article or a post
#: among fields laid out alike (np-thai-article's body beside its date and tag fields).
FEED_MAX_LONGEST_ITEM_CHARS = 1000
#: A one-row table of an icon and a message of at most this many characters is a boxed
#: notice (mh-wikipedia's "此条目讲述…" banner: 60 characters), not content.
NOTICE_BOX_MAX_CHARS = 300
#: A table holds data, not a page's layout, when no cell holds more than this many
#: characters (a paragraph: old portals lay the article out in one cell) ...
TABLE_MAX_CELL_CHARS = 300
#: ... its cells hold this many characters on average at most (a row of figures or short
#: labels, not columns of text) ...
TABLE_MAX_MEAN_CELL_CHARS = 80
#: ... and at most this share of its text is links (a table of links is a menu).
TABLE_MAX_LINK_SHARE = 0.5
#: A candidate root scores prose² / (prose + JUNK_WEIGHT · junk): its prose, scaled by
#: how pure it is. A sidebar with more characters than the article loses (its link
#: lists are junk), and so does a page-wide wrapper, while one "related" box inside the
#: article costs little. 0.6 was best on the corpus (0.3: 0.939, 0.6: 0.942, 1.5: 0.939).
JUNK_WEIGHT = 0.6

# --------------------------------------------------------------------------- junk lines

#: Line labels that mark chrome and footers in both scripts. A block *starting* with one
#: of these (after optional brackets) is not article text.
JUNK_LINE_PREFIXES = (
    "上一篇",
    "下一篇",
    "上一頁",
    "下一頁",
    "上一页",
    "下一页",
    "上一條",
    "下一條",
    "上一条",
    "下一条",
    "上篇",
    "下篇",
    "責任編輯",
    "责任编辑",
    "責編",
    "责编",
    "編輯:",
    "编辑:",
    "編輯：",
    "编辑：",
    "聲明:",
    "声明:",
    "聲明：",
    "声明：",
    "免責聲明",
    "免责声明",
    "版權聲明",
    "版权声明",
    "版權所有",
    "版权所有",
    "相關閱讀",
    "相关阅读",
    "相關文章",
    "相关文章",
    "相關新聞",
    "相关新闻",
    "延伸閱讀",
    "延伸阅读",
    "熱門",
    "热门",
    "推薦",
    "推荐",
    "猜你喜歡",
    "猜你喜欢",
    "分享到",
    "分享至",
    "掃一掃",
    "扫一扫",
    "掃描二維碼",
    "扫描二维码",
    "關注我們",
    "关注我们",
    "本文鏈接",
    "本文链接",
    "原文鏈接",
    "原文链接",
    "轉載請註明",
    "转载请注明",
    "相關報導",
    "相关报道",
    "文章來源",
    "Copyright",
    "copyright",
    "©",
    "打印",
    "關閉",
    "关闭",
    "返回頂部",
    "返回顶部",
)
#: Footer facts that appear anywhere in a short block (licence numbers, rights lines).
FOOTER_RE = lazy_compile(
    r"ICP[备備证證]|公网安备|公網安備|All Rights Reserved|版[权權]所有|Copyright|©|\(c\)\s*\d{4}",
    re.IGNORECASE,
)
#: Blocks longer than this are prose that may mention a licence, not a footer.
FOOTER_MAX_CHARS = 200
#: When the page's visible article holds less text than this share of its JSON-LD
#: articleBody, the page renders from script data and the articleBody is the article.
LD_BODY_MIN_SHARE = 0.5
#: A level-1 heading longer than this is not a title candidate (a headline is one line).
TITLE_MAX_CHARS = 80
#: A meta line (date, source, author) is short; a longer line is prose that mentions them.
META_LINE_MAX_CHARS = 120
#: A line with only an author label ("記者 王某") is a byline up to this length.
BYLINE_MAX_CHARS = 60
#: A block of at least this many characters that repeats an earlier one is a copy (pages
#: that carry the article twice, for print and for mobile: ia-nourl-d232c5df). Shorter
#: lines repeat legitimately (a meal plan's labels on every day: aeb-beachbodyondemand).
DUPLICATE_MIN_CHARS = 80
#: ... and so is a repeated short line of this length or more that is a label and its
#: value ("Joined: 4 months ago" under each forum post, "Photo: …" credits).
DUPLICATE_LABEL_MIN_CHARS = 20
#: A short label (up to 12 characters) followed by a colon and a value.
SHORT_LABEL_RE = lazy_compile(r"[^:：]{1,12}[:：]\s*\S")
#: A notice label ("平台声明：", "反侵权公告：", "免责声明") closes the article: what
#: follows it in the same container is the notice's own fine print (ia-nourl-3e1af229).
NOTICE_LABEL_RE = lazy_compile(r"^[【\[]?.{0,4}(?:声明|聲明|公告|免责|免責|版权|版權)[】\]]?[:：]")
#: A short label opening a box of other stories ("相关报道：", "推荐阅读") ...
RELATED_LABEL_RE = lazy_compile(
    r"^[【\[·]?(?:相[关關](?:报道|報導|報道|阅读|閱讀|文章|新[闻聞]|链接|鏈接)|延伸[阅閱][读讀]"
    r"|推[荐薦][阅閱][读讀]|推[荐薦]文章|[热熱][门門]推[荐薦]|猜你喜[欢歡]|更多精彩|更多[阅閱][读讀])"
)
#: ... ends the article when what follows it in the root holds less prose than this share
#: of the article before it (ia-yahoo-2bac7fb2: one summary after 850 characters).
RELATED_TAIL_MAX_SHARE = 0.3
#: A "related" label is a short line ("相關閱讀"); a longer line that starts like one is prose.
RELATED_LABEL_MAX_CHARS = 12
#: A short paragraph right after an image, without end punctuation, is its caption;
#: a caption is a line or two.
CAPTION_MAX_CHARS = 60
#: A block inside the root that is mostly links is chrome (a link list) unless it is this
#: long: a paragraph that long with many links is prose with citations.
LINKED_PROSE_MIN_CHARS = 400
#: Labels of meta lines that are not the article ("发布于：北京市").
#: Also the original headline of a reposted story ("原標題：……") and a column label alone on
#: its line ("人物專訪", "【獨家專訪】"): neither is article text.
META_LABEL_RE = lazy_compile(
    r"^(?:发布于|發佈於|发表于|發表於|阅读量|閱讀量|浏览|瀏覽)[:：]?|^(?:原标题|原標題|原题|原題)\s*[:：]"
    r"|^[【\[]?(?:人物|独家|獨家|高端|深度|新闻|新聞)?(?:专访|專訪|访谈|訪談|对话|對話|特稿|特写|特寫"
    r"|观察|觀察|视点|視點|时评|時評|社论|社論)[】\]]?$"
)
#: Labels of a permalink line; the URL on it becomes Article.url.
PERMALINK_PREFIXES = ("本文鏈接", "本文链接", "原文鏈接", "原文链接", "原文地址", "本文地址")
#: Labels of the settings chrome of reader-mode sites (設置 / 日夜間 / 主題色 menus).
SETTINGS_LABELS = frozenset(
    {
        "設置",
        "设置",
        "日夜間",
        "日夜间",
        "夜間模式",
        "夜间模式",
        "隨系統",
        "随系统",
        "跟隨系統",
        "跟随系统",
        "淺色",
        "浅色",
        "深色",
        "主題色",
        "主题色",
        "字號",
        "字号",
        "日間",
        "日间",
        "夜間",
        "夜间",
    }
)
#: Day/night labels -> the theme they select (a page's recorded choice).
THEME_LABELS = {
    "隨系統": "system",
    "随系统": "system",
    "跟隨系統": "system",
    "跟随系统": "system",
    "自動": "system",
    "自动": "system",
    "淺色": "light",
    "浅色": "light",
    "日間": "light",
    "日间": "light",
    "白天": "light",
    "深色": "dark",
    "夜間": "dark",
    "夜间": "dark",
    "黑夜": "dark",
    "夜間模式": "dark",
    "夜间模式": "dark",
}
#: Labels of a night-mode switch, whose items say on or off instead of day or night.
NIGHT_MODE_LABELS = frozenset(
    {"夜间模式", "夜間模式", "夜间", "夜間", "深色模式", "暗黑模式", "黑夜模式"}
)
#: The items of such a switch -> whether night mode is on.
SWITCH_LABELS = {
    "开启": True,
    "開啟": True,
    "开": True,
    "開": True,
    "打开": True,
    "打開": True,
    "关闭": False,
    "關閉": False,
    "关": False,
    "關": False,
}
#: Marks a text dump shows beside the chosen item of a settings menu (the page's theme).
THEME_CHECK_MARKS = ("✓", "✔", "√", "●", "◉", "[x]", "[X]", "(*)")
#: class/attribute markers of the selected item in such a menu.
SELECTED_WORDS = frozenset({"selected", "active", "on", "current", "checked", "cur"})
#: `dark`/`night` class words on <html>/<body> that record night mode.
DARK_CLASS_WORDS = frozenset({"dark", "night", "nightmode", "night-mode", "dark-mode", "darkmode"})

#: A line of this many `|`/`｜`-separated short phrases is an SEO link-farm block.
SPAM_MIN_SEPARATORS = 6
#: ... whose phrases average at most this many characters (keyword lists, not prose).
SPAM_MAX_PHRASE_CHARS = 24

# --------------------------------------------------------------------------- text dumps

#: A line right under a text dump's title is taken for a meta line (source, byline)
#: when it is this short and has no punctuation; a longer one opens the article (blogs
#: that write without punctuation).
TEXT_META_MAX_CHARS = 24
#: A headline in a list of other stories is at most this long (farm hot lists: 10-45
#: characters); a longer line is a paragraph.
LIST_LINE_MAX_CHARS = 60
#: A line this short without punctuation can label a list ("熱門資訊", "推薦閱讀").
LIST_LABEL_MAX_CHARS = 8
#: Headlines under a label that make a list (a section heading is one line).
LIST_MIN_LINES = 3
#: ... unless this share of the article's other lines is headline-shaped as well: a blog
#: without sentence marks, where a heading over short lines is no list's label.
LIST_UNPUNCTUATED_SHARE = 0.5

# --------------------------------------------------------------------------- watermarks

#: Length of the recurring character n-grams. A site name is at least four characters
#: (「霧松資訊」); three-grams find it, and a two-character person's name ("周銘") never
#: forms a recurring three-gram unless it is always followed by the same character.
WATERMARK_GRAM = 3
#: A family must be in at least this many paragraphs: two repeats are a refrain.
WATERMARK_MIN_PARAGRAPHS = 3
#: ... and in at least this share of the paragraphs looked at (farms mark 60-100 % of
#: them; a term that recurs in a quarter of an article's paragraphs is common).
WATERMARK_MIN_SHARE = 0.25
#: An article of this many paragraphs or fewer is looked at again for marks on two
#: paragraphs (a farm marks some of a short article's four or five), taken only when
#: their shape proves them (see watermark_find._proven).
WATERMARK_SHORT_MAX_PARAS = 10
WATERMARK_SHORT_NEED = 2
#: Share of a family's occurrences that must stand at a paragraph edge, after a sentence
#: end or in brackets, when it holds no domain name. A recurring term opens a sentence
#: now and then but also sits inside sentences.
WATERMARK_MIN_DELIMITED_SHARE = 0.8
#: A mark without a domain, brackets or variation, standing before sentences, must be
#: in this many paragraphs and this share of them (a ministry that opens three of five
#: paragraphs of a news report is its subject).
WATERMARK_FIXED_MIN_PARAGRAPHS = 4
WATERMARK_FIXED_MIN_SHARE = 0.5
#: Watermarks are looked for on Chinese pages only: an English article repeats its
#: topic ("impeachment", "Hong Kong") through every paragraph (corpus_more).
WATERMARK_MIN_CJK_SHARE = 0.3
#: Share of a family's runs that must hold one common string (its core).
WATERMARK_CORE_SHARE = 0.8
#: Share of a family's runs that may look unlike a mark (a date, a label) without
#: clearing the family: the site name also stands in the page's source line.
WATERMARK_MAX_ODD_SHARE = 0.2
#: Share of a family's occurrences that must stand beside an accepted mark for it to be
#: part of that mark (a site name beside its domain: all of them).
WATERMARK_BESIDE_SHARE = 0.75
#: Fewest letters and CJK characters in an occurrence (a name is two to four).
WATERMARK_MIN_CORE_CHARS = 4
#: Longest gap between two recurring runs of one occurrence: a rotating slogan between
#: the site name and the domain (「——每天多懂一點新科技」 is 12).
WATERMARK_MAX_GAP = 20
#: Longest text grown onto an occurrence by what other occurrences share (a slogan).
WATERMARK_MAX_GROW = 40
#: A speaker's label that follows a mark is this many characters at most ("李金澤").
WATERMARK_MAX_LABEL = 5
#: Occurrences on each side an occurrence is compared with when it is grown.
WATERMARK_GROW_PEERS = 20
#: Characters of context an occurrence's tail is compared in when deciding where the
#: farm's text ends and the sentence begins: a slogan's last three characters (two would
#: mix 「新科技」 ending one slogan with 「科技與生活」 going on in another).
WATERMARK_AGREE_CONTEXT = 3
#: ... by at least this many tails where possible (two tails never outvote one).
WATERMARK_AGREE_MIN_GROUP = 4
#: A random code glued before the site name is this many letters at most.
WATERMARK_MAX_CODE = 4
#: Paragraphs and characters of each looked at: a hundred paragraphs show how a mark
#: recurs (it is then cut from every paragraph, and from past the first 1,500 characters
#: of a long one), and looking costs the corpus' pages under 2 ms each.
WATERMARK_MAX_PARAS = 100
WATERMARK_MAX_CHARS = 1500
#: Characters whose script decides whether a page is looked at (Chinese or not).
WATERMARK_SCRIPT_SAMPLE = 20_000

#: Characters a farm sprinkles through a mark to defeat plain string matching.
WATERMARK_ZERO_WIDTH = (
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
)
WATERMARK_ZW_RE = lazy_compile(f"[{WATERMARK_ZERO_WIDTH}]")
#: Where a sentence has ended (normalised: NFKC keeps 。 but turns ！？； into !?;).
WATERMARK_SENTENCE_END = "。!?;…"
#: Brackets a bare site name is put in (not 《》, which hold titles of works).
WATERMARK_OPENING = "【[(「『〔〖"
WATERMARK_CLOSING = "】])」』〕〗"
#: Sentence punctuation a run of recurring n-grams may take in from its neighbours.
WATERMARK_EDGE_PUNCT = "。!?;…,、 "
#: Characters around a domain that is part of a link, not a mark (www.x.com/1.html).
WATERMARK_LINK_CHARS = tuple("./")
WATERMARK_PROSE_RE = lazy_compile(r"[。,，]")
#: A run that opens with a short label ("地點：", "評論人：") is a form's line; a colon
#: after a site name (「新視界科技：」, four characters or more) joins it to a slogan.
WATERMARK_LABEL_RE = lazy_compile(r"^[a-z]{0,4}.{1,3}:")
#: Digits after a mark's letter code: a site name or slogan has none, a date has.
WATERMARK_DIGIT_RE = lazy_compile(r"^[a-z]{0,4}[^0-9]*[0-9]")
#: What farms put between the site name, the slogan and the domain (normalised).
WATERMARK_JOINERS = "—–-·•|/~_>» :"
#: ... and what may follow a one-character suffix of the site name (「網，」「站：」).
WATERMARK_SUFFIX_JOINERS = WATERMARK_JOINERS + ",、"
#: A Han character, as the watermark rules count them: the shared class, not a copy of it
#: (each pattern with the Han ranges costs start-up 1-2 ms to compile).
WATERMARK_CJK_RE = HAN_RE
#: A character that carries a mark's words: a letter or a digit (in the normalised text,
#: Han characters, a-z and 0-9 in practice). Written as "a word character but not _",
#: which compiles in microseconds where the Han ranges take 2 ms.
WATERMARK_CORE_RE = lazy_compile(r"[^\W_]")
#: A domain name as farms print it: letters, a dot, a top-level domain (normalised).
WATERMARK_DOMAIN_RE = lazy_compile(r"[a-z0-9][a-z0-9-]{2,}\.[a-z]{2,12}(?![a-z0-9])")
WATERMARK_DOMAIN_END_RE = lazy_compile(r"[a-z0-9-]\.[a-z]{2,12}$")

# --------------------------------------------------------------------------- metadata

DATE_RE = lazy_compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天])?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
)
#: Labels before the source and the author on a meta line (來源：新華社, 記者 王某).
#: The labels a source line starts with. Each meta-line pattern below is tried only on a
#: line holding one of the words it needs (a cheap test), which also keeps the patterns
#: of lines a page never has from being compiled (start-up).
SOURCE_LABELS = ("來源", "来源", "出處", "出处")
SOURCE_RE = lazy_compile(
    rf"(?:{'|'.join(SOURCE_LABELS)})\s*[:：]?\s*"
    r"((?:(?!記者|记者|作者|編輯|编辑|通讯员|通訊員)[^\s|｜/　]){2,20})"
)
AUTHOR_RE = lazy_compile(
    r"(?:作者|記者|记者|撰文|文\s*[/／丨︱|｜])\s*[:：|｜︱]?\s*"
    # A role between the label and the name is not the name ("作者：記者 王小明",
    # "文丨青禾評論員 田野").
    rf"(?:[{HAN_URO}]{{0,10}}?(?:特约|特約|实习|實習)?"
    r"(?:記者|记者|通讯员|通訊員|编辑|編輯|评论员|評論員|撰稿人)\s*)?"
    # Two or three characters a name: meta spans are often glued ("文／程小雨東灣日報").
    rf"([{HAN_URO}]{{2,3}}(?:[、,，][{HAN_URO}]{{2,3}})*)"
)
#: A byline that names a body, not a person ("文／青川地方報編輯部"): it is the source. Only
#: collective names: "文／程小雨東灣日報" is a person glued to her paper (AUTHOR_RE).
#: (`\w` matches every Han character too: a Han range beside it would only cost start-up
#: time, about 0.5 ms to compile per range.)
BYLINE_BODIES = (
    "编辑部", "編輯部", "报社", "報社", "杂志社", "雜誌社", "工作室", "栏目组", "欄目組", "编辑组",
    "編輯組", "课题组", "課題組", "评论部", "評論部", "新闻中心", "新聞中心", "融媒体中心",
    "融媒體中心",
)  # fmt: skip
BYLINE_BODY_RE = lazy_compile(
    r"(?:作者|撰文|文\s*[/／丨︱|｜])\s*[:：|｜︱]?\s*"
    rf"([\w·]{{2,20}}?(?:{'|'.join(BYLINE_BODIES)}))(?![\u4e00-\u9fff])"
)
#: What a dateline calls its reporter (DATELINE_SOURCE_RE needs one).
REPORTER_WORDS = ("记者", "記者")
#: A dateline that names its paper before the reporter ("21世紀經濟報道記者張梓桐 上海報道").
DATELINE_SOURCE_RE = lazy_compile(
    r"^([\w·]{2,12}?(?:报道|報道|日报|日報|晚报|晚報|时报|時報|周刊|週刊|杂志|雜誌|新闻|新聞"
    r"|通讯社|通訊社|网|網|社|台))(?:特约|特約|实习|實習)?(?:" + "|".join(REPORTER_WORDS) + r")\s*"
    rf"([{HAN_URO}]{{2,3}})"
)
URL_RE = lazy_compile(r"https?://[^\s\"'<>，。）)]+")
#: Site-name separators in <title> ("標題_頻道_網站", "Title - Site").
TITLE_SEPARATORS_RE = lazy_compile(r"\s*(?:[_|｜–—]|\s-\s|--|::|\s[·•»]\s)\s*")
#: What is left of a separator when a site name is cut off a title's end.
TITLE_SEPARATOR_CHARS = " _|｜–—-:·•»"
#: A title part that is a host name ("blog.example.com") names the site, not the page.
#: Common top-level domains only, in lower case as addresses are written, so that
#: "Node.js" or "ASP.NET" stay headline words (.example and .test: reserved for examples).
HOST_NAME_RE = lazy_compile(
    r"(?:[\w-]+\.)+(?:com|net|org|edu|gov|info|io|co|cn|tw|hk|mo|sg|jp|kr|uk|de|fr|es|it"
    r"|nl|ru|in|au|ca|br|me|tv|cc|blog|site|top|xyz|example|test)"
)
#: An h1 found inside the document title is taken as the headline only from this length
#: on (a shorter one must equal a whole part of the title: "夜雨_原文…_诗词网").
TITLE_MIN_CHARS = 4
#: A bracketed edit link after a heading ("雄安新区[编辑]", "History [edit]").
EDIT_LINK_RE = lazy_compile(
    r"\s*\[\s*(?:编辑|編輯|编辑源代码|編輯原始碼|edit|edit source|source|bearbeiten"
    r"|modifier|editar|modifica)\s*\]\s*$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- speakers

# The speaker finder's word lists (surnames, roles, speech verbs, fillers, transliteration
# characters) are data of their own: see `speaker_words`.
