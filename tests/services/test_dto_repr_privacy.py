"""The printed form (``repr``) of every DTO of ``services/`` and ``domain/`` holding an ID
number, a phone or a birth date leaves them out: a traceback or a log line that shows a
DTO once stood a full birth date next to a masked ID number. The DTOs are found by walking
the modules, so a new one is covered too."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from types import ModuleType

import pbc_desktop.domain
import pbc_desktop.services

PERSONAL = {
    "id_number": "440514198503021234",
    "phone": "13812345678",
    "birth_date": "1985-03-02",
}


def _modules(package: ModuleType) -> list[ModuleType]:
    found = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        found.append(importlib.import_module(info.name))
    return found


def _personal_dtos() -> list[type]:
    dtos: dict[str, type] = {}
    for package in (pbc_desktop.services, pbc_desktop.domain):
        for module in _modules(package):
            for obj in vars(module).values():
                if (
                    inspect.isclass(obj)
                    and dataclasses.is_dataclass(obj)
                    and obj.__module__ == module.__name__
                    and PERSONAL.keys() & {f.name for f in dataclasses.fields(obj)}
                ):
                    dtos[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [dtos[name] for name in sorted(dtos)]


def _filled(cls: type) -> object:
    """An instance with every field set (no ``__init__``: the fields' types vary), the
    personal ones to recognisable values."""
    obj = object.__new__(cls)
    for f in dataclasses.fields(cls):
        object.__setattr__(obj, f.name, PERSONAL.get(f.name, f"<{f.name}>"))
    return obj


def test_the_walk_finds_the_dtos_holding_personal_fields() -> None:
    names = {cls.__name__ for cls in _personal_dtos()}
    assert {"MemberInput", "MemberDetail", "MemberRow", "RosterRow", "ApplicantInput"} <= names


def test_no_dto_prints_an_id_number_a_phone_or_a_birth_date() -> None:
    printed = {cls.__qualname__: repr(_filled(cls)) for cls in _personal_dtos()}
    leaking = {
        name: sorted(key for key, value in PERSONAL.items() if value in text)
        for name, text in printed.items()
        if any(value in text for value in PERSONAL.values())
    }
    assert leaking == {}
    assert all(name.split(".")[-1] in text for name, text in printed.items())
