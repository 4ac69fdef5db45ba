-- 0005: the family's ES256 signing keys for signed cards (docs/cards.md), kept inside the
-- encrypted database only. Exactly one key is current (retired_utc NULL); a rotated key is
-- kept, retired, so cards it signed can still be reported as "signed by the previous key".

CREATE TABLE signing_key (
    kid          TEXT PRIMARY KEY,            -- RFC 7638 thumbprint of the public key
    private_key  BLOB NOT NULL,               -- PKCS#8 DER, never leaves the vault
    created_utc  TEXT NOT NULL,
    retired_utc  TEXT
) STRICT;

CREATE UNIQUE INDEX signing_key_one_current ON signing_key ((retired_utc IS NULL))
    WHERE retired_utc IS NULL;

CREATE TRIGGER signing_key_no_delete BEFORE DELETE ON signing_key
BEGIN
    SELECT RAISE(ABORT, 'signing keys are retired, never deleted');
END;
