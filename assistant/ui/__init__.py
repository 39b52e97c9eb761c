"""The Textual chat UI: the only package that imports Textual."""
