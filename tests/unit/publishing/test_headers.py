"""`_headers` rules: a folder of one kind is one rule, a mixed folder is split, a page is reached by its folder's address too."""

from __future__ import annotations

from routines.publishing.headers import IMMUTABLE, REVALIDATE, cache_rules, headers_file


def test_rules_cover_each_file_once_by_the_widest_folder_of_one_kind():
    files = [
        "index.html", "sw.js", "blog/index.html", "blog/2024/01/17/knee/index.html", "blog/2024/01/17/knee/card.png",
        "assets/stylesheets/main.57a0d79d.min.css", "assets/stylesheets/site.eb8d77ca.min.css",
        "assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/lunr/tinyseg.js",
        "pagefind/pagefind-entry.json", "pagefind/fragment/en_323c564.pf_fragment", "_headers",
    ]
    assert cache_rules(files) == [
        ("/", REVALIDATE), ("/index.html", REVALIDATE), ("/sw.js", REVALIDATE),
        ("/assets/javascripts/bundle.a5f9d56c.min.js", IMMUTABLE), ("/assets/javascripts/lunr/*", REVALIDATE),
        ("/assets/stylesheets/*", IMMUTABLE),
        ("/blog/*", REVALIDATE),
        ("/pagefind/pagefind-entry.json", REVALIDATE), ("/pagefind/fragment/*", IMMUTABLE),
    ]
    assert "/sw.js\n  Cache-Control: no-cache\n" in headers_file(files)
