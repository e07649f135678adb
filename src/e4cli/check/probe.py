"""What opening the portfolio's address gave: plain data, shared by the probe and P004.

The network code (`online.py`) is imported only with `--online`; the rule that
words its outcome needs only these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

TIMEOUT = 8.0  # seconds, for name resolution, connection and each read
MAX_REDIRECTS = 5


class Outcome(StrEnum):
    OK = "ok"
    DNS = "dns"  # the name does not resolve
    PRIVATE = "private"  # the name resolves, or redirects, to a local or private host
    TIMEOUT = "timeout"
    CONNECTION = "connection"  # refused, reset, not HTTP
    TLS = "tls"  # certificate or handshake failure
    HTTP = "http"  # an error status (4xx, 5xx)
    REDIRECTS = "redirects"  # too many redirections, or a loop


@dataclass(frozen=True)
class Probe:
    outcome: Outcome
    url: str  # the last address tried
    status: int | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK
