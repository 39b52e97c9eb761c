"""The leaf of the package: paths, untrusted text, YAML, private files, dates, settings, identity,
messages and the one error base class. Imports nothing else of the assistant.
"""
