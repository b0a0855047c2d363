"""A cheap Spanish-aware sound key: names a clerk spells by ear come out the same.

"Hernández", "HERNANDES" and "Ernandez" share a key; so do "Yeny"/"Lleni",
"Vásquez"/"Basquez", "Gerson"/"Jerson", "Quiché"/"Kiche". Not Double Metaphone: the
slips it undoes are those of Spanish spelling (s/z/c, b/v, ll/y/i, silent h, qu/k,
ge/je), plus "x", "ch" and "sh" kept as one sound for Mayan names ("Xiloj"/"Shiloj").
"""

from reunify.families.names import fold


def _word_key(word: str) -> str:
    w = word.replace("'", "")
    out: list[str] = []
    i = 0
    while i < len(w):
        c = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        after = w[i + 2] if i + 2 < len(w) else ""
        step = 1
        if c in "cs" and nxt == "h":
            sound, step = "x", 2
        elif c == "l" and nxt == "l":
            sound, step = "i", 2
        elif c == "q" and nxt == "u":
            sound, step = "k", 2
        elif c == "g" and nxt == "u" and after and after in "ei":
            sound, step = "g", 2
        elif c == "g" and nxt and nxt in "ei":
            sound = "j"
        elif c == "c":
            sound = "s" if nxt and nxt in "ei" else "k"
        else:
            sound = {"z": "s", "v": "b", "y": "i", "h": "", "q": "k", "w": "u"}.get(c, c)
        out.append(sound)
        i += step
    collapsed: list[str] = []
    for sound in "".join(out):
        if not collapsed or collapsed[-1] != sound:
            collapsed.append(sound)
    return "".join(collapsed)


def phonetic_key(text: str) -> str:
    """The sound key of each word of `text`, space-separated ("" for no letters)."""
    return " ".join(key for word in fold(text).split() if (key := _word_key(word)))
