"""The site across all posts: the catalog, the pages it adds, and search.

`catalog` indexes every published post once per build (by date, series,
equipment; related posts); `pages` is every page discovery adds, with the
one place their addresses are made (`series_url`); `search` runs Pagefind
over the written site.
May import: `model`.
"""
