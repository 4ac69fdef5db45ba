"""Things Family File writes out for people to keep: printed sheets and reports."""
