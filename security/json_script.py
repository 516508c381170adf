"""JSON for inside an HTML document: nothing in the data can close the <script> element.

The markup characters become JSON escapes (as in Django's `json_script`): the same strings
to a JSON parser, inert to anything that mistakes the document for HTML.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder

MARKUP_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def markup_safe_json(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(MARKUP_ESCAPES)
