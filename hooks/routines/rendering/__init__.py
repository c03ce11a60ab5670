"""From the model to what readers get: HTML through the theme's partials, and the files beside it.

`blocks` renders the routine and video blocks; `markdown_blocks` the
Markdown extensions of the site; `excerpt` the start of a post that a list
page shows; `literal` front matter text made to show literally; `structured`
the JSON-LD; `previews`, `cards` and `paper` the link previews, their PNG
cards and the printed routine's QR codes (kept by `kept`); `bundles` the
site's one stylesheet and one script.
May import: `model`, `contract`.
"""
