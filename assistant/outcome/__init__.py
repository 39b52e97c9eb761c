"""What an intake's answers lead to (`compute`: proposal, deadlines, decision, DUO body) and the
replay contract for case files (`cases`); the composition of engine, advice, DUO and validation.
"""
