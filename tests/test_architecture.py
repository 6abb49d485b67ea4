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
