"""Which character set a OneRoster CSV file is written in: UTF-8 (with a byte-order mark or
none), else Windows-1252, else Latin-1, decided on the file's bytes, never guessed.

SIS exports from Windows tools are often Windows-1252 ("Zoë", "Muñoz" as single bytes). Text in
a legacy 8-bit set that happens to be valid UTF-8 is vanishingly rare outside pure ASCII (which
reads the same either way), so a strict UTF-8 decode that succeeds settles it; otherwise
Windows-1252, a superset of Latin-1's printable range; Latin-1 last, which decodes any byte (the
five bytes Windows-1252 leaves undefined). A statistical detector (charset-normalizer) would
also weigh Cyrillic, Greek and East Asian sets and can pick one of them for a short file with a
few accented names, silently garbling them; see docs/decisions/0019-input-validation.md."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import IO

UTF_8 = "utf-8-sig"  # strips a byte-order mark when there is one
_CHUNK = 1 << 20
_BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class CharacterSet:
    """A file's character set: the codec that reads it, and what the import report says."""

    codec: str
    note: str | None


PLAIN_UTF_8 = CharacterSet(UTF_8, None)
UTF_8_WITH_BOM = CharacterSet(UTF_8, "read as UTF-8 (with a byte-order mark)")
WINDOWS_1252 = CharacterSet("cp1252", "not UTF-8: read as Windows-1252")
LATIN_1 = CharacterSet("latin-1", "neither UTF-8 nor Windows-1252: read as Latin-1")


def detect(raw: IO[bytes]) -> CharacterSet:
    """The character set of the bytes `raw` reads to its end (in chunks: files are large)."""
    head = raw.read(len(_BOM))
    utf_8 = codecs.getincrementaldecoder("utf-8")()
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    utf_8_ok = cp1252_ok = True
    chunk = b"" if head == _BOM else head  # the mark itself is not text
    while True:
        utf_8_ok = utf_8_ok and _decodes(utf_8, chunk)
        cp1252_ok = cp1252_ok and _decodes(cp1252, chunk)
        chunk = raw.read(_CHUNK) if utf_8_ok or cp1252_ok else b""
        if not chunk:
            break
    utf_8_ok = utf_8_ok and _decodes(utf_8, b"", final=True)  # a sequence cut off at the end
    if utf_8_ok:
        return UTF_8_WITH_BOM if head == _BOM else PLAIN_UTF_8
    return WINDOWS_1252 if cp1252_ok else LATIN_1


def _decodes(decoder: codecs.IncrementalDecoder, chunk: bytes, *, final: bool = False) -> bool:
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError:
        return False
    return True
