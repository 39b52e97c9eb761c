"""`intake training ...`: practice cases for trainers and trainees, headless.

    intake training list [--json]                     the cases: id, title, leerroute, skills
    intake training show CASE_ID [--json]             story, true answers, words, expected outcome
    intake training score CASE_ID ATTEMPT.json [--json] [--trainee NAME]
    intake training report [--json] [--trainee NAME]  scores over time, mistakes most made
    intake training start CASE_ID                     the plain conversation on the training store

This module only builds the parser at start-up; the work is imported per command.
"""

from __future__ import annotations

from pathlib import Path


def add_parser(sub) -> None:
    t = sub.add_parser("training", help="practice cases: list, show, score, report, start")
    ts = t.add_subparsers(dest="training_command", required=True)
    ls = ts.add_parser("list", help="list the practice cases")
    ls.add_argument("--json", action="store_true")
    sh = ts.add_parser("show", help="one practice case (for trainers)")
    sh.add_argument("case_id")
    sh.add_argument("--json", action="store_true", help="print JSON (the default)")
    sc = ts.add_parser("score", help="score an attempt (replay format with a besluit)")
    sc.add_argument("case_id")
    sc.add_argument("attempt", type=Path)
    sc.add_argument("--json", action="store_true")
    sc.add_argument("--trainee", help="name of the trainee (default: the attempt's, else the user name)")
    rp = ts.add_parser("report", help="per trainee and case: scores over time, mistakes most made")
    rp.add_argument("--json", action="store_true")
    rp.add_argument("--trainee")
    st = ts.add_parser("start", help="practise a case in the plain conversation (training store)")
    st.add_argument("case_id")
    st.add_argument("--trainee")
