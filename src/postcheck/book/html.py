"""The rule book as one self-contained, printable HTML file.

Everything is inline (one style sheet, no script, no image), so the file can be mailed,
archived and printed, and opens years later with no network. Every text in it comes from
files a reviewer did not write (rule files, features, the law file), so every text goes
through `el`, which escapes it; only `Markup` made by `el` is trusted. A
Content-Security-Policy admits only the file's own style sheet (by its hash) and forbids
every script, fetch and form, so a mistake here could neither run anything nor call out.

Printed, each area starts on a new page, as do the matrix and the indexes; links print their
address after them, so the paper copy keeps every provision's address.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

from postcheck import __version__
from postcheck.book.assemble import (
    AreaSection,
    Book,
    MatrixRow,
    ParameterEntry,
    ProvisionSection,
    RuleEntry,
    ScenarioEntry,
)
from postcheck.book.provisions import WEB_ADDRESS, Provision
from postcheck.book.scenarios import PLACEHOLDER, RunStatus, Scenario, ScenarioStatus, Step
from postcheck.book.signoff import Review
from postcheck.rules.model import Area, Certainty

_UNSAFE_IN_STYLE = re.compile(r"</style|<!--", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"\n]*)"')


class Markup(str):
    """HTML made by `el`: already escaped, so it is not escaped again."""

    __slots__ = ()


Child = str | Markup | None | Iterable["Child"]


def esc(text: str) -> Markup:
    return text if isinstance(text, Markup) else Markup(html.escape(text, quote=True))


def el(tag: str, *children: Child, **attrs: str | bool | None) -> Markup:
    """An element; text children and attribute values escaped. `class_` is `class`,
    `data_x` is `data-x`; an attribute that is None or False is left out."""
    parts = [f"<{tag}"]
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f" {key}" if value is True else f' {key}="{esc(str(value))}"')
    parts.append(">")
    if tag in ("br", "meta", "hr"):
        return Markup("".join(parts))
    return Markup("".join(parts) + join(children) + f"</{tag}>")


def join(children: Iterable[Child]) -> Markup:
    out: list[str] = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            out.append(esc(child))
        else:
            out.append(join(child))
    return Markup("".join(out))


def link(url: str, text: str | Markup | None = None) -> Markup:
    """A link to a web address; anything that is not one stays text."""
    if not WEB_ADDRESS.fullmatch(url):
        return esc(text if text is not None else url)
    shown = text if text is not None else url
    return el("a", shown, href=url, rel="noreferrer", class_="addr" if text is None else None)


# ---- the page -----------------------------------------------------------------------------


def render_html(book: Book) -> str:
    """The whole book, as ASCII (non-ASCII as character references), whatever the stream."""
    style = _style()
    body = join(
        [
            _cover(book),
            _contents(book),
            el(
                "main",
                [_area(book, section) for section in book.areas],
                _matrix(book),
                _reverse(book),
                _uncertain(book),
                _uncovered(book),
                _signoff(book),
                _untraced(book),
            ),
            el("footer", f"postcheck {__version__} rule book, generated {_stamp(book)}."),
        ]
    )
    page = (
        "<!DOCTYPE html>\n"
        + el(
            "html",
            el(
                "head",
                Markup('<meta charset="utf-8">'),
                el("meta", http_equiv="Content-Security-Policy", content=_policy(style)),
                el("meta", name="referrer", content="no-referrer"),
                el("meta", name="viewport", content="width=device-width, initial-scale=1"),
                el("meta", name="generator", content=f"postcheck {__version__}"),
                el("title", f"postcheck rule book, as of {book.as_of.isoformat()}"),
                Markup(f"<style>{style}</style>"),
            ),
            el("body", body),
            lang="en-GB",
        )
        + "\n"
    )
    return page.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _stamp(book: Book) -> str:
    return book.generated.strftime("%Y-%m-%d %H:%M %Z").strip()


def _policy(style: str) -> str:
    """The file's own style sheet and nothing else: no script, fetch, frame or form."""
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    return "; ".join(
        [
            "default-src 'none'",
            f"style-src 'sha256-{digest}'",
            "img-src 'none'",
            "script-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


@cache
def _style() -> str:
    """The style sheet, checked once: ASCII, and nothing that would end its element."""
    text = resources.files("postcheck.book").joinpath("assets", "book.css").read_text("utf-8")
    if _UNSAFE_IN_STYLE.search(text):
        raise ValueError("book.css would end its <style> element early")
    text.encode("ascii")
    return text


def _cover(book: Book) -> Markup:
    results = book.results
    if results.when is not None:
        ran = f"{results.path}, written {results.when.strftime('%Y-%m-%d %H:%M UTC')}"
    else:
        ran = f"none read ({results.missing or 'no results file given'})"
    rules = list(book.rules.values())
    tally = book.tally()
    signed = _count(r.review.review for r in rules)
    facts = [
        ("As of", book.as_of.isoformat()),
        ("Rules", book.rules_dir),
        ("Law file", f"{book.law_file} (from the fact sheet {book.fact_sheet})"),
        ("Scenarios", book.features_dir),
        ("Test results", ran),
        ("Sign-off file", book.signoff_file),
    ]
    cards = [
        ("rules", str(len(rules)), _severities(rules)),
        (
            "provisions",
            str(len(list(book.law.provisions()))),
            f"{len(book.uncovered)} not covered by a rule",
        ),
        (
            "scenarios",
            str(sum(tally.values())),
            ", ".join(f"{tally[s]} {s.value}" for s in RunStatus),
        ),
        (
            "signed",
            str(signed[Review.SIGNED.value]),
            f"{signed[Review.CHANGED.value]} changed since sign-off, "
            f"{signed[Review.NEVER.value]} never reviewed",
        ),
        ("uncertain", str(len(book.uncertain)), "rules resting on unconfirmed or inferred law"),
    ]
    return el(
        "header",
        el("h1", "postcheck rule book"),
        el(
            "p",
            "The law each rule rests on, the rule, the scenarios that specify it and how they "
            "fared in the last test run, and its legal review.",
            class_="subtitle",
        ),
        el("dl", [(el("dt", k), el("dd", v)) for k, v in facts], class_="facts"),
        el(
            "div",
            [
                el(
                    "div",
                    el("span", value, class_="value"),
                    el("span", key, class_="key"),
                    el("span", detail, class_="detail"),
                    class_="card",
                    data_card=key,
                )
                for key, value, detail in cards
            ],
            class_="cards",
        ),
        class_="cover",
        id="top",
    )


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {r.value: 0 for r in Review}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _severities(rules: list[RuleEntry]) -> str:
    counts: dict[str, int] = {}
    for entry in sorted(rules, key=lambda r: -r.rule.severity.rank):
        counts[entry.rule.severity.value] = counts.get(entry.rule.severity.value, 0) + 1
    return ", ".join(f"{n} {s}" for s, n in counts.items())


def _contents(book: Book) -> Markup:
    areas = [
        el(
            "li",
            el("a", _area_label(s.area), href=f"#area-{s.area.value}"),
            el(
                "ol",
                [
                    el(
                        "li",
                        el(
                            "a",
                            p.provision.cited,
                            href=f"#provision-{s.area.value}-{p.provision.id}",
                        ),
                        el("span", f" {p.provision.title}", class_="ptitle"),
                    )
                    for p in s.provisions
                ],
                el("li", el("a", "Outside the fact sheet", href=f"#outside-{s.area.value}"))
                if s.outside
                else None,
            ),
        )
        for s in book.areas
    ]
    tail = [
        ("matrix", "Traceability matrix: provision, rules, scenarios, status"),
        ("reverse", "Reverse index: rule to provisions"),
        ("uncertain", "Rules resting on unconfirmed or inferred law"),
        ("uncovered", "Provisions no rule covers yet"),
        ("signoff", "Sign-off"),
        ("untraced", "Scenarios and results tied to no rule"),
    ]
    return el(
        "nav",
        el("h2", "Contents"),
        el("ol", areas, [el("li", el("a", text, href=f"#{key}")) for key, text in tail]),
        class_="toc",
        id="contents",
        aria_label="Contents",
    )


def _area_label(area: Area) -> str:
    return area.value.replace("-", " ").capitalize()


# ---- an area ------------------------------------------------------------------------------


def _area(book: Book, section: AreaSection) -> Markup:
    area = section.area.value
    return el(
        "section",
        el("h2", f"Area: {_area_label(section.area)}"),
        [_provision(book, area, p) for p in section.provisions],
        el(
            "section",
            el("h3", "Resting on sources outside the fact sheet"),
            el(
                "p",
                "These rules cite no provision the fact sheet describes; their citations and "
                "addresses are given with each rule.",
                class_="lead",
            ),
            [_rule(book.rules[rule_id]) for rule_id in section.outside],
            class_="provision outside",
            id=f"outside-{area}",
        )
        if section.outside
        else None,
        class_="area",
        id=f"area-{area}",
    )


def _provision(book: Book, area: str, section: ProvisionSection) -> Markup:
    p = section.provision
    also = [
        (
            el("a", rule_id, href=f"#rule-{rule_id}"),
            f" ({book.rules[rule_id].rule.title})",
        )
        for rule_id in section.also
    ]
    return el(
        "section",
        el("h3", p.cited, el("span", f" {p.title}", class_="ptitle")),
        _provision_facts(p, section.instrument.title),
        [_rule(book.rules[rule_id]) for rule_id in section.rules],
        el(
            "p",
            "Also resting on this provision (set out under another): ",
            _commas(also),
            class_="also",
        )
        if also
        else None,
        class_="provision",
        id=f"provision-{area}-{p.id}",
        data_provision=p.id,
    )


def _provision_facts(p: Provision, instrument: str) -> Markup:
    return el(
        "div",
        el("p", _status_badge(p.status.value), " ", el("span", instrument, class_="instrument")),
        el("p", p.says, class_="says"),
        el("p", "Address: ", link(p.address), class_="address"),
        el("p", el("strong", "To confirm: "), p.confirm_by, class_="confirm")
        if p.confirm_by
        else None,
        el("p", el("strong", "Note: "), p.note, class_="note") if p.note else None,
        el(
            "p",
            "Fact sheet section ",
            p.fact_sheet,
            "; sources: ",
            _commas([link(s.url, s.text) for s in p.sources]),
            class_="sources",
        ),
        class_="law",
    )


def _status_badge(status: str) -> Markup:
    return el("span", status, class_=f"badge law-{status.replace(' ', '-')}")


def _commas(items: Sequence[Child]) -> Markup:
    out: list[Child] = []
    for n, item in enumerate(items):
        if n:
            out.append(", ")
        out.append(item)
    return join(out)


# ---- a rule -------------------------------------------------------------------------------


def _rule(entry: RuleEntry) -> Markup:
    rule = entry.rule
    effective = rule.effective
    in_force = _in_force(effective.from_, effective.to)
    return el(
        "article",
        el("h4", el("code", rule.id, class_="rule-id"), " ", rule.title),
        el(
            "p",
            el("span", rule.severity.value, class_=f"badge sev-{rule.severity.value}"),
            " ",
            el("span", f"certainty: {rule.certainty.value}", class_="badge certainty"),
            " ",
            _review_badge(entry),
            " ",
            el("span", "rests on unconfirmed or inferred law", class_="badge shaky")
            if entry.rests_on_uncertain_law
            else None,
            class_="badges",
        ),
        el(
            "dl",
            [
                (el("dt", k), el("dd", v))
                for k, v in (
                    ("In force", in_force),
                    ("Applies in", ", ".join(c.value.capitalize() for c in rule.jurisdictions)),
                    ("Rule file", entry.file),
                    ("Content hash", entry.review.current_hash),
                )
            ],
            class_="rule-facts",
        ),
        el("h5", "Law"),
        _law(entry),
        _confirm(entry) if entry.rests_on_uncertain_law else None,
        [el("h5", "Values"), *[_parameter(p) for p in entry.parameters]]
        if entry.parameters
        else None,
        el("h5", "Why"),
        el("p", rule.rationale, class_="why"),
        el("h5", "What a finding says"),
        el("p", rule.message, class_="message"),
        el("h5", "Remedy"),
        el("p", rule.remediation, class_="fix"),
        _scenarios(entry),
        class_="rule",
        id=f"rule-{rule.id}",
        data_rule=rule.id,
    )


def _in_force(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"from {start.isoformat()} to {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}, with no end date"
    return f"until {end.isoformat()}" if end else "at all dates"


def _review_badge(entry: RuleEntry) -> Markup:
    review = entry.review
    text = review.review.value
    if review.entry is not None:
        text += f" (by {review.entry.reviewer}, {review.entry.date.isoformat()})"
    key = {Review.SIGNED: "signed", Review.CHANGED: "changed", Review.NEVER: "never"}
    return el("span", text, class_=f"badge review-{key[review.review]}")


def _law(entry: RuleEntry) -> Markup:
    items = []
    for citation in entry.rule.citations:
        grounds = [g for g in entry.grounds if g.citation == citation.text]
        rests = (
            [
                " — ",
                _commas(
                    [
                        (
                            el("a", g.provision.cited, href=f"#m-{g.provision.id}"),
                            " ",
                            _status_badge(g.provision.status.value),
                        )
                        for g in grounds
                    ]
                ),
            ]
            if grounds
            else [" — ", el("span", "not in the fact sheet", class_="badge law-outside")]
        )
        items.append(el("li", citation.text, " ", link(citation.url), rests))
    via = [g for g in entry.grounds if g.by == "parameter"]
    if via:
        items.append(
            el(
                "li",
                "Through its values: ",
                _commas(
                    [
                        (el("a", g.provision.cited, href=f"#m-{g.provision.id}"), " ")
                        for g in {g.provision.id: g for g in via}.values()
                    ]
                ),
            )
        )
    return el("ul", items, class_="citations")


def _confirm(entry: RuleEntry) -> Markup:
    shaky = entry.uncertain_provisions
    items = [
        el("li", el("strong", f"{p.cited} ({p.status.value}): "), p.confirm_by or "") for p in shaky
    ]
    if entry.rule.certainty in (Certainty.UNCONFIRMED, Certainty.INFERENCE) and not shaky:
        items.append(
            el(
                "li",
                f"The rule is marked {entry.rule.certainty.value}: its reading of the "
                "provisions above is its own (see Why); a lawyer's review of that reading "
                "would confirm it.",
            )
        )
    if entry.rule.certainty is Certainty.STATUTE and shaky:
        items.append(
            el(
                "li",
                "The rule is marked statute, but rests on the provisions listed here, which "
                "the fact sheet does not confirm.",
                class_="mismatch",
            )
        )
    return el(
        "div", el("p", el("strong", "What would confirm it")), el("ul", items), class_="uncertain"
    )


def _parameter(entry: ParameterEntry) -> Markup:
    parameter = entry.parameter
    rows = [
        el(
            "tr",
            el("td", value.from_.isoformat()),
            el("td", "unknown" if value.value is None else str(value.value)),
            el("td", link(value.url, value.source) if value.url else value.source),
            el("td", value.note or ""),
            class_="in-force" if value == entry.in_force else None,
        )
        for value in parameter.values
    ]
    unit = f" ({parameter.unit})" if parameter.unit else ""
    return el(
        "div",
        el("p", el("code", entry.name), unit, ": ", parameter.description),
        el(
            "table",
            el(
                "thead",
                el("tr", el("th", "From"), el("th", "Value"), el("th", "Source"), el("th", "Note")),
            ),
            el("tbody", rows),
            class_="values",
        ),
        class_="parameter",
    )


# ---- scenarios ----------------------------------------------------------------------------


def _scenarios(entry: RuleEntry) -> Markup:
    tally = entry.tally()
    counts = ", ".join(f"{tally[s]} {s.value}" for s in RunStatus if tally[s])
    return el(
        "section",
        el("h5", f"Scenarios ({len(entry.scenarios)}{': ' + counts if counts else ''})"),
        [_scenario(s) for s in entry.scenarios]
        if entry.scenarios
        else el("p", "No scenario is tagged with this rule.", class_="none"),
        class_="scenarios",
    )


def _scenario(entry: ScenarioEntry) -> Markup:
    s = entry.scenario
    return el(
        "div",
        el("h6", _with_placeholders(s.name), " ", _run_badge(entry.status)),
        el(
            "p",
            f"{s.feature_file}:{s.line}",
            f" · {s.rule_block}" if s.rule_block else None,
            class_="where",
        ),
        _prose(s.steps),
        [_examples(e.header, e.rows, e.name) for e in s.examples],
        class_="scenario",
        data_scenario=s.key,
        data_status=entry.status.status.value,
    )


def _run_badge(status: ScenarioStatus) -> Markup:
    text = status.summary
    if status.when is not None:
        text += f" · {status.when.strftime('%Y-%m-%d %H:%M UTC')}"
    if status.failed_step:
        text += f" · failed at: {status.failed_step}"
    return el("span", text, class_=f"badge run-{status.status.value.replace(' ', '-')}")


def _with_placeholders(text: str) -> Markup:
    """An outline's <placeholders> set apart, as the names the examples fill in."""
    out: list[Child] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        out += [text[last : match.start()], el("var", match.group(0))]
        last = match.end()
    out.append(text[last:])
    return join(out)


def _prose(steps: tuple[Step, ...]) -> Markup:
    """The steps as sentences: each Given, When or Then begins one, each And or But goes on
    with it; a document or table a step quotes is set out after the sentence it ends."""
    blocks: list[Markup] = []
    sentence: list[Child] = []

    def close(stop: str) -> None:
        if sentence:
            blocks.append(el("p", sentence, stop, class_="step"))
            sentence.clear()

    for step in steps:
        starts = step.kind != "conjunction" or not sentence
        if starts:
            close(".")
            sentence.append(el("strong", step.keyword))
        else:
            sentence += [", ", el("strong", step.keyword.lower())]
        sentence += [" ", _step_text(step.text)]
        if step.doc is not None or step.table:
            close("")
            if step.doc is not None:
                blocks.append(el("pre", step.doc, class_="document"))
            if step.table:
                blocks.append(_examples(step.table[0], step.table[1:], None, "data"))
    close(".")
    return el("div", blocks, class_="prose")


def _step_text(text: str) -> Markup:
    """Quoted values in typographic quotes, placeholders set apart."""
    out: list[Child] = []
    last = 0
    for match in _QUOTED.finditer(text):
        out += [_with_placeholders(text[last : match.start()]), "\u201c"]
        out += [_with_placeholders(match.group(1)), "\u201d"]
        last = match.end()
    out.append(_with_placeholders(text[last:]))
    return join(out)


def _examples(
    header: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    name: str | None,
    kind: str = "examples",
) -> Markup:
    caption = "With each of these" + (f" ({name})" if name else "") + ":"
    return el(
        "table",
        el("caption", caption) if kind == "examples" else None,
        el("thead", el("tr", [el("th", h) for h in header])),
        el("tbody", [el("tr", [el("td", c) for c in row]) for row in rows]),
        class_=kind,
    )


# ---- traceability -------------------------------------------------------------------------


def _matrix(book: Book) -> Markup:
    body = []
    for row in book.matrix:
        body += _matrix_rows(book, row)
    return el(
        "section",
        el("h2", "Traceability matrix"),
        el(
            "p",
            "Every provision of the fact sheet, each rule resting on it, and that rule's "
            "scenarios with their last status; then the citations of rules that rest on no "
            "provision of the fact sheet.",
            class_="lead",
        ),
        el(
            "table",
            el(
                "thead",
                el(
                    "tr",
                    el("th", "Provision"),
                    el("th", "Address"),
                    el("th", "Status"),
                    el("th", "Rule"),
                    el("th", "Scenarios and last status"),
                ),
            ),
            el("tbody", body),
            class_="matrix",
        ),
        class_="index",
        id="matrix",
    )


def _matrix_rows(book: Book, row: MatrixRow) -> list[Markup]:
    span = str(max(1, len(row.rules)))
    anchor = f"m-{row.provision.id}" if row.provision else None
    head = [
        el("td", row.label, rowspan=span, class_="provision-cell", id=anchor),
        el("td", link(row.address), rowspan=span, class_="address-cell"),
        el("td", _status_badge(row.status), rowspan=span),
    ]
    if not row.rules:
        return [
            el("tr", head, el("td", "no rule yet", colspan="2", class_="none"), class_="uncovered")
        ]
    rows = []
    for n, rule_id in enumerate(row.rules):
        entry = book.rules[rule_id]
        cells = [
            el("td", el("a", rule_id, href=f"#rule-{rule_id}"), class_="rule-cell"),
            el("td", _scenario_list(entry.scenarios)),
        ]
        rows.append(
            el(
                "tr",
                head if n == 0 else None,
                cells,
                data_provision=row.provision.id if row.provision else None,
            )
        )
    return rows


def _scenario_list(scenarios: tuple[ScenarioEntry, ...]) -> Markup:
    if not scenarios:
        return el("span", "no scenario", class_="none")
    return el(
        "ul",
        [
            el("li", _with_placeholders(s.scenario.name), " ", _run_badge(s.status))
            for s in scenarios
        ],
        class_="scenario-list",
    )


def _reverse(book: Book) -> Markup:
    rows = [
        el(
            "tr",
            el("td", el("a", entry.id, href=f"#rule-{entry.id}")),
            el("td", entry.rule.severity.value),
            el("td", entry.rule.certainty.value),
            el(
                "td",
                el(
                    "ul",
                    [
                        el("li", el("a", p.cited, href=f"#m-{p.id}"), " ", link(p.address))
                        for p in entry.provisions
                    ],
                    [
                        el("li", c.text, " ", link(c.url), " (not in the fact sheet)")
                        for c in entry.unmatched
                    ],
                ),
            ),
        )
        for entry in book.rules.values()
    ]
    return _index_section(
        "reverse",
        "Reverse index: rule to provisions",
        "Each rule, and the provisions (with their addresses) it rests on.",
        ("Rule", "Severity", "Certainty", "Rests on"),
        rows,
    )


def _uncertain(book: Book) -> Markup:
    rows = []
    for entry in book.uncertain:
        shaky = entry.uncertain_provisions
        what = (
            [el("li", el("strong", f"{p.cited}: "), p.confirm_by or "") for p in shaky]
            if shaky
            else [el("li", "A lawyer's review of the rule's own reading (see its Why).")]
        )
        rows.append(
            el(
                "tr",
                el("td", el("a", entry.id, href=f"#rule-{entry.id}")),
                el("td", entry.rule.certainty.value),
                el("td", entry.rule.severity.value),
                el("td", el("ul", what)),
            )
        )
    return _index_section(
        "uncertain",
        "Rules resting on unconfirmed or inferred law",
        "Each rule marked unconfirmed or inference, or resting on a provision the fact sheet "
        "marks so, and what would confirm it.",
        ("Rule", "Certainty", "Severity", "What would confirm it"),
        rows,
    )


def _uncovered(book: Book) -> Markup:
    rows = [
        el(
            "tr",
            el("td", p.cited, el("span", f" {p.title}", class_="ptitle")),
            el("td", link(p.address)),
            el("td", _status_badge(p.status.value)),
            el("td", p.says),
            data_provision=p.id,
        )
        for _, p in book.uncovered
    ]
    return _index_section(
        "uncovered",
        "Provisions no rule covers yet",
        "Provisions the fact sheet describes that no rule's citations or values rest on.",
        ("Provision", "Address", "Status", "What it says"),
        rows,
    )


def _signoff(book: Book) -> Markup:
    rows = []
    for entry in book.rules.values():
        review = entry.review
        signed = review.entry
        rows.append(
            el(
                "tr",
                el("td", el("a", entry.id, href=f"#rule-{entry.id}")),
                el("td", entry.rule.severity.value),
                el("td", _review_badge(entry)),
                el("td", signed.reviewer if signed else ""),
                el("td", signed.date.isoformat() if signed else ""),
                el("td", signed.note if signed else ""),
                el("td", el("code", review.current_hash.removeprefix("sha256:")[:12])),
                data_rule=entry.id,
                data_review=review.review.value,
            )
        )
    orphans = [
        el("li", f"{e.rule} (line {line}, signed by {e.reviewer} on {e.date.isoformat()})")
        for e, line in book.orphan_signoffs
    ]
    return join(
        [
            _index_section(
                "signoff",
                "Sign-off",
                f"The review of each rule, from {book.signoff_file}. A rule is signed when its "
                "content hash is the one reviewed; changed since sign-off when it differs.",
                ("Rule", "Severity", "Status", "Reviewer", "Date", "Note", "Hash"),
                rows,
                el(
                    "div",
                    el("p", "Sign-offs for rules the catalogue no longer has:"),
                    el("ul", orphans),
                    class_="orphans",
                )
                if orphans
                else None,
            )
        ]
    )


def _untraced(book: Book) -> Markup:
    scenarios: list[Scenario] = list(book.untagged)
    return el(
        "section",
        el("h2", "Scenarios and results tied to no rule"),
        el("h3", "Scenarios whose tags name no rule"),
        el(
            "ul",
            [
                el("li", _with_placeholders(s.name), f" ({s.feature_file}:{s.line})")
                for s in scenarios
            ],
        )
        if scenarios
        else el("p", "None.", class_="none"),
        el("h3", "Results that match no scenario (renamed or removed since the run)"),
        el("ul", [el("li", f"{r.name} ({r.uri}): {r.status.value}") for r in book.stale_runs])
        if book.stale_runs
        else el("p", "None.", class_="none"),
        class_="index",
        id="untraced",
    )


def _index_section(
    key: str,
    title: str,
    lead: str,
    header: tuple[str, ...],
    rows: list[Markup],
    after: Markup | None = None,
) -> Markup:
    return el(
        "section",
        el("h2", title),
        el("p", lead, class_="lead"),
        el(
            "table",
            el("thead", el("tr", [el("th", h) for h in header])),
            el("tbody", rows),
            class_=key,
        )
        if rows
        else el("p", "None.", class_="none"),
        after,
        class_="index",
        id=key,
    )
