"""The site's search: Pagefind's chunked index, made from the written pages.

A reader's browser fetches nothing of it until they open search, and then
only the chunks their words fall in, so a page weighs the same at 10 posts
as at 10,000. What is indexed is marked in the templates: each page's
article carries `data-pagefind-body` (listing pages do not, so they are left
out), and controls, listings and repeated notes inside it carry
`data-pagefind-ignore`.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

FOLDER = "pagefind"  # under the site's root; the search script loads pagefind.js from here


def write_index(site_dir: Path, language: str) -> int:
    """Index the built site into `site_dir/pagefind/`, afresh; the number of pages indexed."""
    shutil.rmtree(site_dir / FOLDER, ignore_errors=True)  # a dirty build's old chunks would linger
    return asyncio.run(_write_index(site_dir, language))


async def _write_index(site_dir: Path, language: str) -> int:
    config: IndexConfig = {"force_language": language, "output_path": str(site_dir / FOLDER)}
    async with PagefindIndex(config) as index:
        indexed = await index.add_directory(str(site_dir))
    return indexed["page_count"]
