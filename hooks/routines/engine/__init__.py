"""Where the package meets MkDocs (or ProperDocs), Material and their plugins.

The one sub-package that may import them. `state` is the build's state,
`settings` what the hooks read of mkdocs.yml; every other module is one
patch of Material, MkDocs or a plugin, and says in its docstring what it
patches, why, and how it is guarded against a version it does not know.
"""
