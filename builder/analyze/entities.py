"""People and organisations across sources: one entry each, parties marked, products left out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from builder.curation import Curation
from builder.extract.entities import merge_organizations, same_organization, slug
from builder.extract.orgnames import OrganizationIndex
from builder.model import Mention, Organization, Person, Source, SourceFacts


def merge_people(extracted: Sequence[SourceFacts], sources: Mapping[str, Source] | None = None) -> list[Person]:
    """One entry per person; the title and organisation most sources give, the fullest on a tie.

    A source's author, and anyone named only in page furniture (bylines, credits, the author's box), is a
    source's metadata rather than a person of the deal, and is left out.
    """
    by_name: dict[str, list[Person]] = defaultdict(list)
    for facts in extracted:
        for person in facts.people:
            by_name[person.name].append(person)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in by_name:
        if " " in name:
            by_surname[name.split()[-1]].append(name)
    for name in [name for name in by_name if " " not in name]:
        matches = by_surname.get(name, [])
        if len(matches) == 1:
            by_name[matches[0]].extend(by_name.pop(name))
    authors = {source.meta.author for source in (sources or {}).values() if source.meta.author}
    people = []
    for name, found in by_name.items():
        mentions = [m for p in found for m in p.mentions]
        if sources is not None and (name in authors or not in_article(mentions, sources)):
            continue
        people.append(
            Person(
                id=f"p-{slug(name)}",
                name=name,
                title=_most_given(p.title for p in found),
                organization=_most_given(p.organization for p in found),
                mentions=tuple(sorted({m for p in found for m in p.mentions}, key=lambda m: (m.source, m.start))),
            )
        )
    return sorted(people, key=lambda p: (-len({m.source for m in p.mentions}), p.name))


def in_article(mentions: Iterable[Mention], sources: Mapping[str, Source]) -> bool:
    """Whether any mention stands in a sentence of an article rather than in its page furniture."""
    return any(
        not sources[m.source].sentence(m.sentence).furniture for m in mentions if m.source in sources
    ) or not any(m.source in sources for m in mentions)


def _most_given(values: Iterable[str | None]) -> str | None:
    counts = Counter(value for value in values if value)
    if not counts:
        return None
    return max(counts, key=lambda value: (counts[value], len(value), value))


def merge_organizations_across(
    extracted: Sequence[SourceFacts], curation: Curation, sources: Mapping[str, Source] | None = None
) -> list[Organization]:
    """One entry per organisation; the deal's parties marked, the analyst's aliases honoured; those named
    only in page furniture left out."""
    # A name one source reads as a company's product ("Microsoft Azure") is left out, unless as many sources
    # read it as an organisation ("ABN AMRO" in the stories that name it in full, beside a factbox that
    # writes "ABN" and once "ABN AMRO" where it could be ABN's product).
    as_product = Counter(product for facts in extracted for product in set(facts.products))
    as_org = Counter(name for facts in extracted for name in {org.name for org in facts.organizations})
    products = {product for product, count in as_product.items() if count > as_org[product]}
    orgs = [
        org
        for facts in extracted
        for org in facts.organizations
        if org.name not in products and (sources is None or in_article(org.mentions, sources))
    ]
    party_names = [party.name for party in curation.parties]
    aliases = curation.aliases()
    for name in [*party_names, *(org.name for org in curation.organizations)]:
        if not any(same_organization(name, org.name) for org in orgs):
            orgs.append(Organization(id=f"o-{slug(name)}", name=name, aliases=tuple(aliases.get(name, ()))))
    merged = merge_organizations(orgs, aliases)
    result = []
    for org in merged:
        names = (org.name, *org.aliases)
        party = any(same_organization(party, name) for party in party_names for name in names)
        result.append(org.model_copy(update={"party": party}))
    return sorted(result, key=lambda o: (not o.party, -len({m.source for m in o.mentions}), o.name))


def mark_parties(organizations: Sequence[Organization], party_names: Sequence[str]) -> list[Organization]:
    """Mark the organisations that are parties to the deal, parties first."""
    result = []
    index = OrganizationIndex(party_names)
    for org in organizations:
        names = (org.name, *org.aliases)
        party = any(same_organization(party_names[i], name) for i in index.candidates(names) for name in names)
        result.append(org.model_copy(update={"party": party}) if party != org.party else org)
    return sorted(result, key=lambda o: (not o.party, -len({m.source for m in o.mentions}), o.name))
