"""The validated shape of a post, and its words for readers.

`post` is the model templates render from; `video` recognises video hosts
and files; `units` parses durations and words counts (`plural`, the one
grammar of "1 step / 3 steps"); `wording` says what a step asks of the
reader and how long a routine takes (its `plan` runs the follow-along view).
May import: nothing else of the package.
"""
