"""The key footer, recomposed only when the keys it shows change.

Textual's `Footer` recomposes on every focus change (the screen's bindings
signal) and each recompose leaves its old `FooterKey`s referenced from the
footer's `compact` watchers (Textual 8.2). On a long-lived chat that is a leak
per turn. Our footers show screen-level keys only, which do not change with
focus, so this footer rebuilds only when what it would show is different.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: tuple | None = None

    def bindings_changed(self, screen) -> None:
        shown = tuple((b.key, b.description, enabled) for (_, b, enabled, _t) in screen.active_bindings.values()
                      if b.show)
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # the recompose below will happen
        super().bindings_changed(screen)
