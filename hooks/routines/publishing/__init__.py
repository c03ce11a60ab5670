"""`make deploy` and `make undo-deploy`: publishing only what is shared, never removing a colleague's post.

`deploy` checks the project folder against its git remote before anything is
built (every post committed and pushed, the branch neither ahead nor
behind), then adds the built site as a new commit on the remote's published
branch, on top of what is live, without force: the history keeps every
publish, so `undo` can put the one before back.
May import: nothing else of the package.
"""
