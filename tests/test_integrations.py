"""pre-commit hook, GitHub Action and GitLab CI template, run as their users run them.

The pre-commit hook goes through `pre-commit try-repo`, which installs e4 from
this repository into its own environment (dependencies from PyPI: marked
`network`, it runs in CI). The action's and the template's own command lines
are read from action.yml and ci/e4.gitlab-ci.yml and run here with bash, as
the runners would, except the steps that install Python and e4 (this test
environment already has them; the pre-commit test covers installing from
source).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from class_support import make_class
from conftest import REAL_STAGE, ROOT, valid_files, write_tree

BIN = str(Path(sys.executable).parent)


def _env(extra: Mapping[str, str]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GITHUB_ACTIONS", "GITLAB_CI", "E4_DEBUG", "COLUMNS")
    }
    env["PATH"] = BIN + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


def bash(script: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `script` the way both runners run a step: bash, -e and pipefail."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=_env(env),
        capture_output=True,
        text=True,
        timeout=300,
    )


# --- pre-commit ---------------------------------------------------------------------------


def test_the_hook_is_declared_for_pre_commit() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "e4-check")
    assert hook["language"] == "python"
    assert hook["entry"] == "e4 check"
    assert hook["pass_filenames"] is False


def _git(repo: Path, *args: str) -> None:
    env = _env(
        {
            "GIT_AUTHOR_NAME": "Élève",
            "GIT_AUTHOR_EMAIL": "eleve@example.org",
            "GIT_COMMITTER_NAME": "Élève",
            "GIT_COMMITTER_EMAIL": "eleve@example.org",
        }
    )
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: the hook's environment is installed once per revision."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to test the pre-commit hook")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "e4-check", "--all-files"],
        cwd=repo,
        env=_env({"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}),
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.network
def test_the_pre_commit_hook_runs_through_try_repo(tmp_path: Path, pre_commit_home: Path) -> None:
    repo = write_tree(tmp_path / "depot", valid_files())
    _git(repo, "init", "--quiet")
    _git(repo, "add", "-A")
    _git(repo, "commit", "--quiet", "-m", "dossier")
    passed = _try_repo(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"e4 check.*Passed", passed.stdout), passed.stdout

    write_tree(repo, {"realisations/02-zabbix.yaml": REAL_STAGE + "modalite: equipe\n"})
    _git(repo, "commit", "--quiet", "-am", "réalisation en équipe")
    failed = _try_repo(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"e4 check.*Failed", failed.stdout)
    assert "R005" in failed.stdout and "realisations/02-zabbix.yaml:8:11" in failed.stdout


# --- GitHub Action --------------------------------------------------------------------------


def _action() -> dict[str, Any]:
    action: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return action


_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _expression(text: str, inputs: Mapping[str, str]) -> str:
    """The few GitHub expressions action.yml uses: inputs.X, comparisons, action_path."""

    def value(expr: str) -> str:
        match = re.fullmatch(r"inputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'", expr)
        if match:
            equal = inputs[match.group(1)] == match.group(3)
            return "true" if equal == (match.group(2) == "==") else "false"
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        if expr == "github.action_path":
            return str(ROOT)
        raise AssertionError(f"expression not understood by this test: {expr}")

    return _EXPR.sub(lambda m: value(m.group(1)), text)


def run_action(workdir: Path, **given: str) -> tuple[int, dict[str, str]]:
    """Run the action's steps; (exit code of the last step run, outputs by step name)."""
    action = _action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    summary = workdir / "step-summary.md"
    summary.touch()
    outputs: dict[str, str] = {}
    code = 0
    for step in action["runs"]["steps"]:
        if "run" not in step or step["name"] == "Installer e4":
            continue  # setup-python and installing e4: already done in this environment
        if "if" in step and _expression(step["if"], inputs) != "true":
            continue
        assert "${{" not in step["run"], "inputs reach the shell through env, never inline"
        env = {k: _expression(str(v), inputs) for k, v in step.get("env", {}).items()}
        env |= {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true", "CI": "true"}
        assert step["shell"] == "bash"
        result = bash(step["run"], workdir, env)
        outputs[step["name"]] = result.stdout + result.stderr
        code = result.returncode
        if code != 0:
            break
    outputs["summary"] = summary.read_text(encoding="utf-8")
    return code, outputs


def test_the_action_installs_e4_from_its_own_folder() -> None:
    install = next(s for s in _action()["runs"]["steps"] if s["name"] == "Installer e4")
    assert _expression(install["env"]["E4_ACTION_PATH"], {}) == str(ROOT)
    assert "pip install" in install["run"] and '"$E4_ACTION_PATH"' in install["run"]


def test_the_action_annotates_summarises_and_fails_on_findings(tmp_path: Path) -> None:
    make_class(tmp_path / "classe", 7)
    code, out = run_action(tmp_path, dossiers="classe/*/", sarif="e4.sarif")
    assert code == 1
    assert (
        "::error file=classe/eleve07/realisations/02-zabbix.yaml,line=8,col=11,title=R005::"
        in out["e4 check"]
    )
    assert "## e4 — vérification des dossiers" in out["summary"]
    assert "**7 dossiers : 4 conformes, 3 non conformes" in out["summary"]
    sarif = json.loads((tmp_path / "e4.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"


def test_the_action_passes_on_a_clean_dossier(tmp_path: Path) -> None:
    write_tree(tmp_path, valid_files())
    code, out = run_action(tmp_path, args="--strict")
    assert code == 0, out
    assert "e4 : . : conforme" in out["e4 check"]


# --- GitLab CI template ---------------------------------------------------------------------


def _gitlab_job() -> tuple[dict[str, str], dict[str, Any]]:
    template = yaml.safe_load((ROOT / "ci" / "e4.gitlab-ci.yml").read_text(encoding="utf-8"))
    return template["variables"], template["e4-check"]


def run_gitlab_job(workdir: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """The job's script, as the runner runs it: one bash, -e and pipefail, the variables set."""
    defaults, job = _gitlab_job()
    env = {**defaults, **job.get("variables", {}), **variables}
    return bash("\n".join(job["script"]), workdir, {k: str(v) for k, v in env.items()})


def test_the_template_publishes_code_quality_and_junit(tmp_path: Path) -> None:
    _, job = _gitlab_job()
    reports = job["artifacts"]["reports"]
    assert reports == {"codequality": "e4-codequality.json", "junit": "e4-junit.xml"}
    assert job["artifacts"]["when"] == "always"

    make_class(tmp_path, 7)
    result = run_gitlab_job(tmp_path, E4_DOSSIERS="eleve*/")
    assert result.returncode == 1  # the job fails: findings
    issues = json.loads((tmp_path / "e4-codequality.json").read_text(encoding="utf-8"))
    assert any(i["check_name"] == "R005" for i in issues)
    suites = ET.parse(tmp_path / "e4-junit.xml").getroot().findall("testsuite")
    assert len(suites) == 7
    assert "Synthèse de la classe" in result.stdout


def test_the_template_job_passes_on_a_clean_dossier(tmp_path: Path) -> None:
    write_tree(tmp_path, valid_files())
    result = run_gitlab_job(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((tmp_path / "e4-codequality.json").read_text(encoding="utf-8")) == []


def test_the_template_asks_for_what_to_install(tmp_path: Path) -> None:
    _, job = _gitlab_job()
    result = bash(job["before_script"][0], tmp_path, {"E4_INSTALL": ""})
    assert result.returncode == 2 and "E4_INSTALL" in result.stderr
