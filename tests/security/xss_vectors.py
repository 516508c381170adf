"""A corpus of script-injection vectors. Each one calls the marker `__xss(<its number>)` if a
browser ever runs it (tests/browser/test_xss.py defines the marker and fails on any call).

Vectors are written with `$X` standing for the marker call; the encoded families spell the
call (or the whole `javascript:` URL) with HTML entities, percent-escapes or base64, the way
real filter evasions do. `VECTORS` holds the finished strings, numbered from 1.
"""

import base64
from urllib.parse import quote

MARK = "$X"


def decimal_entities(text):
    return "".join(f"&#{ord(char)};" for char in text)


def hex_entities(text):
    return "".join(f"&#x{ord(char):x};" for char in text)


def padded_entities(text):
    """Zero-padded decimal references without semicolons, an old filter evasion."""
    return "".join(f"&#{ord(char):07d}" for char in text)


def b64(text):
    return base64.b64encode(text.encode()).decode()


def encoded(template, encode):
    """`template` with its marker call encoded by `encode` (the call is filled in later)."""
    return lambda call: template.replace(MARK, encode(call))


SCRIPT_TAGS = [
    "<script>$X</script>",
    "<SCRIPT>$X</SCRIPT>",
    "<ScRiPt >$X</sCrIpT >",
    "<script\n>$X</script\n>",
    "<script/x>$X</script>",
    "<script type=module>$X</script>",
    "<script type='text/javascript'>$X</script>",
    "<script src=data:,$X></script>",
    '<script src="data:text/javascript,$X"></script>',
    "<scr<script>ipt>$X</scr</script>ipt>",
    "<<script>script>$X<</script>/script>",
    "<script>/*</script><script>*/$X</script>",
    '"><script>$X</script>',
    "'><script>$X</script>",
    "</title><script>$X</script>",
    "</textarea><script>$X</script>",
    "</script><script>$X</script>",
    '{"a":"</script><script>$X</script>"}',
    "<template><script>$X</script></template>",
    "<script>$X</script",
]

EVENT_HANDLERS = [
    "<img src=x onerror=$X>",
    '<img src="x" onerror="$X">',
    "<img src='x' onerror='$X'>",
    "<IMG SRC=x OnErRoR=$X>",
    "<img/src=x/onerror=$X>",
    "<img src=x onerror\t=$X>",
    "<img src=x onerror\n=$X>",
    "<img src=`x`onerror=$X>",
    "<img src=x onerror=$X onerror=void(0)>",
    '<img src="x" alt="" onerror="$X" />',
    "<img src=x:x onerror=eval(atob('%(b64)s'))>",
    "<svg onload=$X>",
    "<svg/onload=$X>",
    "<svg><g onload=$X></g></svg>",
    "<body onload=$X>",
    "<body onpageshow=$X>",
    "<input autofocus onfocus=$X>",
    "<input onblur=$X autofocus><input autofocus>",
    "<select autofocus onfocus=$X></select>",
    "<textarea autofocus onfocus=$X></textarea>",
    "<keygen autofocus onfocus=$X>",
    "<details open ontoggle=$X>",
    "<video><source onerror=$X></video>",
    "<video src=x onerror=$X></video>",
    "<audio src=x onerror=$X></audio>",
    "<iframe onload=$X></iframe>",
    "<object data=x onerror=$X></object>",
    "<marquee onstart=$X>x</marquee>",
    "<style onload=$X></style>",
    "<link rel=stylesheet href=x onerror=$X>",
    "<a onmouseover=$X>hover me</a>",
    "<x onclick=$X>click me</x>",
    "<svg><animate onbegin=$X attributeName=x dur=1s></svg>",
    "<svg><set onbegin=$X attributeName=x to=1></svg>",
    "<svg><image href=x onerror=$X></svg>",
    "<input type=image src=x onerror=$X>",
    "<frameset onload=$X></frameset>",
    "<isindex type=image src=x onerror=$X>",
    "<p style='animation:x 1s' onanimationstart=$X>x</p><style>@keyframes x{}</style>",
    "<div onpointerenter=$X style='position:fixed;inset:0'>x</div>",
]

JAVASCRIPT_URLS = [
    '<a href="javascript:$X">x</a>',
    '<a href="JAVASCRIPT:$X">x</a>',
    '<a href=" javascript:$X">x</a>',
    '<a href="\x01javascript:$X">x</a>',
    '<a href="java\tscript:$X">x</a>',
    '<a href="java\nscript:$X">x</a>',
    '<a href="java\rscript:$X">x</a>',
    '<a href="java&#9;script:$X">x</a>',
    '<a href="java&#x0A;script:$X">x</a>',
    '<a href="java&Tab;script:$X">x</a>',
    '<a href="javascript&colon;$X">x</a>',
    '<a href="jav&#x61;script:$X">x</a>',
    '<a href="javascript://%0a$X">x</a>',
    '<a href="javascript:void($X)">x</a>',
    '<iframe src="javascript:$X"></iframe>',
    '<form action="javascript:$X"><input type=submit></form>',
    '<object data="javascript:$X"></object>',
    '<embed src="javascript:$X">',
    '<img src="javascript:$X">',
    "<table background=javascript:$X><tr><td>x</td></tr></table>",
    '<svg><a xlink:href="javascript:$X"><text y=20>x</text></a></svg>',
    '<svg><a href="javascript:$X"><text y=20>x</text></a></svg>',
    '<math href="javascript:$X">x</math>',
    '<a href="livescript:$X">x</a>',
    '<a href="vbscript:$X">x</a>',
    '<a href="VBScript:$X">x</a>',
    '<a href=" vbscript&colon;$X">x</a>',
    '<a href="javascript:/*--></title></style></textarea></script><svg/onload=\'+/"/+/$X//\'>">x',
]

