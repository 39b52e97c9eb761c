"""The pre-intake's resume code: short to copy, long enough not to guess.

The inburgeraar alone has no account. To continue later they type back a
code shown at the start and at every pause. Choices, and why:
- 8 characters from 23 that cannot be mixed up when read aloud or copied by
  hand (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, no G/Q): 23**8 = about 7.8e10 codes.
  Shown as two groups of four ("KXR7-M4TD").
- Guessing: the view ends after `MAX_TRIES` wrong codes, so a guesser needs a
  new process per handful of tries; with a few hundred open pre-intakes the
  chance per try stays below one in 10**8.
- Only a salted SHA-256 of the code is stored (an event `resume_code`), so
  the store and its audit exports do not hold a key to the session.
- Spaces, dashes and lower case are ignored when typed back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from assistant.store.contract import SessionStore

ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
LENGTH = 8
MAX_TRIES = 5


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise(typed: str) -> str | None:
    """The code as stored, or None when it cannot be one (wrong length or letters)."""
    code = "".join(ch for ch in (typed or "").upper() if ch not in " -\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def digest(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def seal(code: str) -> tuple[str, str]:
    salt = secrets.token_hex(16)
    return salt, digest(code, salt)


def find(store: SessionStore, code: str) -> str | None:
    """The pre-intake session whose code this is, or None.

    Reads only the first events of each pre-intake (the code is set right
    after consent), and never a training session.
    """
    for row in store.sessions():
        if row.mode != "pre_intake":
            continue
        for i, event in enumerate(store.events(row.id)):
            if event.kind == "resume_code":
                data = event.data
                if hmac.compare_digest(digest(code, data.get("salt", "")), data.get("digest", "")):
                    found: str = row.id
                    return found
                break
            if i > 8:
                break
    return None
