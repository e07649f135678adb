"""The publishing templates: their own command lines, run here as the runners would.

The GitHub workflow (ci/github-pages.yml) and the GitLab Pages job
(ci/e4-pages.gitlab-ci.yml) are read and their shell steps run with bash on a copy
of the SISR example, except installing Python and e4 (done in this environment)
and the forge's own upload and deployment; the published address is a local
server of the built site (the loopback test switch), so `e4 check --online` runs
for real.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, ROOT, valid_files, write_tree
from site_support import serve_folder, site_problems
from test_integrations import bash, run_action

GITHUB = ROOT / "ci" / "github-pages.yml"
GITLAB = ROOT / "ci" / "e4-pages.gitlab-ci.yml"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The candidate's repository: the SISR example at its root."""
    shutil.copytree(EXAMPLES / "sisr-complet", tmp_path / "repo")
    return tmp_path / "repo"


def _publish_at(repo: Path, url: str) -> None:
    manifest = repo / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("https://erwan-legoff.github.io/portfolio/", url), encoding="utf-8"
    )


def _run_steps(steps: list[dict[str, Any]], repo: Path, env: dict[str, str]) -> list[str]:
    ran = []
    for step in steps:
        if "run" not in step or step.get("name") == "Installer e4":
            continue
        result = bash(step["run"], repo, env)
        assert result.returncode == 0 or step.get("continue-on-error"), (
            step["run"],
            result.stdout + result.stderr,
        )
        ran.append(step["run"])
    return ran


def test_the_github_workflow_checks_builds_deploys_then_checks_online(repo: Path) -> None:
    workflow = _load(GITHUB)
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = jobs["build"]["steps"]
    upload = next(s for s in build if str(s.get("uses", "")).startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "_site"
    deploy = jobs["deploy"]["steps"]
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in deploy)
    assert jobs["deploy"]["needs"] == "build" and jobs["online"]["needs"] == "deploy"
    env = {k: str(v) for k, v in workflow["env"].items()} | {"GITHUB_ACTIONS": "true"}
    ran = _run_steps(build, repo, env)
    assert any("e4 check" in r for r in ran) and any("e4 site" in r for r in ran)
    assert site_problems(repo / "_site") == []
    with serve_folder(repo / "_site") as url:
        _publish_at(repo, url + "index.html")
        online = _run_steps(jobs["online"]["steps"], repo, env | {"E4_TEST_ALLOW_LOOPBACK": "1"})
    assert online == ['e4 check --online "$E4_DOSSIER"']


def test_the_gitlab_pages_job_builds_public_then_checks_online(repo: Path) -> None:
    template = _load(GITLAB)
    pages = template["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    env = {k: str(v) for k, v in template["variables"].items()}
    result = bash("\n".join(pages["script"]), repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert site_problems(repo / "public") == []
    with serve_folder(repo / "public") as url:
        _publish_at(repo, url + "index.html")
        online = template["pages-online"]
        result = bash("\n".join(online["script"]), repo, env | {"E4_TEST_ALLOW_LOOPBACK": "1"})
        assert result.returncode == 0, result.stdout + result.stderr
    (repo / "public" / "index.html").unlink()
    with serve_folder(repo / "public") as url:
        _publish_at(repo, url + "index.html")
        result = bash("\n".join(online["script"]), repo, env | {"E4_TEST_ALLOW_LOOPBACK": "1"})
        assert result.returncode == 1 and "P004" in result.stdout


def test_the_gitlab_pages_job_asks_for_what_to_install(tmp_path: Path) -> None:
    job = _load(GITLAB)[".e4-install"]
    result = bash(job["before_script"][0], tmp_path, {"E4_INSTALL": ""})
    assert result.returncode == 2 and "E4_INSTALL" in result.stderr


def test_the_action_builds_the_site_when_asked(tmp_path: Path) -> None:
    write_tree(tmp_path, valid_files())
    code, out = run_action(tmp_path, site="_site")
    assert code == 0, out
    assert (tmp_path / "_site" / "index.html").is_file()
    assert "écrit dans « _site »" in out["Site du portfolio"]
