"""Merge the mentions of all articles into entities.

Names (persons, places, organisations) are grouped by match key, then joined,
never across types, in this order:

1. user aliases (`newsdiff.aliases`): `merge` groups are joined unconditionally;
   `separate` groups are never joined by any later step;
2. the same name with the article ال or with an attached proclitic
   (و ف ب ل ك, لل for ل+ال), when the bare form also occurs: "وبوتين" -> "بوتين";
3. transliteration variants, token by token (`variant`): "أوميروف" / "عمروف" /
   "عميروف", "رستم أوميروف" / "رستم عمروف"; for persons also a name with
   middle names added ("دونالد ترامب" / "دونالد جون ترامب");
4. persons: a bare name joins the multi-token person whose last name it is, if
   that person is the only candidate; with several candidates it joins the one
   that occurs in the same article, and stays apart where several do; a
   two-token name whose tokens both end other names and are both found alone in
   its article is two people read as one ("ترامب ماكرون", see
   `tagging.person_split`) and takes no bare name;
5. organisations: a shorter name joins the only longer one that ends with it
   ("الناتو" -> "حلف الناتو").

Two multi-token persons whose given names or last names differ (not variants)
are never joined automatically ("جو بايدن" vs "هانتر بايدن"), nor are two
spellings that both occur in one article joined as variants (an outlet spells
one name one way).

Dates form one entity per resolved ISO value (unresolved ones per normalised
surface); figures one per (value, unit, kind).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any, Optional

from rapidfuzz import fuzz

from .aliases import Aliases
from .bulk import combined
from .model import ENTITY_TYPES, Mention
from .normalize import key

NAME_TYPES = ("person", "place", "org")
MIN_VARIANT_LENGTH = 5  # shorter tokens are compared exactly (حسن/حسين, سعد/سعيد)
MIN_VARIANT_RATIO = 65.0
_CLASSES = str.maketrans({"ع": "ا", "ء": "ا", "ط": "ت", "ث": "ت", "ص": "س", "ض": "د",
                          "ظ": "ز", "ذ": "ز", "غ": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب"})
_LONG_VOWELS = set("اوي")
_START_END = attrgetter("start", "end")
_SURFACE, _ROLE = attrgetter("surface"), attrgetter("role")
_ARTICLE, _MENTION = itemgetter(0), itemgetter(1)  # of an (article, mention) item
_EDGE_PUNCT = "\"'«»“”‘’()[]{}.,،:;!?؟…-–—"


@dataclass
class Entity:
    """One actor, place, organisation, date or figure across articles."""

    type: str
    name: str
    surfaces: list[str]
    roles: list[dict[str, str]]
    articles: list[str]
    mentions: list[tuple[str, Mention]] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "name": self.name,
            "surfaces": list(self.surfaces),
            "roles": [dict(r) for r in self.roles],
            "articles": list(self.articles),
            "mentions": [
                {"article": a, "sentence": m.sentence, "start": m.start, "end": m.end,
                 "surface": m.surface, "value": m.value, "unit": m.unit, "kind": m.kind,
                 "qualifier": m.qualifier, "role": m.role}
                for a, m in self.mentions
            ],
        }


def resolve(mentions: dict[str, list[Mention]], aliases: Optional[Aliases] = None) -> list[Entity]:
    """Entities from the mentions of each article (article file name -> mentions)."""
    by_type: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for article in sorted(mentions):
        for m in sorted(mentions[article], key=_START_END):
            by_type[m.type].append((article, m))
    entities: list[Entity] = []
    for etype, items in by_type.items():
        if etype in NAME_TYPES:
            groups = _NameResolver(etype, items, aliases or Aliases()).groups()
            entities += [_entity(etype, g, clitic=clitic) for g, clitic in groups]
        else:
            entities += _value_entities(etype, items)
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    entities.sort(key=lambda e: (order.get(e.type, len(order)), -len(e.articles),
                                 -len(e.mentions), e.name))
    return entities


# -- comparing names ---------------------------------------------------------

def name_tokens(text: str) -> tuple[str, ...]:
    """Match-key tokens of a name: punctuation trimmed, "عبد X" written as one token."""
    tokens = [t.strip(_EDGE_PUNCT) for t in key(text).split()]
    out: list[str] = []
    for t in filter(None, tokens):
        if out and out[-1] == "عبد":
            out[-1] += t
        else:
            out.append(t)
    return tuple(out)


def core(token: str) -> str:
    """A token without the article ال (kept when too little would remain)."""
    return token[2:] if token.startswith("ال") and len(token) >= 5 else token


@lru_cache(maxsize=65536)
def proclitic_strips(token: str) -> frozenset[str]:
    """Readings of `token` without an attached proclitic: و/ف then ب/ل/ك; لل -> ال."""
    out = set()
    for p1 in ("", "و", "ف"):
        for p2 in ("", "ب", "ل", "ك"):
            prefix = p1 + p2
            if prefix and token.startswith(prefix) and len(token) - len(prefix) >= 3:
                rest = token[len(prefix):]
                out.add(rest)
                if p2 == "ل" and rest.startswith("ل"):
                    out.add("ال" + rest[1:])
    return frozenset(out)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton: letter classes folded (ع/ا/ء, ت/ط/ث, س/ص, ...), long
    vowels ا و ي dropped after the first letter, a letter written twice in a
    row kept once (سويسرا keeps both س: سسر, not سوريا's سر)."""
    folded = token.translate(_CLASSES)
    out = folded[:1]
    for prev, ch in zip(folded, folded[1:]):
        if ch not in _LONG_VOWELS and ch != prev:
            out += ch
    return out


