"""Loads the initial content from the YAML files in content/ into the database.

Each app describes its records with `Kind`s (in <app>/content.py). Loading is idempotent and
respects staff: every record the loader writes is remembered in a ContentSeed ledger with the
values it wrote, so that a rerun

* creates a record only once, and never re-creates one that staff deleted;
* refreshes a field from the data file only while it still holds the value last loaded;
* leaves every field staff changed exactly as they left it.

All files are parsed and checked before anything is written, and everything is written in one
transaction: a broken file stops the load with a message naming the file and the problem and
changes nothing.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator

from pages.models import ContentSeed

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = LANGUAGE_CODES[0]


class ContentError(Exception):
    """A problem in a content file; the message names the file and where in it."""


@dataclass(frozen=True)
class Kind:
    """How one list (or mapping) in a content file maps onto a model.

    key_field: the entry's stable identifier ("slug" or "key"), unique among its siblings.
    parent: the FK attribute pointing at the enclosing record, for nested kinds.
    children: nested lists, by their name in the file.
    refs: FK attributes given in the file as the ledger key of another record
          ({"series": "events.series"} lets an entry say `series: forum`).
    lists: translated fields written in the file as a list of lines.
    singleton: the file holds one mapping, not a list (e.g. site settings).
    """

    model: type[models.Model]
    key_field: str = "slug"
    parent: str | None = None
    children: dict[str, Kind] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    lists: tuple[str, ...] = ()
    singleton: bool = False

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    def translated(self) -> set[str]:
        try:
            return set(translator.get_options_for_model(self.model).fields)
        except NotRegistered:
            return set()


@dataclass
class Entry:
    """One record to write, checked and flattened into column values."""

    kind: Kind
    name: str  # the entry's own key in the file
    key: str  # its ledger key, unique across all files
    values: dict[str, Any]
    refs: dict[str, str]
    source: str
    parent: Entry | None = None
    children: list[Entry] = field(default_factory=list)


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)
    kept_staff_edits: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{name}: {self.counts[name]}" for name in sorted(self.counts)]
        return ", ".join(parts) or "nothing to do"


# --- Reading and checking -------------------------------------------------------------------


def read_entries(path: Path, kinds: dict[str, Kind]) -> list[Entry]:
    """Parse one file into entries, or raise ContentError naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContentError(f"{path}: cannot be read ({error.strerror}).") from None
    except UnicodeDecodeError:
        raise ContentError(f"{path}: is not UTF-8 text.") from None
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: is not valid YAML: {error}") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ContentError(f"{path}: the top level must be a mapping of sections.")
    unknown = set(data) - set(kinds)
    if unknown:
        raise ContentError(
            f"{path}: unknown section(s) {', '.join(sorted(unknown))}; "
            f"expected {', '.join(sorted(kinds))}."
        )
    entries = []
    for name, kind in kinds.items():
        if name in data:
            entries.extend(_read_list(path, name, kind, data[name], parent=None))
    return entries


def _read_list(path, where, kind, raw, parent) -> list[Entry]:
    if kind.singleton:
        raw = [raw]
    if not isinstance(raw, list):
        raise ContentError(f"{path}: {where} must be a list.")
    entries, seen = [], set()
    for index, item in enumerate(raw):
        source = f"{path}: {where}" if kind.singleton else f"{path}: {where}[{index}]"
        entry = _read_entry(path, source, kind, item, parent)
        if entry.name in seen:
            raise ContentError(f"{source}: duplicate {kind.key_field} {entry.name!r}.")
        seen.add(entry.name)
        entries.append(entry)
    return entries


def _read_entry(path, source, kind, item, parent) -> Entry:
    if not isinstance(item, dict):
        raise ContentError(f"{source}: must be a mapping of fields.")
    translated = kind.translated()
    concrete = {f.name: f for f in kind.model._meta.concrete_fields}
    allowed = (set(concrete) | set(kind.children) | set(kind.refs) | {kind.key_field}) - {"id"}
    unknown = set(item) - allowed
    if unknown:
        raise ContentError(f"{source}: unknown field(s) {', '.join(sorted(unknown))}.")

    if kind.singleton:
        key = kind.label
    else:
        key = item.get(kind.key_field)
        if not isinstance(key, str) or not key:
            raise ContentError(f"{source}: {kind.key_field} is required (a short text).")
    values: dict[str, Any] = {}
    if kind.key_field in concrete:
        values[kind.key_field] = key

    for name, raw in item.items():
        if name in kind.children or name in kind.refs or name == kind.key_field:
            continue
        if name in translated:
            values.update(_read_translated(source, name, raw, as_lines=name in kind.lists))
        elif isinstance(raw, (str, int, float, bool, datetime.date)) or raw is None:
            values[name] = _column_value(source, concrete[name], raw)
        else:
            raise ContentError(f"{source}: {name} must be a single value.")

    refs = {}
    for name in kind.refs:
        if name in item and item[name] is not None:
            if not isinstance(item[name], str):
                raise ContentError(f"{source}: {name} must name another record by its key.")
            refs[name] = item[name]

    entry = Entry(kind, key, _ledger_key(kind, key, parent), values, refs, source, parent)
    for child_name, child_kind in kind.children.items():
        if child_name in item:
            entry.children = entry.children + _read_list(
                path,
                f"{source.split(': ', 1)[1]}.{child_name}",
                child_kind,
                item[child_name],
                entry,
            )
    return entry


