"""The practitioner's identity file: one file, their identity and signing key, encrypted.

Layout (UTF-8 JSON, written atomically, mode 0600)::

    {"format": "familyfile-practitioner-identity", "version": 1, "file_id": "<hex>",
     "kdf": {"algorithm": "argon2id", ..., "salt": "<b64>"},
     "cipher": "AES-256-GCM", "nonce": "<b64>", "ciphertext": "<b64>", "checksum": "<sha256>"}

The key is Argon2id of the passphrase (``store.key_header.passphrase_key`` and its
``KdfParams``); AES-256-GCM seals a JSON object with ``name``, ``role``, ``organisation``,
``ods_code``, ``identity_id``, ``created_utc`` and ``private_key`` (PKCS#8 DER, base64). The
additional data binds the format, version, file id, KDF parameters and salt. As in the key
header, a SHA-256 checksum over the header tells a damaged file (:class:`IdentityFileDamaged`)
from a wrong passphrase (``errors.WrongPassphraseError``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from familyfile import errors
from familyfile.store.atomic_file import write_atomic
from familyfile.store.key_header import PRODUCTION_KDF, KdfParams, passphrase_key

FORMAT = "familyfile-practitioner-identity"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024


class IdentityFileDamaged(errors.DamagedFileError):
    """The identity file is not intact (or not an identity file at all)."""

    code = "identity-file-damaged"


@dataclass(frozen=True)
class IdentityFileContents:
    """What the file holds once opened: the identity's fields and the private key (PKCS#8)."""

    identity: dict[str, Any]
    private_key: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


def _aad(file_id: str, kdf: KdfParams, salt: bytes) -> bytes:
    params = json.dumps(kdf.to_json(), sort_keys=True)
    return f"{FORMAT}/{VERSION}/{file_id}/{params}/{salt.hex()}".encode()


def encode(contents: IdentityFileContents, passphrase: str, kdf: KdfParams = PRODUCTION_KDF) -> bytes:
    """The file's bytes (a fresh salt and nonce each time)."""
    file_id, salt, nonce = secrets.token_hex(16), os.urandom(16), os.urandom(12)
    plain = json.dumps({**contents.identity, "private_key": _b64(contents.private_key)},
                       sort_keys=True, separators=(",", ":")).encode("utf-8")
    sealed = AESGCM(passphrase_key(passphrase, salt, kdf)).encrypt(nonce, plain, _aad(file_id, kdf, salt))
    body: dict[str, Any] = {"format": FORMAT, "version": VERSION, "file_id": file_id,
                            "kdf": kdf.to_json() | {"salt": _b64(salt)}, "cipher": "AES-256-GCM",
                            "nonce": _b64(nonce), "ciphertext": _b64(sealed)}
    body["checksum"] = _checksum(body)
    return (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _header(data: bytes) -> tuple[str, KdfParams, bytes, bytes, bytes]:
    """(file id, KDF parameters, salt, nonce, ciphertext); IdentityFileDamaged when not intact."""
    try:
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ValueError("not an identity file")
        if body.get("version") != VERSION:
            raise ValueError("unknown version")
        checksum = body.pop("checksum", None)
        if checksum != _checksum(body):
            raise ValueError("checksum")
        kdf = body["kdf"]
        if kdf.get("algorithm") != "argon2id" or body.get("cipher") != "AES-256-GCM":
            raise ValueError("algorithm")
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        file_id = str(body["file_id"])
        bytes.fromhex(file_id)
        return file_id, params, _unb64(kdf["salt"]), _unb64(body["nonce"]), _unb64(body["ciphertext"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as exc:
        raise IdentityFileDamaged("identity file header") from exc


def decode(data: bytes, passphrase: str) -> IdentityFileContents:
    """Open the file's bytes: WrongPassphraseError or IdentityFileDamaged when they do not open."""
    if len(data) > MAX_FILE_BYTES:
        raise IdentityFileDamaged("too large")
    file_id, kdf, salt, nonce, sealed = _header(data)
    try:
        plain = AESGCM(passphrase_key(passphrase, salt, kdf)).decrypt(nonce, sealed, _aad(file_id, kdf, salt))
    except InvalidTag:
        raise errors.WrongPassphraseError("identity file did not open") from None
    except ValueError as exc:  # a nonce of the wrong size: the header was damaged
        raise IdentityFileDamaged("identity file nonce") from exc
    try:
        fields = json.loads(plain.decode("utf-8"))
        private_key = _unb64(fields.pop("private_key"))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as exc:
        raise IdentityFileDamaged("identity file contents") from exc
    return IdentityFileContents(fields, private_key)


def write(path: Path, contents: IdentityFileContents, passphrase: str, *,
          kdf: KdfParams = PRODUCTION_KDF, overwrite: bool = False) -> None:
    """Write the file atomically (0600); refuses to replace an existing file unless asked."""
    if path.exists() and not overwrite:
        raise errors.FamilyFileExistsError("identity file exists")
    write_atomic(path, encode(contents, passphrase, kdf))
    os.chmod(path, 0o600)


def read(path: Path, passphrase: str) -> IdentityFileContents:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise errors.NoFamilyFileError("no identity file") from None
    except OSError as exc:
        raise errors.StorageError(type(exc).__name__) from None
    return decode(data, passphrase)
