"""Reusable widgets of the chat: the answer inputs, transcript, topic panel, footer and text rendering."""