def variant(a: str, b: str) -> bool:
    """Whether two name tokens (match keys) are spellings of one name.

    Equal cores, or, for tokens of at least `MIN_VARIANT_LENGTH` letters, the
    same consonant skeleton and a rapidfuzz ratio of the class-folded letters of
    at least `MIN_VARIANT_RATIO`: أوميروف/عمروف/عميروف match, ترامب/ترانب do not.
    """
    a, b = core(a), core(b)
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_VARIANT_LENGTH or skeleton(a) != skeleton(b):
        return False
    return fuzz.ratio(a.translate(_CLASSES), b.translate(_CLASSES)) >= MIN_VARIANT_RATIO


def _token_readings(token: str) -> frozenset[str]:
    return proclitic_strips(token) | {token}


@lru_cache(maxsize=262144)
def _tokens_match(a: str, b: str) -> bool:
    return any(variant(x, y) for x in _token_readings(a) for y in _token_readings(b))


# -- grouping names ----------------------------------------------------------

@dataclass
class _Node:
    """The mentions sharing one match key."""

    key: str
    tokens: tuple[str, ...]
    items: list[tuple[str, Mention]]
    articles: set[str]
    plain: str = field(init=False)  # the key without ال on the first token

    def __post_init__(self) -> None:
        self.plain = _plain(self.tokens)

    def clitic_readings(self) -> set[str]:
        """Plain keys of the name read without a proclitic on its first token."""
        return {_plain((t,) + self.tokens[1:]) for t in proclitic_strips(self.tokens[0])}


def _plain(tokens: tuple[str, ...]) -> str:
    return " ".join((core(tokens[0]),) + tokens[1:])


