"""Text for people: the recommendation table, the file tree of a dry run, the frameworks on offer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .needs import Recommendation
from .questions import FRAMEWORK_WORDS


def format_recommendation(rec: Recommendation) -> str:
    lines = [f"Recommended: {rec.framework} ({FRAMEWORK_WORDS[rec.framework]})", ""]
    lines += [f"  {place}. {fw:<8} {score:>3}" for place, (fw, score) in enumerate(rec.ranking, 1)]
    if rec.decided_by:
        lines += ["", f"A tie: {rec.decided_by}."]
    if rec.close_call:
        gap = rec.ranking[0][1] - rec.ranking[1][1]
        behind = f"is {gap} point{'s' * (gap != 1)} behind" if gap else "has as many points"
        lines += ["", f"A close call: {rec.runner_up} {behind}."]
        if rec.tips:
            lines.append(f"It would win with: {', '.join(rec.tips)}.")
    lines += [f"Sources disagree: {line}." for line in rec.disagreements]
    lines += ["", "Why (points counted; a group of related trade-offs counts up to its cap):"]
    for r in rec.reasons:
        capped = f" (of {r.points}, {r.group} is capped)" if r.counted < r.points else ""
        lines.append(f"  {r.counted:+d} {r.framework:<8} {r.tradeoff}  {r.why}{capped}")
    if not rec.reasons:
        lines.append("  No trade-off applies to these answers; the articles' default order decides.")
    lines += [f"Note: {note}" for note in rec.notes]
    stack = " ".join(f"{k}={v}" for k, v in rec.stack.items())
    lines += ["", f"Suggested stack: {stack}", "Each trade-off and its sources: docs/tradeoffs.md"]
    return "\n".join(lines)


def format_tree(root: str, paths: Iterable[str]) -> str:
    """An indented tree of relative POSIX paths (files only), folders first as they appear."""
    lines = [f"{root}/"]
    seen: set[tuple[str, ...]] = set()
    for path in sorted(paths):
        parts = tuple(path.split("/"))
        for depth in range(1, len(parts)):
            if parts[:depth] not in seen:
                seen.add(parts[:depth])
                lines.append(f"{'  ' * depth}{parts[depth - 1]}/")
        lines.append(f"{'  ' * len(parts)}{parts[-1]}")
    return "\n".join(lines)


def format_frameworks(described: Iterable[dict[str, Any]]) -> str:
    lines = []
    for item in described:
        lines.append(f"{item['framework']}: {FRAMEWORK_WORDS[item['framework']]}")
        for key, option in item["options"].items():
            choices = ", ".join(option["choices"])
            lines.append(f"  {key:<11} {choices}  (default: {option['default']})")
        lines.append("")
    return "\n".join(lines).rstrip()


def format_steps(steps: Iterable[Any]) -> str:
    lines = []
    for step in steps:
        path = f"{step.source} -> {step.path}" if step.source else step.path
        note = f"  ({step.note})" if step.note else ""
        lines.append(f"  {step.action:<8} {path}{note}")
    return "\n".join(lines) if lines else "  nothing to change"


def format_check(result: dict[str, Any]) -> str:
    name = result["project"]
    if result["status"] == "current":
        return f"{name} is current with scaffold {result['installed_version']}."
    lines = [f"{name} is behind scaffold {result['installed_version']} (made with {result['recorded_version']})."]
    if result["preset"]["changed"]:
        lines.append("Its preset changed since it was generated.")
    lines += [f"  {c['action']:<8} {c['from'] + ' -> ' if c['from'] else ''}{c['path']}" for c in result["changes"]]
    lines.append("Run `scaffold update` to apply.")
    return "\n".join(lines)
