"""The address a forge publishes a repository's pages at, read from its git remote.

`e4 init` writes it as the portfolio's URL: GitHub Pages serves
`https://<user>.github.io/<repo>/` and GitLab Pages `https://<user>.gitlab.io/<repo>/`
(the repository named `<user>.github.io` is served at the root). The remote is
read from the repository's own `config` file, without running git; a worktree
(`.git` is a file naming the real folder) is followed to its common folder.
Nothing is fetched: no network, no subprocess.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_CONFIG_BYTES = 256 << 10
MAX_PARENTS = 40  # folders walked up to find the repository

_SECTION = re.compile(r'^\s*\[\s*remote\s+"([^"]*)"\s*\]\s*$')
_OTHER_SECTION = re.compile(r"^\s*\[")
_URL = re.compile(r"^\s*url\s*=\s*(.+?)\s*$", re.IGNORECASE)
_SCP = re.compile(r"^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$")  # git@github.com:user/repo.git
_URLISH = re.compile(r"^[a-z+]+://(?:[^@/]+@)?([^/:]+)(?::\d+)?/(.+)$", re.IGNORECASE)
_FORGES = {"github.com": "github.io", "gitlab.com": "gitlab.io"}
_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


def git_config(start: Path) -> Path | None:
    """The `config` file of the git repository holding `start` (or one of its parents)."""
    try:
        folder = start.resolve()
    except (OSError, RuntimeError):
        return None
    for _ in range(MAX_PARENTS):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return _common(dot_git) / "config"
        if dot_git.is_file():
            gitdir = _gitdir_of(dot_git)
            return _common(gitdir) / "config" if gitdir is not None else None
        if folder.parent == folder:
            return None
        folder = folder.parent
    return None


def _gitdir_of(dot_git: Path) -> Path | None:
    try:
        text = dot_git.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None
    match = re.match(r"gitdir:\s*(.+)", text.strip())
    if not match:
        return None
    gitdir = Path(match.group(1).strip())
    return gitdir if gitdir.is_absolute() else (dot_git.parent / gitdir)


def _common(gitdir: Path) -> Path:
    """A worktree's git folder names the repository's common folder in `commondir`."""
    try:
        common = (gitdir / "commondir").read_text(encoding="utf-8").strip()
    except OSError:
        return gitdir
    path = Path(common)
    return path if path.is_absolute() else gitdir / path


def remote_url(config: Path, name: str = "origin") -> str | None:
    """The URL of remote `name` (or of the first remote when there is no `name`)."""
    try:
        with config.open("rb") as handle:
            text = handle.read(MAX_CONFIG_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    urls: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        section = _SECTION.match(line)
        if section:
            current = section.group(1)
            continue
        if _OTHER_SECTION.match(line):
            current = None
            continue
        url = _URL.match(line)
        if current is not None and url and current not in urls:
            urls[current] = url.group(1).strip().strip('"')
    return urls.get(name) or next(iter(urls.values()), None)


def pages_url(remote: str) -> str | None:
    """The GitHub or GitLab Pages address of a repository remote, None for another host."""
    remote = remote.strip()
    match = _URLISH.match(remote) or _SCP.match(remote)
    if not match:
        return None
    host, path = match.group(1).lower(), match.group(2).strip("/")
    pages = _FORGES.get(host)
    if pages is None:
        return None
    parts = path.removesuffix(".git").split("/")
    if len(parts) < 2 or not all(_NAME.match(p) for p in parts):
        return None
    owner, rest = parts[0].lower(), parts[1:]
    if len(rest) == 1 and rest[0].lower() == f"{owner}.{pages}":
        return f"https://{owner}.{pages}/"  # the user's own site, served at the root
    return f"https://{owner}.{pages}/{'/'.join(rest)}/"


def infer_portfolio_url(folder: Path) -> str | None:
    """The Pages address of the repository that holds `folder`, when its forge has one."""
    config = git_config(folder)
    if config is None:
        return None
    remote = remote_url(config)
    return pages_url(remote) if remote else None
