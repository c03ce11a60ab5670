"""`make serve`: what is kept from one build to the next, and the panel of problems.

`incremental` holds the serve session (memos, what each page's render read, the last good text
of each page, the background search index); `panel` lays the panel of the
posts' problems over every page served; `collecting` keeps Python's garbage
collector out of each build.
May import: nothing else of the package.
"""
