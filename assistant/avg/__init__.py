"""The data subject's rights (AVG): access (art. 15), erasure (art. 17), retention (art. 5 lid 1 e)."""