class _NameResolver:
    """Union-find over the distinct names of one type, with cannot-link guards.

    Each cluster keeps what its guards need (members, articles, plain keys, and the
    (first, last) tokens of its multi-token names), merged into the larger side on
    each join, so a guard costs the distinct names of two clusters, not their pairs.
    """

    def __init__(self, etype: str, items: list[tuple[str, Mention]], aliases: Aliases):
        self.type = etype
        by_surface: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
        for item in items:
            by_surface[item[1].surface].append(item)
        nodes: dict[str, _Node] = {}
        merged: set[str] = set()  # keys of nodes with several surfaces, their items to sort
        for surface, found in by_surface.items():  # each in the order of `items`
            tokens = name_tokens(surface) or (key(surface),)
            k = " ".join(tokens)
            node = nodes.get(k)
            if node is None:
                nodes[k] = _Node(k, tokens, found, set(map(_ARTICLE, found)))
            else:
                node.items += found
                node.articles.update(map(_ARTICLE, found))
                merged.add(k)
        for k in merged:
            nodes[k].items.sort(key=_position)
        self.nodes = list(nodes.values())
        self.parent = list(range(len(self.nodes)))
        self._members = {i: [i] for i in range(len(self.nodes))}
        self._articles = {i: set(n.articles) for i, n in enumerate(self.nodes)}
        self._plains = {i: {n.plain} for i, n in enumerate(self.nodes)}
        self._ends = {i: {(n.tokens[0], n.tokens[-1])} if len(n.tokens) > 1 else set()
                      for i, n in enumerate(self.nodes)}
        self.partners: dict[str, set[str]] = defaultdict(set)  # plain key -> keys kept apart from it
        for pair in aliases.separated():
            plains = {_plain(name_tokens(s)) for s in pair}
            for a in plains:
                self.partners[a] |= plains - {a} or {a}
        self.clitic: set[int] = set()  # nodes whose key carries a proclitic
        self.moved: dict[tuple[int, str], int] = {}  # (bare node, article) -> node it joins
        self._merge_aliases(aliases)
        self._merge_same_core()
        self._merge_variants()
        if etype == "person":
            self._attach_surnames()
        if etype == "org":
            self._attach_suffixes()

    # union-find
    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def members(self, i: int) -> list[int]:
        return self._members[self.find(i)]

    def can_join(self, a: int, b: int) -> bool:
        """No `separate` alias and no two clearly different persons across the clusters."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.partners:
            plains_b = self._plains[rb]
            if any(not self.partners[p].isdisjoint(plains_b)
                   for p in self._plains[ra] if p in self.partners):
                return False
        if self.type == "person":
            return not any(_different_people(x, y) for x in self._ends[ra] for y in self._ends[rb])
        return True

    def join(self, a: int, b: int, force: bool = False) -> bool:
        if not force and not self.can_join(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb
            for parts in (self._members, self._articles, self._plains, self._ends):
                parts[rb] = combined(parts.pop(ra), parts[rb])
        return True

    # steps
    def _merge_aliases(self, aliases: Aliases) -> None:
        for group in aliases.merge:
            wanted = {_plain(name_tokens(s)) for s in group}
            hits = [i for i, n in enumerate(self.nodes)
                    if ({n.plain} | n.clitic_readings()) & wanted]
            for i in hits[1:]:
                self.join(hits[0], i, force=True)

    def _merge_same_core(self) -> None:
        index: dict[str, int] = {}
        for i, n in enumerate(self.nodes):
            if n.plain in index:
                self.join(index[n.plain], i)
            else:
                index[n.plain] = i
        for i, n in enumerate(self.nodes):
            for reading in n.clitic_readings():
                j = index.get(reading)
                if j is not None and j != i and self.join(i, j):
                    self.clitic.add(i)

    def _merge_variants(self) -> None:
        """Same number of tokens, each a variant; for persons also a name with
        middle names added ("دونالد ترامب" / "دونالد جون ترامب")."""
        blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
        skeletons = [tuple(skeleton(core(t)) for t in n.tokens) for n in self.nodes]
        for i, n in enumerate(self.nodes):
            if self.type == "person" and len(n.tokens) > 1:
                blocks[(skeletons[i][0], skeletons[i][-1])].append(i)
            else:
                blocks[skeletons[i]].append(i)
        for block in blocks.values():
            for x, i in enumerate(block):
                for j in block[x + 1:]:
                    a, b = self.nodes[i], self.nodes[j]
                    if not _skeletons_allow(skeletons[i], skeletons[j]) or self.find(i) == self.find(j) or (
                            len(a.tokens) == len(b.tokens) and not a.articles.isdisjoint(b.articles)):
                        continue
                    if _same_name(a.tokens, b.tokens):
                        self.join(i, j)

    def _attach_surnames(self) -> None:
        # Only clusters of bare names join here, under a full-name cluster's root, so
        # the roots of full names do not change during this step.
        last_names: dict[str, set[str]] = defaultdict(set)  # skeleton -> last tokens of full names
        roots_of: dict[str, set[int]] = defaultdict(set)  # last token -> roots of its full names
        pairs = _pairs(self.nodes)
        for i, n in enumerate(self.nodes):
            if len(n.tokens) > 1 and n.tokens not in pairs:
                roots_of[n.tokens[-1]].add(self.find(i))
                for reading in _token_readings(n.tokens[-1]):
                    last_names[skeleton(core(reading))].add(n.tokens[-1])
        bare_roots = {self.find(i) for i, n in enumerate(self.nodes) if len(n.tokens) == 1}
        for root in bare_roots:
            cluster = list(self.members(root))
            if any(len(self.nodes[i].tokens) > 1 for i in cluster):
                continue
            candidates = set()
            for first in {self.nodes[i].tokens[0] for i in cluster}:
                for last in {t for r in _token_readings(first) for t in last_names.get(skeleton(core(r)), ())}:
                    if _tokens_match(first, last):
                        candidates |= roots_of[last]
            candidates = {c for c in candidates if self.can_join(root, c)}
            if len(candidates) == 1:
                self.join(root, candidates.pop())
                continue
            articles = set().union(*(self.nodes[i].articles for i in cluster))
            seen_by: dict[str, list[int]] = defaultdict(list)  # article -> candidates seen in it
            for c in candidates:
                for article in articles & self._articles[c]:
                    seen_by[article].append(c)
            for i in cluster:
                for article in self.nodes[i].articles:
                    here = seen_by.get(article, ())
                    if len(here) == 1:
                        self.moved[(i, article)] = here[0]

    def _attach_suffixes(self) -> None:
        endings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for j, m in enumerate(self.nodes):
            for size in range(1, len(m.tokens)):
                endings[tuple(skeleton(core(t)) for t in m.tokens[-size:])].append(j)
        for i, n in enumerate(self.nodes):
            ending = tuple(skeleton(core(t)) for t in n.tokens)
            longer = {self.find(j) for j in endings.get(ending, ())
                      if self.find(j) != self.find(i) and _same_name(
                          n.tokens, self.nodes[j].tokens[-len(n.tokens):])}
            if len(longer) == 1:
                self.join(i, longer.pop())

    def groups(self) -> list[tuple[list[tuple[str, Mention]], set[str]]]:
        """Each entity's (article, mention) items, in text order, and its surfaces
        written with a proclitic."""
        items: dict[int, list[tuple[str, Mention]]] = defaultdict(list)
        clitic: dict[int, set[str]] = defaultdict(set)
        moved = {i for i, _ in self.moved}
        unordered = set()  # roots whose items come from several nodes
        for i, n in enumerate(self.nodes):
            if i in moved:
                for article, m in n.items:
                    target = self.moved.get((i, article))
                    root = self.find(i if target is None else target)
                    items[root].append((article, m))
                    unordered.add(root)
            else:
                root = self.find(i)
                if root in items:
                    unordered.add(root)
                items[root].extend(n.items)
            if i in self.clitic:
                for article, m in n.items:
                    target = self.moved.get((i, article))
                    clitic[self.find(i if target is None else target)].add(m.surface)
        for r in unordered:
            items[r].sort(key=_position)
        return [(items[r], clitic[r]) for r in items]


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Token-wise variants; a longer name may add middle tokens between the ends."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == len(b):
        return all(variant(s, t) for s, t in zip(a, b))
    if len(a) < 2 or not (variant(a[0], b[0]) and variant(a[-1], b[-1])):
        return False
    rest = iter(b[1:-1])
    return all(any(variant(s, t) for t in rest) for s in a[1:-1])


def _skeletons_allow(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether names with these token skeletons may pass `_same_name` (a variant has
    its token's skeleton, so the cheap test on skeletons comes first)."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == len(b):
        return a == b
    if len(a) < 2 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b[1:-1])
    return all(s in rest for s in a[1:-1])


def _pairs(nodes: list[_Node]) -> set[tuple[str, ...]]:
    """Two-token person names that are two people side by side ("ترامب ماكرون" where a
    sentence puts subject and object together): an article of the name also names each
    of them alone, each token is the last token of another name ("دونالد ترامب",
    "إيمانويل ماكرون"), and the first token starts no other name."""
    full = [n.tokens for n in nodes if len(n.tokens) > 1]
    ends = Counter(t[-1] for t in full)
    firsts = Counter(t[0] for t in full)
    alone: dict[str, set[str]] = {n.tokens[0]: n.articles for n in nodes if len(n.tokens) == 1}
    none: set[str] = set()
    return {n.tokens for n in nodes if len(n.tokens) == 2 and n.tokens[0] != n.tokens[1]
            and firsts[n.tokens[0]] == 1 and ends[n.tokens[0]] and ends[n.tokens[1]] >= 2
            and not n.articles.isdisjoint(alone.get(n.tokens[0], none) & alone.get(n.tokens[1], none))}


def _different_people(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-token person names whose given or last names are not variants."""
    if len(a) < 2 or len(b) < 2:
        return False
    return not (_tokens_match(a[0], b[0]) and _tokens_match(a[-1], b[-1]))


