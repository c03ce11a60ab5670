"""The GitHub Pages workflow runs the Makefile's own steps, on the right events, and publishes with Pages' own actions."""

from __future__ import annotations

import re
import shlex

import yaml

from tests.sites import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
MAKEFILE = (ROOT / "Makefile").read_text()
TARGETS = set(re.findall(r"(?m)^([a-z][a-z-]*):", MAKEFILE))


def steps(job: str) -> list[dict]:
    return WORKFLOW["jobs"][job]["steps"]


def runs(job: str) -> list[list[str]]:
    return [shlex.split(step["run"]) for step in steps(job) if "run" in step]


def uses(job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_every_command_the_workflow_runs_is_a_make_target():
    """Nothing is done only in CI: each run step is `make <target>` (with variables at most)."""
    commands = [command for job in WORKFLOW["jobs"] for command in runs(job)]
    assert commands
    for command in commands:
        assert command[0] == "make" and command[1] in TARGETS, command
        assert all("=" in word for word in command[2:]), command


def test_it_builds_as_make_deploy_does_and_publishes_with_pages_actions():
    """The build is make deploy's (PUBLISH=1), .cache/ is kept between runs, the site goes up with Pages' own actions."""
    deploy_recipe = MAKEFILE.split("\ndeploy:", 1)[1].split("\n\n", 1)[0]
    assert "build PUBLISH=1" in deploy_recipe
    assert runs("build") == [["make", "build", "PUBLISH=1"]]
    cache = next(step for step in steps("build") if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache" and cache["with"]["restore-keys"]
    upload = next(step for step in steps("build") if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert uses("deploy") == ["actions/deploy-pages"] and WORKFLOW["jobs"]["deploy"]["needs"] == "build"
    assert runs("record") == [["make", "record-addresses"]] and WORKFLOW["jobs"]["record"]["needs"] == "deploy"


def test_it_runs_on_main_every_day_and_checks_pull_requests():
    """A push to main and a daily early run publish (a post dated today goes live); a pull request is only checked."""
    events = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads the key `on` as true
    assert events["push"]["branches"] == ["main"]
    minute, hour, *every_day = events["schedule"][0]["cron"].split()
    assert every_day == ["*", "*", "*"] and int(hour) < 6
    assert "pull_request" in events
    assert runs("check") == [["make", "check"]]
    assert WORKFLOW["jobs"]["check"]["if"] == "github.event_name == 'pull_request'"
    assert WORKFLOW["jobs"]["build"]["if"] == "github.event_name != 'pull_request'"
