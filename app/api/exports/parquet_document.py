"""An export as Apache Parquet, for BI tools: one row group per page read, typed columns
(strings, 64-bit integers, doubles, booleans; an array or object as JSON text; timestamps as
the API's ISO 8601 text, as in JSON), written by pyarrow as it goes, so the file streams out
page by page and only the footer waits for the end."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from app.api.exports.columns import Column, Kind, values_of
from app.api.exports.negotiation import PARQUET

_TYPES: dict[Kind, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "json": pa.string(),
}


class _Sink:
    """A write-only file for pyarrow whose bytes are taken as they are written."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._position = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        self._chunks.append(chunk)
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def taken(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


class ParquetDocument:
    media_type = PARQUET
    extension = "parquet"

    def __init__(self, columns: list[Column]) -> None:
        self._columns = columns
        self._schema = pa.schema([pa.field(c.name, _TYPES[c.kind]) for c in columns])
        self._sink = _Sink()
        self._writer = pq.ParquetWriter(pa.PythonFile(self._sink, mode="w"), self._schema)

    def begin(self) -> bytes:
        return self._sink.taken()

    def page(self, items: list[dict[str, Any]]) -> bytes:
        if items:
            rows = values_of(items, self._columns)
            arrays = [
                pa.array([_value(row[i], c.kind) for row in rows], type=_TYPES[c.kind])
                for i, c in enumerate(self._columns)
            ]
            self._writer.write_table(pa.Table.from_arrays(arrays, schema=self._schema))
        return self._sink.taken()

    def end(self) -> bytes:
        self._writer.close()
        return self._sink.taken()


def _value(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if kind == "json":
        return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    if kind == "number":
        return float(value)
    return value
