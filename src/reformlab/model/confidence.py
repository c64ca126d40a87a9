"""The fact base's confidence scale as a rule over sources: what each rating may rest on.

The scale (``kazakhstan.md``): **high** is an official or primary text, or two independent sources that
agree; **medium** is one credible secondary source (a Wikipedia copy, news, IPU) or primary text read for
another version; **low** is conflicting sources, a single weak source, or the study under test alone.

As a rule over a rating's sources: *high* needs a primary source (``kind: primary``) or two independent
sources, where a Wikipedia page and all its mirrors count as one source (they copy one another); the study
whose claims are checked (``kind: study``) alone supports at most *low*; a Wikipedia page or mirror is
never a primary text. A source is recognised as Wikipedia or a mirror by its address or citation
(:data:`MIRRORS`), so a mirror cannot pass for anything else.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

#: Wikipedia and the sites that copy it (matched in a source's URL or citation).
MIRRORS = re.compile(
    r"wikipedia|/wiki/|[./]wiki[0-9]*\.|\.wiki\b|wikimili|wikivisually|findatwiki|piglix|memim\.com|sagapedia"
    r"|knowledgr|en-academic|oenc\.net|goodnames\.eth|perceptiode|clateway|jablog|wiki\.alquds|wiki\.av1",
    re.IGNORECASE,
)
RANK = {"unknown": 0, "low": 1, "medium": 2, "high": 3}


def is_mirror(text: str) -> bool:
    """Whether a source (its URL or citation) is Wikipedia or a copy of it.

    >>> is_mirror("https://de.zxc.wiki/wiki/Parlamentswahl_in_Kasachstan_1999"), is_mirror("http://constitution.kz/")
    (True, False)
    """
    return bool(MIRRORS.search(text))


def _host(text: str) -> str:
    url = re.search(r"https?://[^\s;,)]+", text)
    return urlparse(url.group(0)).netloc.lower().removeprefix("www.") if url else text.strip().lower()


def independent(texts) -> int:
    """How many independent sources ``texts`` are: one per site, every Wikipedia page and mirror together one."""
    sites = {"wikipedia" if is_mirror(text) else _host(text) for text in texts if text.strip()}
    return len(sites)


def sources_in(text: str) -> list[str]:
    """The sources a free-text source field names: each URL in it, or else each citation between semicolons.

    >>> sources_in("CEC via https://a.kz/1 ; seats also https://b.org/2"), sources_in("IPU PARLINE; Reuters")
    (['https://a.kz/1', 'https://b.org/2'], ['IPU PARLINE', 'Reuters'])
    """
    return re.findall(r"https?://[^\s;,)]+", text) or [part.strip() for part in text.split(";") if part.strip()]


def rating_problem(confidence: str | None, sources) -> str | None:
    """What is wrong with rating a fact ``confidence`` on ``sources`` (``(text, kind)`` pairs), or None.

    >>> rating_problem("high", [("https://en.wikipedia.org/wiki/X", None)])
    'rated high on one source (a Wikipedia page or mirror): the scale needs a primary text or two independent sources'
    >>> rating_problem("high", [("Constitution, Art. 5", "primary")]) is None
    True
    """
    sources = list(sources)
    for text, kind in sources:
        if kind == "primary" and is_mirror(text):
            return f"{text!r} is a Wikipedia page or mirror, never a primary text: drop 'kind: primary'"
    if RANK.get(confidence or "unknown", 0) > RANK["low"] and sources and all(k == "study" for _, k in sources):
        return f"rated {confidence} on the study under test alone: the scale allows at most low"
    if confidence != "high" or any(kind == "primary" for _, kind in sources):
        return None
    count = independent(text for text, _ in sources)
    if count >= 2:
        return None
    what = "a Wikipedia page or mirror" if sources and all(is_mirror(t) for t, _ in sources) else "a secondary source"
    return (f"rated high on {'no source' if not count else f'one source ({what})'}: the scale needs a primary text "
            "or two independent sources")


def strongest(keys, table) -> str:
    """The key among ``keys`` a reader should see first: a primary text, else a source that is no Wikipedia
    page or mirror, else the first (``table``: key -> :class:`~reformlab.model.values.Source`).

    >>> from reformlab.model.values import Source
    >>> strongest(["wiki", "law"], {"wiki": Source(url="https://en.wikipedia.org/x"),
    ...                             "law": Source(citation="Law No. 254", kind="primary")})
    'law'
    """
    def rank(key: str) -> tuple[bool, bool]:
        entry = table.get(key)
        text, kind = (entry.text, entry.kind) if entry is not None else (key, None)
        return kind != "primary", is_mirror(text)

    return min(keys, key=rank)


def constitution_problems(constitution) -> list[tuple[str, str]]:
    """``(path, problem)`` for every reference of ``constitution`` whose confidence its sources do not bear."""
    found = []
    for path in constitution.refs:
        ref = constitution.ref(path)
        if ref is None or ref.carried_from:
            continue
        entries = [constitution.sources.get(key) for key in ref.sources]
        sources = [(entry.text if entry is not None else key, entry.kind if entry is not None else None)
                   for key, entry in zip(ref.sources, entries)]
        problem = rating_problem(ref.confidence, sources)
        if problem:
            found.append((path, f"{problem} ({', '.join(ref.sources)})"))
    return found
