"""Idempotent writes: find a row by its natural key, create it when missing,
change it when a value differs, and leave it alone otherwise.

A row that is left alone is not saved at all, so a second run writes
nothing: no `updated_at` moves, no django-simple-history row appears.
"""

from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
DELETED = "deleted"
_RANK = {UNCHANGED: 0, UPDATED: 1, CREATED: 2, DELETED: 3}


class RecordError(Exception):
    """A fact could not be written; the message says which and why."""


class Tally:
    """What a run did to each row, counted by kind (the model's plural name).

    A row is counted once, by the most a run did to it: a row created and
    then completed in the same run counts as created.
    """

    def __init__(self) -> None:
        self._actions: dict[tuple[str, object], tuple[str, str]] = {}

    def count(self, instance: models.Model, action: str) -> None:
        key = (instance._meta.label, instance.pk)
        kind = str(instance._meta.verbose_name_plural)
        previous = self._actions.get(key)
        if previous is None or _RANK[action] > _RANK[previous[1]]:
            self._actions[key] = (kind, action)

    def by_kind(self) -> dict[str, Counter]:
        counts: dict[str, Counter] = {}
        for kind, action in self._actions.values():
            counts.setdefault(kind, Counter())[action] += 1
        return counts

    def totals(self) -> Counter:
        return Counter(action for _, action in self._actions.values())

    def lines(self) -> list[str]:
        """One line per kind: 'participants: 59 created, 0 updated, 0 unchanged'."""
        return [f"{kind}: {_counts(counter)}" for kind, counter in self.by_kind().items()]

    def total_line(self) -> str:
        return f"Total: {_counts(self.totals())}."


def _counts(counter: Counter) -> str:
    actions = (CREATED, UPDATED, UNCHANGED) + ((DELETED,) if counter[DELETED] else ())
    return ", ".join(f"{counter[action]} {action}" for action in actions)


def describe(model: type[models.Model], lookup: dict) -> str:
    keys = ", ".join(f"{name}={_label(value)}" for name, value in lookup.items())
    return f"{model._meta.verbose_name} ({keys})"


def _label(value) -> str:
    if isinstance(value, models.Model):
        return getattr(value, "slug", None) or str(value)
    return repr(value) if isinstance(value, str) else str(value)


def validated(instance: models.Model, what: str) -> None:
    """full_clean(), as the admin would, naming the fact when it fails."""
    try:
        instance.full_clean()
    except ValidationError as error:
        raise RecordError(f"{what}: {'; '.join(error.messages)}") from error


def _snapshot(instance: models.Model) -> dict:
    return {
        field.attname: field.value_from_object(instance)
        for field in instance._meta.concrete_fields
        if not getattr(field, "auto_now", False)
    }


def upsert(
    tally: Tally,
    model: type[models.Model],
    *,
    lookup: dict,
    values: dict | None = None,
    many: dict[str, Iterable[models.Model]] | None = None,
) -> models.Model:
    """The row of `model` with the natural key `lookup`, holding `values`.

    Created when missing; changed and saved only when a value (after
    `full_clean()`'s normalisation) differs. `many` names many-to-many
    relations and the rows each must include: missing ones are added, rows
    added by staff are kept.
    """
    values = values or {}
    what = describe(model, lookup)
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model(**{**lookup, **values})
        validated(instance, what)
        instance.save()
        tally.count(instance, CREATED)
    else:
        before = _snapshot(instance)
        for name, value in values.items():
            setattr(instance, name, value)
        validated(instance, what)
        if _snapshot(instance) != before:
            instance.save()
            tally.count(instance, UPDATED)
        else:
            tally.count(instance, UNCHANGED)
    for name, wanted in (many or {}).items():
        related = getattr(instance, name)
        present = set(related.values_list("pk", flat=True))
        missing = [row for row in wanted if row.pk not in present]
        if missing:
            related.add(*missing)
            tally.count(instance, UPDATED)
    return instance
