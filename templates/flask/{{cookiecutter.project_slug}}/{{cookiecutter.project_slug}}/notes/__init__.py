"""Notes pages: the signed-in user reads the notes and writes new ones (the API's resource)."""
