"""`intake serve`: the app in a browser through textual-serve (`server`), one app process per tab (`process`)."""
