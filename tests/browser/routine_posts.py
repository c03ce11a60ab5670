"""The routine posts of the browser tests' site (conftest.py's `built_site`), by address."""

from __future__ import annotations

ROUTINE_POSTS = [
    "blog/2024/01/17/knee-pain-self-massage-stretch/",
    "blog/2023/12/13/cranky-neck-movement-flow/",
    "blog/2024/01/03/strength-training-active-recovery-workout/",
    "blog/2023/04/01/every-step-kind/",
    "blog/2023/05/01/calf-release-filmed-at-home/",
    "blog/2023/06/01/hip-opener-on-vimeo/",
    "blog/2022/02/01/qa-window__pwnedtitle-quoted/",
]
