"""The only package that speaks SQL or touches sqlcipher3."""
