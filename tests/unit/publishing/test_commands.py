"""`python -m routines address`: a build to look at names the placeholder; a build to publish stops on it."""

from __future__ import annotations

import shutil

from routines.__main__ import main
from tests.sites import ROOT


def test_a_placeholder_is_named_on_a_build_and_refused_on_a_publish(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    assert main(["--config", str(config), "address"]) == 0
    line = ("mkdocs.yml: site_url: https://example.org/ is a placeholder; set it to the practice's public address"
            " (like https://www.your-practice.com/) before publishing")
    assert capsys.readouterr().err == f"{line} (this build is fine to look at, not to publish)\n"
    assert main(["--config", str(config), "address", "--publish"]) == 1
    assert capsys.readouterr().err == f"{line}\n"
    config.write_text(config.read_text().replace("site_url: https://example.org/", "site_url: https://recovery.physio-ana.com/"))
    assert main(["--config", str(config), "address", "--publish"]) == 0
    assert capsys.readouterr().err == ""
