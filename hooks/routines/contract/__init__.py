"""The authoring contract (explained to authors in WRITING.md) and its validation.

`fields` is the contract as data (every field, its type, its help), written
in the field types of `types`; `frontmatter` reads a post's YAML with the
line of every value, within limits; `markers` finds the placement markers of
a body; `blog` is what Material's blog plugin would do with a post; `theme`
the templates, icons and statuses a post may name; `files` which files of
docs/ are pages, never published, or a problem; `checks`
checks every page of a site, as `make check` and the build do; `project`
reads mkdocs.yml as plain YAML for the author tools; `cms` makes the
editor's form (admin/config.yml) from the contract.
May import: `model`.
"""
