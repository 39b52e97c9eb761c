from assistant.dialog.conditions import evaluate, references, shape_errors


def test_comparisons_on_answers():
    answers = {"lbt_status": "afgenomen", "onderwijs_jaren": 8, "kinderen_leeftijden": [12, 4], "talen": ["ar"]}
    assert evaluate({"equals": {"lbt_status": "afgenomen"}}, answers)
    assert not evaluate({"equals": {"lbt_status": "gepland"}}, answers)
    assert evaluate({"in": {"lbt_status": ["gepland", "afgenomen"]}}, answers)
    assert evaluate({"greater": {"onderwijs_jaren": 6}}, answers)
    assert not evaluate({"less": {"onderwijs_jaren": 8}}, answers)
    assert evaluate({"less": {"kinderen_leeftijden": 6}}, answers)  # any entry of a list
    assert not evaluate({"greater": {"kinderen_leeftijden": 12}}, answers)
    assert evaluate({"contains": {"talen": "ar"}}, answers)
    assert evaluate({"answered": "lbt_status"}, answers)


def test_unanswered_question_makes_comparison_false():
    assert not evaluate({"equals": {"bijstand": False}}, {})
    assert evaluate({"not": {"equals": {"bijstand": False}}}, {})
    assert not evaluate({"answered": "bijstand"}, {})


def test_combinations():
    a = {"x": 1, "y": "b"}
    assert evaluate({"all": [{"equals": {"x": 1}}, {"equals": {"y": "b"}}]}, a)
    assert not evaluate({"all": [{"equals": {"x": 1}}, {"equals": {"y": "c"}}]}, a)
    assert evaluate({"any": [{"equals": {"x": 2}}, {"equals": {"y": "b"}}]}, a)
    assert evaluate(None, a)


def test_booleans_are_not_numbers():
    assert not evaluate({"greater": {"flag": 0}}, {"flag": True})


def test_references_walk_nested_conditions():
    cond = {"all": [{"equals": {"a": 1}}, {"not": {"in": {"b": [1, 2]}}}, {"answered": "c"}]}
    assert [(op, q) for op, q, _ in references(cond)] == [("equals", "a"), ("in", "b"), ("answered", "c")]


def test_shape_errors_name_the_fix():
    assert list(shape_errors({"equals": {"a": 1}})) == []
    assert "unknown condition operator 'eq'" in next(shape_errors({"eq": {"a": 1}}))
    assert "list" in next(shape_errors({"in": {"a": 1}}))
    assert "number" in next(shape_errors({"greater": {"a": "x"}}))
    assert "exactly one operator" in next(shape_errors({"equals": {"a": 1}, "in": {"b": [1]}}))
