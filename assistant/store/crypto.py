"""Encryption at rest: a master key outside the store, one data key per session.

Why this design (docs/privacy.md has the long version): every event payload is
sealed with AES-256-GCM under a random key that belongs to one session. That
data key is stored in the database only wrapped (AES-GCM again) by the master
key, which lives outside the store: a 0600 file in the user's config folder,
made on first use so a fresh ``./start`` needs no configuration, or, for
servers, derived with scrypt from a passphrase in ``INTAKE_STORE_PASSPHRASE``.
Erasing a session deletes its wrapped data key, so even a copy of the events
that survived somewhere (a backup, a free page) can no longer be read.

The associated data binds each ciphertext to its session, sequence number and
kind, so a payload moved to another row fails to open instead of lying. A
keyed hash (HMAC-SHA256 with a key derived from the master key) chains the
events; see `chain`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from assistant.base import paths

PASSPHRASE_ENV = "INTAKE_STORE_PASSPHRASE"  # noqa: S105 (the variable's name, not a passphrase)
KEY_FILE = "store.key"
PREFIX = "e1:"          # marks an encrypted payload (version 1 of the format)
_NONCE = 12
_CHECK = b"intake-assistent master key check"


class KeyProblem(Exception):
    """The master key is missing, unreadable or not the one this store was made with."""

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.code, self.details = code, details


def key_file() -> Path:
    return paths.config_dir() / KEY_FILE


def load_or_create_master(salt: bytes | None = None) -> tuple[bytes, str]:
    """The master key and where it came from ('env' or the key file's path).

    `salt` is the store's own scrypt salt, used only with a passphrase.
    """
    phrase = os.environ.get(PASSPHRASE_ENV)
    if phrase:
        if not salt:
            raise KeyProblem("no_salt")
        return _derive(phrase, salt), "env"
    path = key_file()
    if not path.exists():
        _create_key_file(path)
    try:
        st = path.stat()
        if st.st_mode & 0o077:
            path.chmod(0o600)  # a key readable by others is fixed, not used as is
        raw = base64.b64decode(path.read_bytes().strip(), validate=True)
    except (OSError, ValueError):
        raise KeyProblem("key_unreadable", path=str(path)) from None
    if len(raw) != 32:
        raise KeyProblem("key_unreadable", path=str(path))
    return raw, str(path)


@lru_cache(maxsize=4)
def _derive(phrase: str, salt: bytes) -> bytes:
    """scrypt takes ~50 ms on purpose; the caseload opens the store often, so once per process."""
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(phrase.encode("utf-8"))


def _create_key_file(path: Path) -> None:
    """Write a new random key atomically: a second process never reads half a key."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, base64.b64encode(os.urandom(32)) + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails if another process made the key first: then theirs is used
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def key_check(master: bytes) -> str:
    """A value stored in the store's meta table: proves later that the same key is used."""
    return PREFIX + base64.b64encode(hmac.new(master, _CHECK, hashlib.sha256).digest()).decode()


class Keys:
    """Wraps and unwraps session keys, seals and opens payloads, chains events."""

    def __init__(self, master: bytes) -> None:
        self._wrap = AESGCM(master)
        self._mac = hmac.new(master, b"intake-assistent event chain", hashlib.sha256).digest()
        self._cache: dict[str, AESGCM] = {}

    def new_session_key(self, sid: str) -> bytes:
        key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(_NONCE)
        self._cache[sid] = AESGCM(key)
        return nonce + self._wrap.encrypt(nonce, key, b"session-key:" + sid.encode())

    def load_session_key(self, sid: str, wrapped: bytes) -> None:
        try:
            key = self._wrap.decrypt(wrapped[:_NONCE], wrapped[_NONCE:], b"session-key:" + sid.encode())
        except InvalidTag:
            raise KeyProblem("wrong_key", session=sid) from None
        self._cache[sid] = AESGCM(key)

    def has(self, sid: str) -> bool:
        return sid in self._cache

    def forget(self, sid: str) -> None:
        self._cache.pop(sid, None)

    def seal(self, sid: str, seq: int, kind: str, plaintext: str) -> str:
        nonce = os.urandom(_NONCE)
        ct = self._cache[sid].encrypt(nonce, plaintext.encode("utf-8"), _aad(sid, seq, kind))
        return PREFIX + base64.b64encode(nonce + ct).decode("ascii")

    def open(self, sid: str, seq: int, kind: str, stored: str) -> str:
        """The plaintext; raises ValueError when the row was changed or moved."""
        if not stored.startswith(PREFIX):
            raise ValueError("not an encrypted payload")
        blob = base64.b64decode(stored[len(PREFIX):], validate=True)
        try:
            return self._cache[sid].decrypt(blob[:_NONCE], blob[_NONCE:], _aad(sid, seq, kind)).decode("utf-8")
        except InvalidTag:
            raise ValueError("payload does not match its row") from None

    def chain(self, prev: str, fields: tuple[object, ...]) -> str:
        """The next link: a keyed hash over the previous link and this row as stored.

        Keyed, so whoever edits the file without the master key cannot make a
        changed, removed or reordered row fit the chain again.
        """
        msg = prev.encode() + b"\x1f" + "\x1f".join(str(f) for f in fields).encode("utf-8")
        return hmac.new(self._mac, msg, hashlib.sha256).hexdigest()


def _aad(sid: str, seq: int, kind: str) -> bytes:
    return f"{sid}\x1f{seq}\x1f{kind}".encode()
