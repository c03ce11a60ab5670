"""The site's build logic as a plain Python package, under thin MkDocs event files (hooks/*.py).

- `contract`: the authoring contract (WRITING.md explains it to authors) and its validation.
- `model`: the validated post, and its words for readers.
- `rendering`: from the model to HTML and the files beside it.
- `discovery`: the site across all posts: catalog, generated pages, search.
- `serving`: what `make serve` keeps between builds, and its panel of problems.
- `engine`: where the package meets MkDocs, Material and their plugins: the
  build's state, the settings read from mkdocs.yml, and each patch.

Only `engine` imports MkDocs or Material. `python -m routines` runs the
author tools (`make post`, `make check`, `make schema`). ARCHITECTURE.md
shows how a post flows through these.
"""
