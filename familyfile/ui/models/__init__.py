"""Qt item models over what the services return."""
