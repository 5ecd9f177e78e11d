"""`postcheck authorities`: what each known council's file states, so that a user can see which
councils have context (and which facts are missing, leaving rules silent) before a run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from postcheck.rules.authorities import Authority, AuthorityDirectory


def describe(authority: Authority, path: Path | None) -> dict[str, Any]:
    """The facts a file states, as plain data; None where the file leaves a fact unknown."""
    groups = authority.political_groups
    return {
        "name": authority.name,
        "aliases": list(authority.aliases),
        "file": str(path) if path is not None else None,
        "country": authority.country.value if authority.country else None,
        "governance": authority.governance.model.value if authority.governance.model else None,
        "mayor_terms": [
            {"start": t.start.isoformat(), "end": t.end.isoformat() if t.end else None}
            for t in authority.mayor_terms
        ],
        "seats": authority.seats,
        "political_groups": len(groups) if groups is not None else None,
        "grade_scale": authority.grade_scale is not None,
        "grades": len(authority.grade_scale.grades) if authority.grade_scale else 0,
        "min_office_days": authority.office_attendance.min_office_days,
        "annual_meetings": [m.date.isoformat() for m in authority.annual_meetings],
    }


def listing(directory: AuthorityDirectory) -> list[dict[str, Any]]:
    """Every known council in name order, then the default context used for all others."""
    rows = [
        describe(a, directory.sources.get(a.name))
        for a in sorted(directory.authorities, key=lambda a: a.name.casefold())
    ]
    return [*rows, describe(directory.default, directory.sources.get(directory.default.name))]


def render_text(rows: list[dict[str, Any]]) -> str:
    """One block per council; 'unknown' marks a fact the file leaves out."""
    lines: list[str] = []
    for row in rows:
        lines.append(row["name"] + (f"  ({row['file']})" if row["file"] else "  (built in)"))
        if row["aliases"]:
            lines.append(f"  aliases:         {', '.join(row['aliases'])}")
        lines.append(f"  country:         {row['country'] or 'unknown'}")
        lines.append(f"  governance:      {row['governance'] or 'unknown'}")
        terms = ", ".join(f"{t['start']} to {t['end'] or 'open'}" for t in row["mayor_terms"])
        lines.append(f"  mayor terms:     {terms or 'none stated'}")
        lines.append(f"  seats:           {_or_unknown(row['seats'])}")
        lines.append(f"  groups:          {_or_unknown(row['political_groups'])}")
        scale = f"yes ({row['grades']} grades)" if row["grade_scale"] else "no"
        lines.append(f"  grade scale:     {scale}")
        lines.append(f"  office days:     {_or_unknown(row['min_office_days'])}")
        lines.append(f"  annual meetings: {', '.join(row['annual_meetings']) or 'none stated'}")
        lines.append("")
    known = len(rows) - 1
    lines.append(f"{known} council{'' if known == 1 else 's'} with an authority file")
    return "\n".join(lines)


def _or_unknown(value: object) -> str:
    return "unknown" if value is None else str(value)
