"""Who did what: the person behind each event, and a log of every read (Logboek Dataverwerkingen)."""
