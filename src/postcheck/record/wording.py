"""Words as the wording rules compare them: one normal form for a sentence and for a rule's terms.

A rule lists the words a sentence must use ("canvass", "door knock"); a council writes
"Canvassing", "door-knocking", "organize". Both sides go through `normalise`, so a term matches
every inflection (Snowball's English stemmer), British and American spelling, and hyphen, space
and closed-compound variants. Misspellings are not guessed: a rule lists the ones councils make
("canvas for"), and they are normalised like any other term.

Small function words ("the", "of", "to") are dropped, so a phrase term ("head of paid service")
matches however those words are written, and a clause's phrases are its runs of up to
MAX_PHRASE_WORDS remaining words.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from functools import lru_cache
from typing import Any

MAX_PHRASE_WORDS = 3
_PRIVATE_SNOWBALL = "postcheck.record._snowball"


def _english_stemmer() -> Any:
    """Snowball's English stemmer, loaded without the rest of snowballstemmer.

    The package's __init__ imports every one of its three dozen stemmers, about 20 ms of every
    start-up, and postcheck stems English only. english_stemmer.py (and the two modules it
    imports, relatively) are loaded from snowballstemmer's folder as submodules of a private
    package that has no __init__ code; `import snowballstemmer` elsewhere is unaffected. With
    PyStemmer installed, snowballstemmer.stemmer() hands out that C stemmer instead, so then it
    is asked as before: a word stems as it always did."""
    spec = importlib.util.find_spec("snowballstemmer")
    folders = spec.submodule_search_locations if spec is not None else None
    if importlib.util.find_spec("Stemmer") is not None or not folders:
        import snowballstemmer  # PyStemmer's stemmer; or the usual ImportError

        return snowballstemmer.stemmer("english")
    if _PRIVATE_SNOWBALL not in sys.modules:
        package = types.ModuleType(_PRIVATE_SNOWBALL, "snowballstemmer's folder, no __init__")
        package.__path__ = list(folders)
        sys.modules[_PRIVATE_SNOWBALL] = package
    try:
        english = importlib.import_module(f"{_PRIVATE_SNOWBALL}.english_stemmer")
    except ImportError:  # a release laid out otherwise: the package's own way, slower to load
        import snowballstemmer

        return snowballstemmer.stemmer("english")
    return english.EnglishStemmer()


_STEMMER = _english_stemmer()
_WORD = re.compile(r"[a-z0-9]+")
# "co-ordinate", "sub-agent", "re-elect": a prefix joined by a hyphen is part of the word
_JOINED_PREFIX = re.compile(r"\b(co|sub|re|pre|non|by|vice)-(?=[a-z])")
_POSSESSIVE = re.compile(r"['’]s\b")
_APOSTROPHE = re.compile(r"['’]")
# American spellings to British: -ize/-yze verbs and the -or/-er nouns councils use
_IZE = re.compile(r"(?<=[a-z]{2})(iz|yz)(e|es|ed|ing|ation|ations|er|ers)$")
# American spellings to British, for the word and its inflections ("labors", "centered")
_SPELLING = (
    ("labor", "labour"),
    ("favor", "favour"),
    ("behavior", "behaviour"),
    ("honor", "honour"),
    ("neighbor", "neighbour"),
    ("endeavor", "endeavour"),
    ("color", "colour"),
    ("councilor", "councillor"),
    ("counselor", "counsellor"),
    ("centered", "centred"),
    ("centering", "centring"),
    ("center", "centre"),
    ("program", "programme"),
    ("defense", "defence"),
    ("offense", "offence"),
    ("judgment", "judgement"),
    ("enroll", "enrol"),
    ("canceled", "cancelled"),
    ("canceling", "cancelling"),
    ("traveled", "travelled"),
    ("traveling", "travelling"),
    ("modeled", "modelled"),
    ("modeling", "modelling"),
)
_INFLECTIONS = ("", "s", "ed", "ing", "er", "ers", "ment", "ments", "able", "ite", "ites")
_FUNCTION_WORDS = (
    "a an the of to for on in at by with from as and or into onto upon about its it this that "
    "these those their his her your our my be is are was were been being will shall would "
    "should there here which who whom whose any all each every some such also"
)
STOPWORDS = frozenset(_FUNCTION_WORDS.split())


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for american, british in _SPELLING:
        if word.startswith(american) and word[len(american) :] in _INFLECTIONS:
            word = british + word[len(american) :]
            break
    word = _IZE.sub(lambda m: ("is" if m[1] == "iz" else "ys") + m[2], word)
    return str(_STEMMER.stemWord(word))


def tokens(text: str) -> list[str]:
    """Lower-case words in order, possessives and apostrophes removed, "&" read as "and"."""
    text = text.lower().replace("&", " and ")
    text = _JOINED_PREFIX.sub(r"\1", text)
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    return _WORD.findall(text)


@lru_cache(maxsize=16384)
def normalise(text: str) -> tuple[str, ...]:
    """The text's content words, stemmed, in order.

    normalise("Door-knocking for the party") == ("door", "knock", "parti")."""
    return tuple(_stem(word) for word in content_words(text))


def content_words(text: str) -> list[str]:
    """The words of the text that count, in order, not yet stemmed: one for each word of
    normalise(text)."""
    return [word for word in tokens(text) if word not in STOPWORDS]


def phrases(words: tuple[str, ...]) -> list[str]:
    """Every run of 1 to MAX_PHRASE_WORDS words, joined by spaces, each once, in order."""
    seen: dict[str, None] = {}
    for size in range(1, MAX_PHRASE_WORDS + 1):
        for start in range(len(words) - size + 1):
            seen.setdefault(" ".join(words[start : start + size]), None)
    return list(seen)


class TermError(ValueError):
    """A term that cannot match anything once normalised."""


def check_term(term: str) -> None:
    """TermError for a term that cannot match anything: no content words, or more than are
    compared (as written, or with its hyphens read as spaces). Decided from the words before
    any is stemmed, so that loading a rule file checks its terms without stemming them: they
    are stemmed when a run compiles the rule, and `explain` compiles one rule of the catalogue."""
    if not content_words(term):
        raise TermError(f"term {term!r} has no content words (only {sorted(STOPWORDS)[:3]}...)")
    for written in dict.fromkeys((term, term.replace("-", " "))):
        count = len(content_words(written))
        if count > MAX_PHRASE_WORDS:
            raise TermError(
                f"term {term!r} has {count} content words; at most {MAX_PHRASE_WORDS} are compared"
            )


@lru_cache(maxsize=16384)
def term_forms(term: str) -> tuple[str, ...]:
    """What a rule's term matches among a clause's phrases: its normal form; for a term of
    several words also the closed compound ("door knock" matches "doorknocking" too); for a
    joined prefix also the spaced form ("sub-agent" matches "sub agent" too). TermError as
    check_term gives it.

    Kept once worked out: a check asks for each term's forms about four times (the compiler
    twice, the finding's location), some 1,400 times for 370 terms."""
    check_term(term)
    forms: dict[str, None] = {}
    for written in dict.fromkeys((term, term.replace("-", " "))):
        kept = normalise(written)
        forms.setdefault(" ".join(kept), None)
        if len(kept) > 1:
            forms.setdefault(_stem("".join(tokens(written))), None)
    return tuple(forms)
