"""The desktop app (PySide6 only). Talks to familyfile.services, never to SQL."""
