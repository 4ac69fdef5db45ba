"""The PDF pack's sections in words, from items the consent selection rule let through (pure).

Each function takes only ``cards.Item``s that were in ``selection.included`` (and the consent
receipt's items) and returns a :class:`pdf_pack.PackSection`; nothing is looked up elsewhere.
Words that need the services (vaccine names, dates) come in as plain functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from familyfile.domain.growth_chart import ChartData
from familyfile.domain.involvement import agency_name
from familyfile.domain.journal import area_name
from familyfile.export.cards import Item
from familyfile.export.pdf_pack import PackSection, PackTable, section_titles
from familyfile.i18n import _

DayText = Callable[[str], str]  # an ISO date (or "") → "3 March 2026"
DoseText = Callable[[str, Any], str]  # (vaccine key, dose) → "6-in-1, dose 1"
JOURNAL_MAX = 30  # highlights: every "first" (newest first), then the newest others, up to this


def _s(value: Any) -> str:
    return "" if value is None else str(value).strip()


def alert_type_name(kind: str) -> str:
    return {"allergy": _("Allergy"), "condition": _("Condition"), "medicine": _("Medicine"),
            "equipment": _("Equipment")}.get(kind, kind.capitalize())


def active_alerts(items: Sequence[Item]) -> list[Item]:
    order = ("allergy", "condition", "medicine", "equipment")
    found = [i for i in items if i.kind == "alert" and i.data.get("active", True) is not False]
    return sorted(found, key=lambda i: (order.index(i.data.get("type")) if i.data.get("type") in order
                                        else 9, _s(i.data.get("what")).casefold()))


def alert_lines(items: Sequence[Item]) -> tuple[str, ...]:
    """The cover's critical alerts: "Allergy: peanuts — carries an adrenaline pen"."""
    lines = []
    for item in active_alerts(items):
        d = item.data
        line = f"{alert_type_name(_s(d.get('type')))}: {_s(d.get('what'))}"
        lines.append(f"{line} — {_s(d['details'])}" if _s(d.get("details")) else line)
    return tuple(lines)


def about_me(items: Sequence[Item], cards: Sequence[str], day: DayText) -> PackSection:
    about: Mapping[str, Any] = next((i.data for i in items if i.kind == "about_me"), {})
    sex = {"female": _("Female"), "male": _("Male")}.get(_s(about.get("sex")), _s(about.get("sex")))
    named = [
        (_("Name"), " ".join(p for p in (_s(about.get("given_name")), _s(about.get("family_name"))) if p)),
        (_("Known as"), _s(about.get("known_as"))),
        (_("Date of birth"), day(_s(about.get("date_of_birth")))),
        (_("Sex"), sex),
        (_("NHS number"), _nhs(_s(about.get("nhs_number")))),
        (_("Languages"), ", ".join(_s(v) for v in about.get("languages") or ())),
        (_("How I communicate"), _s(about.get("communication"))),
        (_("What I like"), _s(about.get("likes"))),
        (_("What I don't like"), _s(about.get("dislikes"))),
        (_("What helps me"), _s(about.get("what_helps"))),
        (_("GP practice"), " — ".join(p for p in (_s(about.get("gp_practice")),
                                                   _s(about.get("gp_phone"))) if p)),
        (_("Health visitor"), " — ".join(p for p in (_s(about.get("health_visitor_name")),
                                                      _s(about.get("health_visitor_phone"))) if p)),
        (_("Key worker"), " — ".join(p for p in (_s(about.get("key_worker_name")),
                                                  _s(about.get("key_worker_organisation")),
                                                  _s(about.get("key_worker_phone"))) if p)),
        (_("Nursery or school"), " — ".join(p for p in (_s(about.get("nursery_school_name")),
                                                         _s(about.get("nursery_school_phone"))) if p)),
    ]
    rows = tuple((alert_type_name(_s(i.data.get("type"))), _s(i.data.get("what")),
                  _s(i.data.get("details")), day(_s(i.data.get("since")))) for i in active_alerts(items))
    tables = (PackTable((_("Type"), _("What"), _("Details"), _("Since")), rows, (1.2, 2, 3.6, 1.4),
                        _("Alerts")),) if rows else ()
    empty = () if about or rows else (_("Nothing from About me was shared."),)
    return PackSection("about_me", section_titles()["about_me"], tuple((k, v) for k, v in named if v),
                       tables, empty, cards=tuple(cards))


def _nhs(value: str) -> str:
    digits = value.replace(" ", "")
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 and digits.isdigit() else value


