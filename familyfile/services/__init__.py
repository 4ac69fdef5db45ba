"""Use cases shared by the desktop app and the command line. No Qt, no SQL."""
