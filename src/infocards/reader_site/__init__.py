"""The static reader: a web page that reads and checks a code in the browser, and its build.

build_site(out, packs) writes the folder a region, municipality or clinic puts on any static
HTTPS host; the page (static/) decodes with its own JavaScript (static/js/codes/) and shows
what the app's reader shows. Nothing read ever reaches the host: the code travels in the link's
fragment, which browsers do not send.
"""

from infocards.reader_site.build import MAX_SITE_BYTES, STATIC, SiteBuild, build_site, site_strings

__all__ = ["MAX_SITE_BYTES", "STATIC", "SiteBuild", "build_site", "site_strings"]
