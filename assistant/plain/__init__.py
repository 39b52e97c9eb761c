"""The plain line-by-line front end: the intake (`conversation`) and practice (`practice`) in any terminal."""