def immunisations(items: Sequence[Item], cards: Sequence[str], day: DayText, dose: DoseText) -> PackSection:
    found = sorted((i for i in items if i.kind == "immunisation"),
                   key=lambda i: _s(i.data.get("on") or i.occurred_on))
    rows = []
    for item in found:
        d = item.data
        name = _s(d.get("vaccine_name")) if d.get("vaccine") in (None, "", "other") else dose(
            _s(d.get("vaccine")), d.get("dose"))
        rows.append((day(_s(d.get("on") or item.occurred_on)), name or _s(d.get("vaccine")),
                     _s(d.get("batch")), _s(d.get("site")).replace("_", " ").capitalize(),
                     _("Declined") if d.get("declined") else _("Given")))
    table = PackTable((_("Date"), _("Vaccine"), _("Batch"), _("Where"), _("Given or declined")),
                      tuple(rows), (1.5, 3.2, 1.4, 1.3, 1.4))
    return PackSection("immunisations", section_titles()["immunisations"], tables=(table,),
                       paragraphs=() if rows else (_("No vaccinations were shared."),), cards=tuple(cards))


def growth(rows: Sequence[tuple[str, ...]], charts: Sequence[ChartData], cards: Sequence[str],
           reference: str, with_age: bool = True) -> PackSection:
    """``rows``: (date, age, weight, length or height, head) in words; without ``with_age``
    (the date of birth was not shared) the age column is left out."""
    headers = (_("Date"), _("Age"), _("Weight (kg, centile)"), _("Length or height (cm, centile)"),
               _("Head (cm, centile)"))
    widths = (1.4, 1.5, 1.7, 2.1, 1.7)
    keep = [0, 1, 2, 3, 4] if with_age else [0, 2, 3, 4]
    table = PackTable(tuple(headers[i] for i in keep), tuple(tuple(r[i] for i in keep) for r in rows),
                      tuple(widths[i] for i in keep))
    words = (reference,) if rows else (_("No measurements were shared."),)
    return PackSection("growth", section_titles()["growth"], tables=(table,), paragraphs=words,
                       charts=tuple(c for c in charts if c.points), cards=tuple(cards))


def _asq_area(area: str) -> str:
    return {"communication": _("Communication"), "gross_motor": _("Gross motor (big movements)"),
            "fine_motor": _("Fine motor (hands and fingers)"), "problem_solving": _("Problem solving"),
            "personal_social": _("Personal-social")}.get(area, area.replace("_", " "))


def _asq_outcome(outcome: str) -> str:
    return {"above_cutoff": _("Above the cut-off (on track)"),
            "monitoring": _("Monitoring zone (keep an eye on it)"),
            "below_cutoff": _("Below the cut-off (more support may help)")}.get(outcome, outcome)


def reviews(items: Sequence[Item], cards: Sequence[str], day: DayText, contact_name: Callable[[str], str]
            ) -> PackSection:
    tables: list[PackTable] = []
    paragraphs: list[str] = []
    found = sorted((i for i in items if i.kind == "integrated_review"), key=lambda i: _s(i.data.get("on")),
                   reverse=True)
    for item in found:
        d = item.data
        who = ", ".join(p for p in (_s(d.get("reviewer")), _s(d.get("role")), _s(d.get("where"))) if p)
        heading = _("2-year review, {date}").format(date=day(_s(d.get("on"))))
        outcomes = d.get("asq_outcomes") or {}
        rows = tuple((_asq_area(a), _s(s), _asq_outcome(_s(outcomes.get(a))))
                     for a, s in (d.get("asq_scores") or {}).items())
        tables.append(PackTable((_("ASQ-3 area"), _("Score"), _("Outcome")), rows, (2.5, 0.8, 3.5),
                                f"{heading} — {who}" if who else heading))
        if _s(d.get("outcome_notes")):
            paragraphs.append(_("Notes from the {date} review: {notes}").format(
                date=day(_s(d.get("on"))), notes=_s(d.get("outcome_notes"))))
    checks = sorted((i for i in items if i.kind in ("screening_check", "hcp_contact")),
                    key=lambda i: _s(i.data.get("on") or i.occurred_on), reverse=True)
    rows2 = []
    for item in checks:
        d = item.data
        if item.kind == "screening_check":
            names = {"vision": _("Eye check"), "hearing": _("Hearing check")}
            what = names.get(_s(d.get("check")), _("Check"))
            result = _s(d.get("outcome")).replace("_", " ").capitalize()
        else:
            what, result = contact_name(_s(d.get("contact"))), _s(d.get("status")).capitalize()
        rows2.append((day(_s(d.get("on") or item.occurred_on)), what, result,
                      ", ".join(p for p in (_s(d.get("who")), _s(d.get("where"))) if p)))
    if rows2:
        tables.append(PackTable((_("Date"), _("What"), _("Outcome"), _("Who and where")), tuple(rows2),
                                (1.4, 2.6, 1.6, 2.4), _("Health checks and contacts")))
    if not tables:
        paragraphs.append(_("No reviews or checks were shared."))
    return PackSection("review", section_titles()["review"], tables=tuple(tables),
                       paragraphs=tuple(paragraphs), cards=tuple(cards))


