"""Meta-tests: every command has help; every setting is documented in the README."""
import re

import pytest
from click.testing import CliRunner

from emptychair.cli import main
from emptychair.settings import SETTINGS

from conftest import ROOT


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,)
        if hasattr(command, "commands"):
            yield from _commands(command, prefix + (name,))


@pytest.mark.parametrize("path", list(_commands(main)))
def test_every_command_has_help(path):
    result = CliRunner().invoke(main, list(path) + ["--help"])
    assert result.exit_code == 0 and len(result.output.splitlines()) > 3


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_documented(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"--" + name.replace("_", "-") + r"\b", readme) or name == "prefilter" and "--no-prefilter" in readme


def test_languages_and_kb_commands():
    runner = CliRunner()
    assert "nb" in runner.invoke(main, ["languages"]).output
    out = runner.invoke(main, ["kb", "who", "Stoltenberg", "--on", "2017-03-21"]).output
    assert "Secretary General" in out and "NATO" in out
    missing = runner.invoke(main, ["kb", "who", "Nobody Atall"])
    assert missing.exit_code != 0 and "no one called" in missing.output
