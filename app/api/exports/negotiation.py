"""Which document a request asks for: `format=` decides; otherwise the Accept header's
preference (by q-value) among the media types offered (JSON, CSV and Parquet for exports), with
JSON when none is preferred."""

from __future__ import annotations

JSON = "application/json"
CSV = "text/csv"
PARQUET = "application/vnd.apache.parquet"
FORMATS = {JSON: "json", CSV: "csv", PARQUET: "parquet"}


def export_format(query: list[tuple[str, str]], accept: str | None) -> str:
    chosen = [v.lower() for k, v in query if k == "format"]
    if chosen:
        return chosen[-1] if chosen[-1] in FORMATS.values() else "json"
    return FORMATS[preferred(accept, list(FORMATS), JSON)]


def preferred(accept: str | None, offered: list[str], default: str) -> str:
    """The offered media type the Accept header weighs highest (q-values; the default on a
    tie, and when the header accepts none of them). Wildcards are not matched: a client that
    sends `*/*` gets the default."""
    weights: dict[str, float] = {}
    for part in (accept or "").split(","):
        media, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[media.strip().lower()] = weight
    best = max(offered, key=lambda media: (weights.get(media, 0.0), media == default))
    return best if weights.get(best, 0.0) > 0 else default


def wants_csv(query: list[tuple[str, str]], accept: str | None) -> bool:
    return export_format(query, accept) == "csv"
