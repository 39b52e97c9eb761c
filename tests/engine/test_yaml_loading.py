"""libyaml where present, the pure-Python loader otherwise: same data, same line numbers."""

import pytest
import yaml

from assistant.base import paths, yaml_lines
from assistant.base.yamlload import SafeLoader, safe_load


def test_libyaml_is_used_when_present():
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML without libyaml: the fallback is used")
    assert SafeLoader is yaml.CSafeLoader


@pytest.mark.parametrize("path", sorted(paths.resource_dir("law").glob("*.yaml"))
                         + sorted(paths.resource_dir("dialogs").glob("*.yaml")))
def test_the_fast_loader_reads_the_same_as_the_python_one(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    assert safe_load(text) == yaml.safe_load(text)
    fast = yaml_lines.load(text)
    monkeypatch.setattr(yaml_lines, "_COMPOSER", yaml.SafeLoader)
    slow = yaml_lines.load(text)
    assert fast == slow
    lines = lambda node: [(t.line, t.key_lines, [q.line for q in t.get("questions") or ()])  # noqa: E731
                          for t in node.get("topics", ())] if isinstance(node, dict) else None
    assert lines(fast) == lines(slow)