def _column_value(source, model_field, raw):
    if raw is None and not model_field.null:
        raw = "" if isinstance(model_field, (models.CharField, models.TextField)) else raw
    try:
        value = model_field.to_python(raw)
    except ValidationError as error:
        raise ContentError(f"{source}: {model_field.name}: {' '.join(error.messages)}") from None
    return _comparable(None, model_field.name, value)


def _read_translated(source, name, raw, *, as_lines):
    if not isinstance(raw, dict) or DEFAULT_LANGUAGE not in raw:
        raise ContentError(
            f"{source}: {name} must give the text per language, at least {DEFAULT_LANGUAGE}: "
            f"({', '.join(LANGUAGE_CODES)})."
        )
    unknown = set(raw) - set(LANGUAGE_CODES)
    if unknown:
        raise ContentError(
            f"{source}: {name} has unknown language(s) {', '.join(sorted(unknown))}."
        )
    values = {}
    for code in LANGUAGE_CODES:
        text = raw.get(code, "")
        if as_lines and isinstance(text, list):
            if not all(isinstance(line, str) for line in text):
                raise ContentError(f"{source}: {name}.{code} must be a list of texts.")
            text = "\n".join(text)
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise ContentError(f"{source}: {name}.{code} must be text.")
        values[f"{name}_{code}"] = text.strip()
    return values


def _ledger_key(kind: Kind, key: str, parent: Entry | None) -> str:
    own = f"{kind.label}:{key}"
    return f"{parent.key}/{own}" if parent else own


# --- Writing ----------------------------------------------------------------------------------


def load(files: list[tuple[Path, dict[str, Kind]]]) -> LoadReport:
    """Check every file, then write everything in one transaction."""
    entries = [entry for path, kinds in files for entry in read_entries(path, kinds)]
    report = LoadReport()
    with transaction.atomic():
        ledger = {seed.key: seed for seed in ContentSeed.objects.all()}
        keys_by_label = _keys_by_label(entries)
        for entry in entries:
            _write(entry, None, ledger, keys_by_label, report)
    return report


def _keys_by_label(entries: list[Entry]) -> dict[tuple[str, str], str]:
    """Top-level records that others may reference: (label, key) -> ledger key."""
    return {(entry.kind.label, entry.name): entry.key for entry in entries}


def _write(entry, parent_obj, ledger, keys_by_label, report) -> None:
    values = dict(entry.values)
    if entry.kind.parent:
        values[f"{entry.kind.parent}_id"] = parent_obj.pk
    for name, target in entry.refs.items():
        values[f"{name}_id"] = _resolve_ref(entry, name, target, ledger, keys_by_label)

    seed = ledger.get(entry.key)
    if seed is not None:
        obj = entry.kind.model._default_manager.filter(pk=seed.values.get("pk")).first()
        if obj is None:
            report.counts["skipped (deleted by staff)"] += 1
            return  # staff deleted it: neither it nor its children come back
        _refresh(entry, obj, seed, values, report)
    else:
        obj = _adopt_or_create(entry, values, report)
        seed = ContentSeed.objects.create(key=entry.key, values={"pk": obj.pk, "fields": values})
        ledger[entry.key] = seed
    for child in entry.children:
        _write(child, obj, ledger, keys_by_label, report)


def _resolve_ref(entry, name, target, ledger, keys_by_label):
    label = entry.kind.refs[name]
    ledger_key = keys_by_label.get((label, target)) or f"{label}:{target}"
    seed = ledger.get(ledger_key)
    if seed is None:
        raise ContentError(f"{entry.source}: {name} refers to {target!r}, which is not defined.")
    return seed.values["pk"]


def _adopt_or_create(entry, values, report):
    model = entry.kind.model
    existing = None
    if entry.kind.singleton:
        existing = model._default_manager.order_by("pk").first()
    elif entry.kind.key_field in values and _is_unique(model, entry.kind.key_field):
        existing = model._default_manager.filter(
            **{entry.kind.key_field: values[entry.kind.key_field]}
        ).first()
    if existing is not None:
        # Made by staff before the loader knew it: keep their text, remember ours as loaded.
        report.counts["adopted"] += 1
        return existing
    obj = model()
    for name, value in values.items():
        setattr(obj, name, value)
    _save(entry, obj)
    report.counts["created"] += 1
    return obj


def _refresh(entry, obj, seed, values, report):
    loaded = seed.values.get("fields", {})
    now_loaded = dict(loaded)
    changed = False
    for name, new in values.items():
        current = _comparable(obj, name, getattr(obj, name))
        if name not in loaded:
            # A field the loader never wrote: fill it only if staff have not.
            now_loaded[name] = new
            if current in ("", None) and new not in ("", None):
                setattr(obj, name, new)
                changed = True
        elif current != loaded[name]:
            if new != loaded[name]:
                report.kept_staff_edits.append(f"{entry.key} {name}")
        elif current != new:
            # Untouched since the last load and changed in the data file: refresh it.
            setattr(obj, name, new)
            now_loaded[name] = new
            changed = True
    if changed:
        _save(entry, obj)
        report.counts["updated"] += 1
    else:
        report.counts["unchanged"] += 1
    if now_loaded != loaded:
        seed.values = {"pk": obj.pk, "fields": now_loaded}
        seed.save(update_fields=["values", "loaded_at"])


def _comparable(obj, name, value):
    """A field's value in the JSON form the ledger stores, so that both compare equal."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return timezone.localtime(value).isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def _save(entry, obj):
    try:
        obj.full_clean(validate_unique=True)
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise ContentError(f"{entry.source}: {problems}") from None
    obj.save()


def _is_unique(model, field_name: str) -> bool:
    return model._meta.get_field(field_name).unique