def journal_highlights(items: Sequence[Item], limit: int = JOURNAL_MAX) -> list[Item]:
    """The journal entries the pack prints: every "first", then the newest; newest first."""
    newest = sorted((i for i in items if i.kind == "journal"), key=lambda i: _s(i.occurred_on), reverse=True)
    firsts = [i for i in newest if i.data.get("is_first")]
    chosen = (firsts + [i for i in newest if not i.data.get("is_first")])[:limit]
    chosen.sort(key=lambda i: _s(i.occurred_on), reverse=True)
    return chosen


def journal(items: Sequence[Item], day: DayText, limit: int = JOURNAL_MAX) -> PackSection:
    """Highlights (every "first", then the newest); print-only: there is no journal QR card."""
    found = [i for i in items if i.kind == "journal"]
    chosen = journal_highlights(items, limit)
    rows = []
    for item in chosen:
        d = item.data
        title = _s(d.get("first_title"))
        text = _s(d.get("text"))
        rows.append((day(_s(item.occurred_on)), area_name(_s(d.get("area"))),
                     f"{_('First')}: {title}\n{text}" if d.get("is_first") and title else text))
    words = []
    if len(found) > len(chosen):
        words.append(_("Showing {shown} of the {total} journal entries the family chose to share: every "
                       "“first”, then the newest. Photos are not printed.").format(
                           shown=len(chosen), total=len(found)))
    elif not found:
        words.append(_("No journal entries were shared."))
    table = PackTable((_("Date"), _("Area"), _("What happened")), tuple(rows), (1.3, 1.9, 5.2))
    return PackSection("journal", section_titles()["journal"], tables=(table,), paragraphs=tuple(words),
                       print_only=True)


def involvement(items: Sequence[Item], cards: Sequence[str], day: DayText) -> PackSection:
    found = sorted((i for i in items if i.kind == "involvement"), key=lambda i: _s(i.data.get("start_date")))
    rows = tuple((agency_name(_s(i.data.get("agency"))), _s(i.data.get("organisation")),
                  ", ".join(p for p in (_s(i.data.get("professional")), _s(i.data.get("role"))) if p),
                  day(_s(i.data.get("start_date"))), day(_s(i.data.get("end_date"))) or _("still helping"))
                 for i in found)
    table = PackTable((_("Service"), _("Organisation"), _("Who"), _("From"), _("Until")), rows,
                      (1.8, 2.2, 1.8, 1.3, 1.3))
    return PackSection("involvement", section_titles()["involvement"], tables=(table,),
                       paragraphs=() if rows else (_("No services were shared."),), cards=tuple(cards))


def consent(items: Sequence[Item], cards: Sequence[str], day: DayText,
            category_name: Callable[[str], str], purpose_name: Callable[[str], str]) -> PackSection:
    rows = []
    for item in (i for i in items if i.kind == "consent"):
        d = item.data
        decision = _("Yes") if d.get("decision") == "permit" else _("No")
        status = _("In force") if d.get("status") == "active" else _("Not in force")
        rows.append((category_name(_s(d.get("category"))), decision, status,
                     ", ".join(purpose_name(_s(p)) for p in d.get("purposes") or ()),
                     day(_s(d.get("start_on"))), day(_s(d.get("until"))) or _("until changed")))
    table = PackTable((_("Kind of information"), _("Family's answer"), _("Now"), _("For"), _("From"),
                       _("Until")), tuple(rows), (2.4, 1.1, 1.2, 2.1, 1.3, 1.3))
    words = (_("The family's own decisions about sharing with this recipient."),) if rows else (
        _("The family has not recorded decisions for this recipient."),)
    return PackSection("consent", section_titles()["consent"], tables=(table,), paragraphs=words,
                       cards=tuple(cards))


def sharing_log(rows: Sequence[tuple[str, ...]]) -> PackSection:
    """``rows``: (when, to whom, purpose, what kinds, format), already in words."""
    table = PackTable((_("When"), _("To whom"), _("Why"), _("What kinds"), _("How")), tuple(rows),
                      (1.5, 2.2, 1.8, 2.6, 0.9))
    words = (_("Every time the family shared this child's information from Family File before this pack."),)
    return PackSection("sharing_log", section_titles()["sharing_log"], tables=(table,),
                       paragraphs=words if rows else (_("Nothing had been shared before this pack."),),
                       print_only=True)
