"""The key header: the database's data key, wrapped under the passphrase and the recovery key.

The data key is derived from the recovery secret (HKDF), so the recovery sheet alone
can open the database even when every copy of this header is lost. The header also
wraps it under Argon2id of the passphrase (AES-256-GCM), and records the KDF
parameters and a generation counter that only grows.

The header is written atomically to ``<family file>-keys`` and then to a mirror,
``<family file>-keys.bak``; a checksum tells a damaged header from a wrong passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from familyfile import errors
from familyfile.store.atomic_file import write_atomic

FORMAT = "familyfile-key-header"
VERSION = 1
KDF_FLOOR_MEMORY_KIB = 64 * 1024
KDF_FLOOR_ITERATIONS = 3


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 2

    def to_json(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", "version": 19, "memory_kib": self.memory_kib,
                "iterations": self.iterations, "lanes": self.lanes}


#: Production parameters: 256 MiB, 3 passes, 2 lanes (about 0.75 s on a 2-core machine).
PRODUCTION_KDF = KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, time_cost=params.iterations,
        memory_cost=params.memory_kib, parallelism=params.lanes, hash_len=32, type=Type.ID,
    )


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def data_key_from_recovery(recovery_secret: bytes) -> bytes:
    """The data key follows from the recovery secret alone, so the sheet works without a header."""
    return _hkdf(recovery_secret, b"familyfile", b"familyfile data key v1")


def key_id(data_key: bytes) -> str:
    """A public name for a data key: tells whether two files share a key, reveals nothing."""
    return hashlib.sha256(b"familyfile key id v1" + data_key).hexdigest()[:32]


def _recovery_wrap_key(recovery_secret: bytes, file_id: str) -> bytes:
    return _hkdf(recovery_secret, bytes.fromhex(file_id), b"familyfile recovery wrap v1")


@dataclass(frozen=True)
class Slot:
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, str]:
        return {"cipher": "AES-256-GCM", "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        if data.get("cipher") != "AES-256-GCM":
            raise ValueError("cipher")
        return cls(_unb64(data["nonce"]), _unb64(data["wrapped_key"]))


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> Slot:
    nonce = os.urandom(12)
    return Slot(nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def _open(key: bytes, slot: Slot, aad: bytes) -> bytes | None:
    try:
        return AESGCM(key).decrypt(slot.nonce, slot.wrapped, aad)
    except InvalidTag:
        return None


@dataclass(frozen=True)
class KeyHeader:
    file_id: str
    generation: int
    kdf: KdfParams
    salt: bytes
    passphrase_slot: Slot
    recovery_slot: Slot
    key_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    # -- creating and unwrapping -------------------------------------------------
    @classmethod
    def create(cls, *, file_id: str, data_key: bytes, passphrase: str, recovery_secret: bytes,
               kdf: KdfParams, generation: int = 1) -> KeyHeader:
        salt = os.urandom(16)
        header = cls(file_id, generation, kdf, salt, Slot(b"", b""), Slot(b"", b""),
                     key_id(data_key))
        pass_slot = _seal(passphrase_key(passphrase, salt, kdf), data_key, header._aad("passphrase"))
        rec_slot = _seal(_recovery_wrap_key(recovery_secret, file_id), data_key,
                         header._aad("recovery"))
        return replace(header, passphrase_slot=pass_slot, recovery_slot=rec_slot)

    def _aad(self, slot: str) -> bytes:
        if slot == "recovery":
            return f"{FORMAT}/{VERSION}/{self.file_id}/recovery".encode()
        params = json.dumps(self.kdf.to_json(), sort_keys=True)
        return f"{FORMAT}/{VERSION}/{self.file_id}/{slot}/{params}/{self.salt.hex()}".encode()

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        """The data key; WrongPassphraseError after the full KDF cost when it doesn't fit."""
        key = passphrase_key(passphrase, self.salt, self.kdf)
        data_key = _open(key, self.passphrase_slot, self._aad("passphrase"))
        if data_key is None:
            raise errors.WrongPassphraseError("passphrase slot did not open")
        return data_key

    def unwrap_with_recovery(self, recovery_secret: bytes) -> bytes:
        data_key = _open(_recovery_wrap_key(recovery_secret, self.file_id), self.recovery_slot,
                         self._aad("recovery"))
        if data_key is None:
            raise errors.WrongRecoveryKeyError("recovery slot did not open")
        return data_key

    def rewrap_passphrase(self, data_key: bytes, new_passphrase: str,
                          kdf: KdfParams | None = None) -> KeyHeader:
        """The same data key under a new passphrase (and fresh salt); generation + 1."""
        kdf = kdf or self.kdf
        salt = os.urandom(16)
        base = replace(self, kdf=kdf, salt=salt, generation=self.generation + 1)
        slot = _seal(passphrase_key(new_passphrase, salt, kdf), data_key, base._aad("passphrase"))
        return replace(base, passphrase_slot=slot)

    def with_generation(self, generation: int) -> KeyHeader:
        return replace(self, generation=generation)

    # -- serialising --------------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        kdf = self.kdf.to_json() | {"salt": _b64(self.salt)}
        return {
            "format": FORMAT, "version": VERSION, "file_id": self.file_id,
            "generation": self.generation, "kdf": kdf,
            "passphrase_slot": self.passphrase_slot.to_json(),
            "recovery_slot": self.recovery_slot.to_json(), "key_id": self.key_id,
        } | self.extra

    def to_bytes(self) -> bytes:
        body = self._body()
        body["checksum"] = _checksum(body)
        return (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyHeader:
        """Parse and check; ValueError when the bytes are not an intact header."""
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ValueError("not a key header")
        if body.get("version") != VERSION:
            raise ValueError("unknown key header version")
        checksum = body.pop("checksum", None)
        if checksum != _checksum(body):
            raise ValueError("checksum")
        kdf = body["kdf"]
        if kdf.get("algorithm") != "argon2id":
            raise ValueError("kdf")
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        known = {"format", "version", "file_id", "generation", "kdf", "passphrase_slot",
                 "recovery_slot", "key_id"}
        extra = {k: v for k, v in body.items() if k not in known}
        bytes.fromhex(body["file_id"])
        return cls(str(body["file_id"]), int(body["generation"]), params, _unb64(kdf["salt"]),
                   Slot.from_json(body["passphrase_slot"]), Slot.from_json(body["recovery_slot"]),
                   str(body["key_id"]), extra)


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


# -- on disk -----------------------------------------------------------------------
def header_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-keys")


def mirror_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-keys.bak")


def pending_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-keys.pending")


def write_pending(db_path: Path, header: KeyHeader) -> None:
    write_atomic(pending_path(db_path), header.to_bytes())


def write_header(db_path: Path, header: KeyHeader) -> None:
    """Write the header, then its mirror; each write is atomic."""
    data = header.to_bytes()
    write_atomic(header_path(db_path), data)
    write_atomic(mirror_path(db_path), data)


def _read_one(path: Path) -> KeyHeader | None:
    try:
        return KeyHeader.from_bytes(path.read_bytes())
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def read_header(db_path: Path) -> KeyHeader:
    """The header, or its mirror when the header is damaged or gone."""
    for path in (header_path(db_path), mirror_path(db_path)):
        header = _read_one(path)
        if header is not None:
            return header
    raise errors.KeyHeaderMissingError("no readable key header")


def read_pending(db_path: Path) -> KeyHeader | None:
    return _read_one(pending_path(db_path))
