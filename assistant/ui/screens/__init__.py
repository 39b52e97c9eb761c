"""The full-screen app's screens: home, chat, overview, proposal, help, modals, pre-intake pages, practice."""
