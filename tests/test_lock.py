"""The committed locks agree with pyproject.toml and with each other.

`scripts/update-lock` writes them; this fails when pyproject.toml changed
without it (a dependency added, dropped or re-ranged), when a locked version
falls outside its range, or when a pin lacks its hashes.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
RUNTIME, TEST = ROOT / "requirements.lock", ROOT / "requirements-test.lock"
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)


def _digest_module():
    spec = importlib.util.spec_from_file_location("lock_digest", ROOT / "scripts" / "lock_digest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pins(lock: Path) -> dict[str, tuple[str, int]]:
    return {canonicalize_name(name): (version, hashes.count("--hash="))
            for name, version, hashes in _PIN.findall(lock.read_text("utf-8"))}


def test_each_lock_was_made_from_the_current_pyproject():
    lock_digest = _digest_module()
    for lock in (RUNTIME, TEST):
        first = lock.read_text("utf-8").splitlines()[0]
        assert first == lock_digest.HEADER + lock_digest.digest(), \
            f"{lock.name} is older than pyproject.toml's dependencies: run scripts/update-lock"


def test_every_declared_dependency_is_locked_within_its_range():
    lists = _digest_module().dependency_lists()
    for lock, declared in ((RUNTIME, lists["dependencies"]),
                           (TEST, lists["dependencies"] + lists["optional"]["test"] + lists["build"])):
        locked = pins(lock)
        for line in declared:
            req = Requirement(line)
            name = canonicalize_name(req.name)
            assert name in locked, f"{req.name} is not in {lock.name}"
            assert req.specifier.contains(locked[name][0], prereleases=True), \
                f"{lock.name} has {req.name}=={locked[name][0]}, pyproject asks {req.specifier}"


def test_every_pin_is_exact_and_hashed():
    for lock in (RUNTIME, TEST):
        locked = pins(lock)
        assert len(locked) >= 20
        unhashed = [name for name, (_, hashes) in locked.items() if hashes == 0]
        assert unhashed == [], f"{lock.name}: pins without --hash: {unhashed}"
        requirement_lines = [line for line in lock.read_text("utf-8").splitlines() if line and line[0].isalnum()]
        assert len(requirement_lines) == len(locked)   # nothing but name==version lines


def test_the_test_lock_extends_the_runtime_lock_with_the_same_versions():
    runtime, test = pins(RUNTIME), pins(TEST)
    differ = {n: (v, test.get(n, ("missing",))[0]) for n, (v, _) in runtime.items() if test.get(n, (None,))[0] != v}
    assert differ == {}
    assert {"pytest", "hypothesis", "textstat"} <= set(test) and not {"pytest", "textstat"} & set(runtime)
