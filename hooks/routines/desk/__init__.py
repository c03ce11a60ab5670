"""The authors' desk: `make write`'s editor of posts in the browser, and its live preview.

`preview` checks what is in the form as `make check` would check it saved,
and renders it through the site's partials; `server` serves the editor's
page (admin/ and the CMS from node_modules/) and the preview, beside
`make serve` and the CMS's local server.
May import: `contract`, `model`, `rendering`.
"""