ENCODED_JAVASCRIPT_URLS = [
    encoded('<a href="$X">x</a>', lambda call: decimal_entities(f"javascript:{call}")),
    encoded('<a href="$X">x</a>', lambda call: hex_entities(f"javascript:{call}")),
    encoded('<a href="$X">x</a>', lambda call: padded_entities(f"javascript:{call}")),
    encoded('<a href="javascript:$X">x</a>', lambda call: quote(call, safe="")),
    encoded('<a href="javascript:$X">x</a>', decimal_entities),
    encoded('<img src=x onerror="$X">', decimal_entities),
    encoded('<img src=x onerror="$X">', hex_entities),
    encoded('<iframe src="$X"></iframe>', lambda call: hex_entities(f"javascript:{call}")),
    encoded('<a href="$X">x</a>', lambda call: decimal_entities(f"vbscript:{call}")),
]

DATA_URLS = [
    '<a href="data:text/html,<script>$X</script>">x</a>',
    '<a href="DATA:text/html,<script>$X</script>">x</a>',
    '<a href=" data:text/html,<script>$X</script>">x</a>',
    '<a href="data&colon;text/html,<script>$X</script>">x</a>',
    "<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='$X'/>\">",
    '<link rel=import href="data:text/html,<script>$X</script>">',
    encoded(
        '<a href="data:text/html;base64,$X">x</a>', lambda call: b64(f"<script>{call}</script>")
    ),
    encoded(
        '<iframe src="data:text/html;base64,$X"></iframe>', lambda c: b64(f"<script>{c}</script>")
    ),
    encoded(
        '<object data="data:text/html;base64,$X"></object>', lambda c: b64(f"<script>{c}</script>")
    ),
    encoded('<embed src="data:image/svg+xml;base64,$X">', lambda c: b64(f"<svg onload='{c}'/>")),
    encoded(
        '<iframe src="$X"></iframe>',
        lambda call: hex_entities(f"data:text/html,<script>{call}</script>"),
    ),
]

SVG_AND_MATHML = [
    "<svg><script>$X</script></svg>",
    '<svg><script href="data:,$X"/></svg>',
    '<svg><script xlink:href="data:,$X"></script></svg>',
    "<svg><foreignObject><iframe srcdoc='<script>$X</script>'></iframe></foreignObject></svg>",
    "<svg><style><img src=x onerror=$X></style></svg>",
    "<svg><desc><img src=x onerror=$X></desc></svg>",
    "<svg><title><script>$X</script></title></svg>",
    "<svg><![CDATA[><image href=x onerror=$X>]]></svg>",
    "<svg><animate attributeName=href values=javascript:$X /><a><text y=20>x</text></a></svg>",
    '<svg><set attributeName="onmouseover" to="$X"/></svg>',
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>"
    "<image href='x' onerror='$X'/></svg>#x\"/></svg>",
    '<math><mi xlink:href="javascript:$X">x</mi></math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:$X">x</maction></math>',
    '<math><annotation-xml encoding="text/html"><img src=x onerror=$X></annotation-xml></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=$X>",
]

MUTATION_XSS = [
    '<noscript><p title="</noscript><img src=x onerror=$X>"></noscript>',
    "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=$X>",
    "<math><mtext><table><mglyph><style><!--</style>"
    '<img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=$X&gt;">',
    '<svg></p><style><a id="</style><img src=1 onerror=$X>">',
    "<p><svg><style><img src=x onerror=$X></style></svg></p>",
    "<listing>&lt;img src=x onerror=$X&gt;</listing>",
    "<xmp><img src=x onerror=$X></xmp>",
    '<noembed><img title="</noembed><img src=x onerror=$X>"></noembed>',
    '<noframes><img title="</noframes><img src=x onerror=$X>"></noframes>',
    '<iframe><img title="</iframe><img src=x onerror=$X>"></iframe>',
    '<textarea><img title="</textarea><img src=x onerror=$X>"></textarea>',
    '<title><img title="</title><img src=x onerror=$X>"></title>',
    '<style><img title="</style><img src=x onerror=$X>"></style>',
    '<a href="x" title="&lt;img src=x onerror=$X&gt;">x</a>',
    "<!--><img src=x onerror=$X>-->",
    "<!-- --!><img src=x onerror=$X> -->",
    '<? foo="><script>$X</script>">',
    "<![CDATA[><img src=x onerror=$X>]]>",
    "<div><template shadowrootmode=open><img src=x onerror=$X></template></div>",
    "<select><template shadowrootmode=open><img src=x onerror=$X></template></select>",
    "<p>&lt;script&gt;$X&lt;/script&gt;</p>",
    "<img src=x onerror=$X<!--",
]

