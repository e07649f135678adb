"""Open the portfolio's address as the jury will: used by `e4 check --online` only.

One GET request (no body read), short timeouts, at most MAX_REDIRECTS
redirections, each checked like the address itself (no redirection to a local
or private host). The outcome is a Probe; the P004 rule turns it into a
finding. Proxies from the environment (http_proxy, https_proxy) are honoured,
as in a school network.

Testing seam: see `e4cli.util.weburl` (E4_TEST_ALLOW_LOOPBACK=1 accepts 127.0.0.1).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from e4cli import __version__
from e4cli.check.probe import MAX_REDIRECTS, TIMEOUT, Outcome, Probe
from e4cli.util.weburl import address_is_public, check_url

USER_AGENT = f"e4/{__version__} (verification du portfolio BTS SIO)"


class _Refused(Exception):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        verdict = check_url(newurl)
        if not verdict.ok:
            raise _Refused(newurl, f"redirection vers {newurl} : {verdict.reason}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def probe(url: str, timeout: float = TIMEOUT) -> Probe:
    """GET `url` and say whether it answers with a success status. Never raises."""
    host = urlsplit(url).hostname or ""
    if not _proxied(url):
        resolved = _resolve(host, timeout)
        if isinstance(resolved, Probe):
            return Probe(resolved.outcome, url, detail=resolved.detail)
    opener = urllib.request.build_opener(_CheckedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return Probe(Outcome.OK, response.geturl(), response.status)
    except _Refused as exc:
        return Probe(Outcome.PRIVATE, exc.url, detail=exc.reason)
    except urllib.error.HTTPError as exc:
        exc.close()
        last = exc.filename or url
        if 300 <= exc.code < 400:
            return Probe(Outcome.REDIRECTS, last, exc.code, str(exc.reason))
        return Probe(Outcome.HTTP, last, exc.code, str(exc.reason))
    except urllib.error.URLError as exc:
        return _network_failure(url, exc.reason)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return _network_failure(url, exc)


def _network_failure(url: str, reason: object) -> Probe:
    if isinstance(reason, ssl.SSLCertVerificationError):
        return Probe(Outcome.TLS, url, detail=reason.verify_message or str(reason))
    if isinstance(reason, ssl.SSLError):
        return Probe(Outcome.TLS, url, detail=reason.reason or str(reason))
    if isinstance(reason, TimeoutError | socket.timeout):
        return Probe(Outcome.TIMEOUT, url, detail="délai dépassé")
    if isinstance(reason, socket.gaierror):
        return Probe(Outcome.DNS, url, detail=str(reason.strerror or reason))
    if isinstance(reason, ConnectionRefusedError):
        return Probe(Outcome.CONNECTION, url, detail="connexion refusée")
    if isinstance(reason, http.client.HTTPException):
        return Probe(Outcome.CONNECTION, url, detail="réponse qui n'est pas du HTTP valide")
    if isinstance(reason, OSError):
        return Probe(Outcome.CONNECTION, url, detail=reason.strerror or str(reason))
    return Probe(Outcome.CONNECTION, url, detail=str(reason))


def _proxied(url: str) -> bool:
    """True when the environment sends this request through a proxy (which resolves names)."""
    parts = urlsplit(url)
    proxies = urllib.request.getproxies()
    return parts.scheme in proxies and not urllib.request.proxy_bypass(parts.hostname or "")


def _resolve(host: str, timeout: float) -> Probe | None:
    """Resolve `host` within `timeout`: a DNS failure, a private address, or None if fine.

    getaddrinfo has no timeout of its own, so it runs in a daemon thread.
    """
    box: dict[str, Any] = {}

    def lookup() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    worker = threading.Thread(target=lookup, name="e4-dns", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        return Probe(Outcome.TIMEOUT, host, detail="résolution du nom trop longue")
    if "error" in box:
        error = box["error"]
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return Probe(Outcome.DNS, host, detail=detail)
    addresses = {info[4][0] for info in box["infos"]}
    public = [a for a in addresses if address_is_public(ipaddress.ip_address(a.split("%")[0]))]
    if not public:
        return Probe(
            Outcome.PRIVATE,
            host,
            detail=f"« {host} » correspond à une adresse locale ou privée "
            f"({', '.join(sorted(addresses))})",
        )
    return None
