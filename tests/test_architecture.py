"""Architecture rules of issue 20 that a reviewer would otherwise check by hand."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "policyie"


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))]


def _is_module(package: str, name: str) -> bool:
    """A package's own helper module (extractors._localities) may be imported by its siblings."""
    base = PACKAGE.parent.joinpath(*package.split("."))
    return (base / f"{name}.py").exists() or (base / name / "__init__.py").exists()


def _private_imports(tree: ast.Module) -> list[str]:
    return [
        f"from {node.module} import {alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("policyie")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__") and not _is_module(node.module, alias.name)
    ]


def test_no_module_imports_a_private_name_of_another() -> None:
    """`from policyie.x import _y`: what one module keeps private no other module reads."""
    bad = [f"{path.relative_to(PACKAGE.parent)}: {imp}" for path, tree in _modules() for imp in _private_imports(tree)]
    assert not bad, "\n".join(bad)


def test_the_private_import_check_catches_one() -> None:
    tree = ast.parse("from policyie.extractors._people import _is_common_word, surnames\n"
                     "from policyie.extractors import _localities\n")
    assert _private_imports(tree) == ["from policyie.extractors._people import _is_common_word"]


def test_no_function_is_longer_than_80_lines() -> None:
    long = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 80
    ]
    assert not long, "cut these into named steps:\n" + "\n".join(long)


def _constants_bound_twice(tree: ast.Module) -> list[str]:
    """Module-level names in capitals assigned more than once: the later one silently replaces the earlier for every
    reader (a second _TOWNSHIP_KINDS, a second _MINISTER_POSTS did)."""
    seen: dict[str, int] = {}
    twice = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for t in targets:
            if isinstance(t, ast.Name) and t.id.lstrip("_")[:1].isupper() and t.id.upper() == t.id:
                if t.id in seen:
                    twice.append(f"{t.id} (lines {seen[t.id]} and {node.lineno})")
                seen.setdefault(t.id, node.lineno)
    return twice


def test_no_module_binds_a_constant_twice() -> None:
    bad = [f"{path.relative_to(PACKAGE.parent)}: {x}" for path, tree in _modules() for x in _constants_bound_twice(tree)]
    assert not bad, "\n".join(bad)


def test_the_constant_check_catches_one() -> None:
    tree = ast.parse('_KINDS = ("镇", "乡")\nOTHER = 1\n_KINDS = ("镇",)\nlower = 1\nlower = 2\n')
    assert _constants_bound_twice(tree) == ["_KINDS (lines 1 and 3)"]
