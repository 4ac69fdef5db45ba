-- 0006: practitioners' public keys the family trusts for importing confirmed entries
-- (docs/practitioner.md), kept inside the encrypted family file. One key per issuer
-- (``familyfile-practitioner:<uuid>``); a card signed with another key for a pinned issuer
-- is refused ("key changed"), never silently re-pinned.

CREATE TABLE trusted_signer (
    issuer      TEXT PRIMARY KEY,
    jwk         TEXT NOT NULL,               -- the public JWK (crv, kty, x, y), JSON
    name        TEXT NOT NULL,               -- "name, role, organisation" from their key card
    pinned_utc  TEXT NOT NULL
) STRICT;