# -- building entities -------------------------------------------------------

def _position(item: tuple[str, Mention]) -> tuple[str, int, int]:
    return item[0], item[1].start, item[1].end


def _entity(etype: str, items: list[tuple[str, Mention]], name: Optional[str] = None,
            clitic: frozenset[str] | set[str] = frozenset()) -> Entity:
    """An entity of these items (in text order), named `name` or else by `_display_name`."""
    counts = Counter(map(_SURFACE, map(_MENTION, items)))
    if name is None:
        name = next(iter(counts)) if len(counts) == 1 else _display_name(counts, clitic)
    roles: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for article, m in items if any(map(_ROLE, map(_MENTION, items))) else ():
        if m.role and (article, m.role) not in seen:
            seen.add((article, m.role))
            roles.append({"article": article, "role": m.role})
    return Entity(
        type=etype,
        name=name,
        surfaces=[s for s, _ in counts.most_common()],
        roles=roles,
        articles=sorted(set(map(_ARTICLE, items))) if len(items) > 1 else [items[0][0]],
        mentions=items,
    )


def _display_name(counts: Counter, clitic: frozenset[str] | set[str]) -> str:
    """The most complete spelling as written: most tokens, then most frequent."""
    pool = [s for s in counts if s not in clitic] or list(counts)
    return max(pool, key=lambda s: (len(s.split()), counts[s], len(s), s))


def _value_entities(etype: str, items: list[tuple[str, Mention]]) -> list[Entity]:
    """Dates by resolved value (else by surface key); figures by (value, unit, kind)."""
    groups: dict[Any, list[tuple[str, Mention]]] = defaultdict(list)
    for article, m in items:
        if m.value is None:
            groups[("surface", key(m.surface))].append((article, m))
        elif etype == "figure":
            groups[("figure", m.value, m.unit, m.kind)].append((article, m))
        else:
            groups[("value", str(m.value))].append((article, m))
    entities = []
    for group_key, group in groups.items():
        if group_key[0] == "surface":
            name = Counter(m.surface for _, m in group).most_common(1)[0][0]
        elif etype == "figure":
            name = figure_name(*group_key[1:])
        else:
            name = group_key[1]
        entities.append(_entity(etype, group, name))
    return entities


def figure_name(value: Any, unit: Optional[str], kind: Optional[str]) -> str:
    """A figure's display name, e.g. "137 drones", "5 hours (duration)"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    name = f"{value} {unit}" if unit else str(value)
    return name if kind in (None, "count") else f"{name} ({kind})"
