"""The essay page of the static edition (edition/), for nginx to serve in `make bench`: the
page and the files it loads, rendered into var/bench/edition/ as `publish_static` would."""

import json
import shutil
from pathlib import Path

from edition.addresses import file_for
from edition.render import render_site


def main(post_path: str, folder: str, report: str):
    shutil.rmtree(folder, ignore_errors=True)
    render_site(Path(folder), pages=[post_path], follow_pages=False)
    Path(report).write_text(json.dumps({"path": "/" + file_for(post_path)}))