STYLE_AND_EXPRESSION = [
    '<div style="width:expression($X)">x</div>',
    '<p style="background:url(javascript:$X)">x</p>',
    '<div style="x:exp/**/ression($X)">x</div>',
    '<div style="x:\\65 xpression($X)">x</div>',
    '<img style="xss:expr/*XSS*/ession($X)">',
    "<style>@import 'javascript:$X';</style>",
    '<style>*{background:url("javascript:$X")}</style>',
    '<style>body{-moz-binding:url("data:text/xml,<script>$X</script>")}</style>',
    '<div style="behavior:url(data:text/x-component,<script>$X</script>)">x</div>',
    '<link rel="stylesheet" href="javascript:$X">',
    "<style>:root{}</style><p style='transition:color 1s' ontransitionend=$X>x</p>",
]

SRCDOC = [
    '<iframe srcdoc="<script>$X</script>"></iframe>',
    '<iframe srcdoc="&lt;script&gt;$X&lt;/script&gt;"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=$X&gt;"></iframe>',
    "<iframe srcdoc='<svg onload=$X>'></iframe>",
    "<iframe srcdoc=\"<iframe srcdoc='<script>$X</script>'></iframe>\"></iframe>",
    '<IFRAME SRCDOC="&#60;script&#62;$X&#60;/script&#62;"></IFRAME>',
]

FORMACTION = [
    '<form><button formaction="javascript:$X">go</button></form>',
    "<button form=f formaction=javascript:$X>go</button><form id=f></form>",
    "<input type=submit formaction=javascript:$X value=go>",
    "<form><input type=image src=x formaction=javascript:$X></form>",
    "<isindex formaction=javascript:$X type=submit>",
    "<form action=javascript:$X><input type=submit id=go></form>",
]

META_REFRESH = [
    '<meta http-equiv="refresh" content="0;url=javascript:$X">',
    '<META HTTP-EQUIV="Refresh" CONTENT="0;URL=javascript:$X">',
    encoded(
        '<meta http-equiv="refresh" content="0;url=data:text/html;base64,$X">',
        lambda call: b64(f"<script>{call}</script>"),
    ),
    encoded(
        '<meta http-equiv="refresh" content="0; url=$X">',
        lambda call: hex_entities(f"javascript:{call}"),
    ),
    '<meta charset="x-imap4-modified-utf7">&ADz-script&AD4-$X&ADz-/script&AD4-',
]

BASE_HREF = [
    '<base href="javascript:$X//"><a href="/x">x</a>',
    '<BASE HREF="javascript:$X//">',
    '<base href="data:text/html,<script>$X</script>//"><a href="x">x</a>',
    '<base href="javascript:/a/-$X//"><a href=x>x</a>',
]

UNCLOSED_TAGS = [
    "<img src=x onerror=$X",
    "<svg onload=$X",
    "<script>$X",
    "<iframe src=javascript:$X",
    '<a href="javascript:$X',
    "<body onload=$X",
    '<img src="x" onerror="$X',
    "<input autofocus onfocus=$X",
    "<details open ontoggle=$X",
    "<iframe srcdoc='<script>$X</script>'",
]

ATTRIBUTE_AND_CONTEXT_BREAKERS = [
    '" onmouseover="$X',
    "' onfocus='$X' autofocus='",
    '" autofocus onfocus="$X" x="',
    "javascript:$X",
    "</script><img src=x onerror=$X>",
    "--><script>$X</script>",
    "]]><script>$X</script>",
    "</description><script>$X</script>",
    "</title></head><body><script>$X</script>",
    "\u2028<script>$X</script>\u2029",
    "${$X}",
    "{{$X}}",
]

FAMILIES = [
    SCRIPT_TAGS,
    EVENT_HANDLERS,
    JAVASCRIPT_URLS,
    ENCODED_JAVASCRIPT_URLS,
    DATA_URLS,
    SVG_AND_MATHML,
    MUTATION_XSS,
    STYLE_AND_EXPRESSION,
    SRCDOC,
    FORMACTION,
    META_REFRESH,
    BASE_HREF,
    UNCLOSED_TAGS,
    ATTRIBUTE_AND_CONTEXT_BREAKERS,
]


def _finish(template, number):
    call = f"__xss({number})"
    if callable(template):
        template = template(call)
    return template.replace(MARK, call).replace("%(b64)s", b64(call))


VECTORS = [
    _finish(template, number)
    for number, template in enumerate((t for family in FAMILIES for t in family), start=1)
]
