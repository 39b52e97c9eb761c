"""Use cases, each written once: what a consulent, an inburgeraar, a trainer or a beheerder can do.

The front ends (`assistant.ui`, `assistant.plain`, `assistant.cli`) call these
and render what they return (`conversation.Conversation`, the engine's `Step`,
`views`); none of them reaches into the engine or a store backend.
"""
