"""Names in pinyin: order keys, initials, full pinyin and surnames."""

from __future__ import annotations

import re
import threading
import time
from typing import Any

import pytest

from pbc_desktop.domain import pinyin
from pbc_desktop.domain.pinyin import NameKeys, name_keys, pinyin_needle, sort_key


def _people(*names: str) -> list[str]:
    return sorted(names, key=lambda n: sort_key(n, person=True))


def test_names_sort_by_pinyin_surname_first() -> None:
    assert _people("张伟", "李明", "曾强", "陈静", "王芳") == [
        "陈静",
        "李明",
        "王芳",
        "曾强",
        "张伟",
    ]


def test_the_same_character_stays_together_before_another_of_the_same_reading() -> None:
    # 张 and 章 are both zhang: every 张 first, then 章, each by the given name
    assert _people("章伟", "张武", "张伟", "章安") == ["张伟", "张武", "章安", "章伟"]


def test_a_shorter_reading_comes_first() -> None:
    # 李安 (li an) before 连 (lian): syllable by syllable, not letter by letter
    assert _people("连杰", "李安") == ["李安", "连杰"]


@pytest.mark.parametrize(
    ("name", "pinyin"),
    [
        ("曾国藩", "zengguofan"),
        ("单田芳", "shantianfang"),
        ("解放", "xiefang"),
        ("仇英", "qiuying"),
        ("朴正熙", "piaozhengxi"),
        ("区志强", "ouzhiqiang"),
        ("查良镛", "zhaliangyong"),
        ("尉迟恭", "yuchigong"),
    ],
)
def test_a_persons_first_character_is_read_as_a_surname(name: str, pinyin: str) -> None:
    assert name_keys(name, person=True).pinyin == pinyin


def test_an_organization_is_read_as_words() -> None:
    keys = name_keys("大溪坝村党总支")
    assert (keys.initials, keys.pinyin) == ("dxbcdzz", "daxibacundangzongzhi")
    assert name_keys("曾经党支部").pinyin.startswith("cengjing")  # not a person: no surname


def test_letters_and_digits_count_punctuation_does_not() -> None:
    keys = name_keys("ＸＸ公司(1)")
    assert (keys.initials, keys.pinyin) == ("xxgs1", "xxgongsi1")
    assert name_keys("阿依古丽·买买提", person=True).initials == "ayglmmt"


def test_order_keys_use_only_letters_and_digits() -> None:
    """So every collation (SQLite binary, PostgreSQL C or a locale's) orders them alike."""
    for name in ("张伟", "大溪坝村党总支", "XX公司（一）", "阿依古丽·买买提", "𠀾"):
        assert re.fullmatch("[0-9a-z]*", sort_key(name))


@pytest.mark.parametrize(
    ("typed", "needle"),
    [("zw", "zw"), ("Zhang Wei", "zhangwei"), ("xi'an", "xian"), ("ｄｘｂ", "dxb"), ("lü", "lv")],
)
def test_typed_pinyin(typed: str, needle: str) -> None:
    assert pinyin_needle(typed) == needle


@pytest.mark.parametrize("typed", ["", "张伟", "138", "zw1", "  "])
def test_text_that_is_not_pinyin(typed: str) -> None:
    assert pinyin_needle(typed) is None


@pytest.mark.parametrize(
    "text",
    [
        "张伟",  # no polyphonic character: each character on its own
        "党员00012",  # 员 is polyphonic, then digits
        "重庆银行长乐支行",  # polyphonic characters read as words (chong qing, hang, zhang)
        "长乐村2组·银行",  # two runs with polyphonic characters, a digit and a dot between
        "ＸＸ公司(1)",
        "𠀾都",
        "",
    ],
)
def test_a_name_is_keyed_piece_by_piece_as_read_whole(text: str) -> None:
    """The keys run together from each character's (or each run's, around a polyphonic
    character) are those of reading the whole text with its words."""
    from pbc_desktop.domain import pinyin

    pinyin.load_dictionaries()
    whole = pinyin._keys(pinyin._readings(text))
    assert pinyin._part.__wrapped__(text) == whole


@pytest.fixture
def unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """pinyin's dictionaries as before their first load (put back after the test)."""
    monkeypatch.setattr(pinyin, "_READINGS", {})
    monkeypatch.setattr(pinyin, "_PHRASES", {})
    monkeypatch.setattr(pinyin, "_WORDS", None)


@pytest.mark.usefixtures("unloaded")
def test_two_threads_asking_for_the_first_name_at_once_load_the_dictionaries_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's preload and a first name at once: the second waits for the same load."""
    loads: list[str] = []
    loading = threading.Event()
    real = pinyin._import_dictionaries

    def slow_load() -> Any:
        loads.append(threading.current_thread().name)
        loading.set()
        time.sleep(0.2)  # the other thread asks meanwhile
        return real()

    monkeypatch.setattr(pinyin, "_import_dictionaries", slow_load)
    keys: list[NameKeys] = []
    preload = threading.Thread(target=pinyin.load_dictionaries, name="preload")
    preload.start()
    assert loading.wait(5)
    first = threading.Thread(target=lambda: keys.append(name_keys("章三", person=True)))
    first.start()
    preload.join(5)
    first.join(5)
    assert loads == ["preload"]
    assert pinyin.dictionaries_loaded()
    assert [k.initials for k in keys] == ["zs"]
