"""The ``settings`` table (one record) and the id counters of ``_meta``."""

from __future__ import annotations

from typing import Any

from ronda.model import Damage, SchemaError, Settings
from ronda.store.records import Table, broken, document


class SettingsTable(Table):
    _settings: Settings | None = None

    def settings(self) -> Settings:
        if self._settings is None:
            record = self._storage.data.get("settings", {}).get("1")
            if record is None:
                raise broken(self.path, SchemaError("schema.missing_settings"))
            self._settings = Settings.from_dict(dict(record))
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        self.db.table("settings").upsert(document(settings.to_dict(), doc_id=1))
        self._settings = settings


def check_settings(data: dict[str, Any], problems: list[Damage]) -> None:
    """The settings record and the id counters, read in full by every command."""
    settings = data.get("settings", {}).get("1")
    if settings is None:
        problems.append(Damage("settings/1", SchemaError("schema.missing")))
    else:
        try:
            Settings.from_dict(settings)
        except SchemaError as exc:
            problems.append(Damage("settings/1", exc))
    meta = data.get("_meta", {}).get("1", {})
    counters = meta.get("next_id", {}) if isinstance(meta, dict) else None
    if not isinstance(counters, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in counters.values()):
        problems.append(Damage("_meta", SchemaError("schema.field_malformed", field="next_id")))
