"""This course's own browser tests, against its real built site (the `site` fixture)."""
