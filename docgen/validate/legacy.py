"""Text typed in the pre-Unicode Vietnamese encodings (TCVN3/ABC, VNI): recognise it and say what it would be.

Old Word files set in .VnTime (TCVN3) or VNI-Times keep one byte per letter (TCVN3) or a base letter
plus one byte of marks (VNI). Copied into a UTF-8 file those bytes arrive as the Windows-1252 letters
they stand on: "Uû ban nh©n d©n" (TCVN3) or "UÛy ban nhaân daân" (VNI) for "Ủy ban nhân dân".

A string is only suspected when it holds a character that never occurs in Vietnamese Unicode text
(©, µ, ¸, ñ, ø, ...); it is converted by each table, and a result is kept only if every word of it is a
possible Vietnamese syllable. One plausible result is offered to the clerk; two different ones are
reported without a guess.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# TCVN 5712:1993 VN3 (the "ABC" .VnTime fonts), byte -> letter. Upper-case fonts (.VnTimeH) reuse
# the same bytes, so the conversion gives lower-case letters for them.
_TCVN3_ROWS = {
    0xA1: "ĂÂÊÔƠƯĐăâêôơưđ",  # 0xA1..0xAE
    0xB5: "àảãáạ",  # a
    0xBB: "ằẳẵắ",  # ă (ặ is at 0xC6)
    0xC6: "ặầẩẫấậ",  # ặ, then â
    0xCC: "è",
    0xCE: "ẻẽéẹềểễếệìỉ",  # e, ê, ì ỉ
    0xDC: "ĩíịò",  # i, ò
    0xE1: "ỏõóọồổỗốộờởỡớợù",  # o, ô, ơ, ù
    0xF1: "ủũúụừửữứựỳỷỹýỵ",  # u, ư, y
}


TCVN3 = {chr(start + i): letter for start, row in _TCVN3_ROWS.items() for i, letter in enumerate(row)}


# VNI Windows: a base letter followed by a mark byte; a few letters are single bytes.
_VNI_SINGLE = {"Ñ": "Đ", "ñ": "đ", "Ô": "Ơ", "ô": "ơ", "Ö": "Ư", "ö": "ư", "Ó": "Ĩ", "ó": "ĩ", "Ò": "Ị",
               "ò": "ị", "Æ": "Ỉ", "æ": "ỉ", "Î": "Ỵ", "î": "ỵ", "Ì": "Ì", "ì": "ì", "Í": "Í", "í": "í"}


# mark byte (lower-case form; the upper-case form is the same letter upper-cased) -> combining marks
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",  # sắc huyền hỏi ngã nặng
    "â": "\u0302", "ê": "\u0306",  # â ê ô (circumflex), ă (breve)
    "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}


_VNI_BASES = {  # which marks each base letter can take
    "a": "ùøûõïâêáàåãäéèúüë", "e": "ùøûõïâáàåãä", "o": "ùøûõïâáàåãä", "u": "ùøûõï", "y": "ùøûõ",
    "ơ": "ùøûõï", "ư": "ùøûõï", "i": "",
}


# Latin-1 letters and signs that Vietnamese Unicode text never contains but the legacy tables use.
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")


MARKERS = frozenset(
    c for c in (set(TCVN3) | set(_VNI_SINGLE) | set(_VNI_MARKS) | {m.upper() for m in _VNI_MARKS})
    if c not in _VIETNAMESE_LATIN1
)


# cp1252 punctuation a legacy string may carry besides ASCII
_PUNCT = set("–—‘’“”…•")
_LATIN1_OR_PUNCT = frozenset(map(chr, range(256))) | _PUNCT  # set tests run in C: every text field is checked


# The vowel groups of Vietnamese syllables (tone marks removed), longest first.
_NUCLEI = sorted("""a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui
                 uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu""".split(),
                 key=len, reverse=True)


_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x"


_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|c|m|n|p|t)?$")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@dataclass(frozen=True)
class Legacy:
    """A string that looks typed in a legacy encoding: which one(s), and the Unicode text if unambiguous."""

    encodings: tuple[str, ...]
    unicode: str | None


def _is_syllable(word: str) -> bool:
    """A possible Vietnamese syllable: initial consonant(s), 1-3 vowels, a final, at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in decomposed if c in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def plausible(text: str) -> bool:
    """Every word with a non-ASCII letter is a possible Vietnamese syllable (or an abbreviation: QĐ, HĐND)."""
    for word in re.findall(r"[^\W\d_]+", text):
        if word.isascii() or _is_syllable(word):
            continue
        bare = unicodedata.normalize("NFD", word.lower())
        if any(v in bare for v in "aeiouy"):
            return False
    return True


def from_tcvn3(text: str) -> str | None:
    """The Unicode text of a TCVN3 string, or None if a character is not TCVN3."""
    out = []
    for c in text:
        if c in TCVN3:
            out.append(TCVN3[c])
        elif c.isascii() or c in _PUNCT:
            out.append(c)
        else:
            return None
    return "".join(out)


def from_vni(text: str) -> str | None:
    """The Unicode text of a VNI string, or None if a mark byte stands where no letter can take it."""
    out: list[str] = []
    for c in text:
        prev = out[-1].lower() if out else ""
        if c.lower() in _VNI_MARKS and c.lower() in _VNI_BASES.get(prev, ""):
            out[-1] = unicodedata.normalize("NFC", out[-1] + _VNI_MARKS[c.lower()])
        elif c in _VNI_SINGLE:
            out.append(_VNI_SINGLE[c])
        elif c.isascii() or c in _PUNCT:
            out.append(c)
        else:
            return None
    return "".join(out)


def _suspect(text: str) -> bool:
    """A marker character inside a word, next to ordinary letters (a lone '©' or '±' is a sign), or
    Latin-1 letters that do not make Vietnamese syllables as they stand ("Soùc Sôn" is VNI)."""
    if _LATIN1_OR_PUNCT.issuperset(text) and not plausible(text):
        return True
    for token in re.split(r"[\s,.;:!?()\[\]\"'/-]+", text):
        if not MARKERS.isdisjoint(token) and any(c.isascii() and c.isalpha() for c in token):
            return True
    return False


def detect(text: str) -> Legacy | None:
    """A Legacy finding when `text` looks typed in TCVN3 or VNI, else None."""
    if not _suspect(text):
        return None
    if any(ord(c) > 0xFF and c not in _PUNCT for c in text):
        return None  # real Unicode letters (ư, ạ, ...) are present: not a legacy string
    results = {}
    for name, convert in (("TCVN3", from_tcvn3), ("VNI", from_vni)):
        converted = convert(text)
        if converted is not None and converted != text and plausible(converted):
            results[name] = converted
    if not results:
        return None
    values = set(results.values())
    return Legacy(tuple(results), values.pop() if len(values) == 1 else None)
