"""Small activity photos for the demo district, drawn in pure Python as PNG files.

A scene of a meeting outdoors: a sky, a red banner (横幅), a row of people, the ground.
No image library and no files shipped: a few kilobytes each, made in milliseconds.
"""

from __future__ import annotations

import random
import struct
import zlib

WIDTH = 240
HEIGHT = 160

Color = tuple[int, int, int]

_BANNER: Color = (200, 30, 35)
_LETTERING: Color = (250, 215, 90)
_GROUND: tuple[Color, ...] = ((120, 150, 90), (150, 140, 120), (170, 165, 155))
_CLOTHES: tuple[Color, ...] = (
    (40, 60, 120),
    (220, 220, 225),
    (200, 40, 40),
    (60, 60, 60),
    (90, 120, 160),
)
_SKIN: Color = (230, 190, 150)
_HAIR: Color = (30, 25, 25)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def encode_png(rows: list[bytearray], width: int) -> bytes:
    """An 8-bit RGB PNG of ``rows`` (each ``3 * width`` bytes)."""
    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )


def _fill(row: bytearray, x0: int, x1: int, color: Color) -> None:
    x0, x1 = max(0, x0), min(WIDTH, x1)
    if x1 > x0:
        row[3 * x0 : 3 * x1] = bytes(color) * (x1 - x0)


def activity_photo(rng: random.Random) -> bytes:
    """One photo, its scene varied by ``rng``."""
    horizon = rng.randint(95, 110)
    ground = rng.choice(_GROUND)
    top: Color = (rng.randint(90, 130), rng.randint(150, 180), rng.randint(210, 240))
    banner_top, banner_left = rng.randint(14, 26), rng.randint(16, 40)
    banner_right = WIDTH - rng.randint(16, 40)
    people = [
        (x, rng.randint(horizon - 8, horizon + 6), rng.choice(_CLOTHES))
        for x in range(banner_left, banner_right, rng.randint(16, 22))
    ]
    rows: list[bytearray] = []
    for y in range(HEIGHT):
        if y < horizon:
            shade = y * 60 // horizon
            sky = (top[0] + shade, top[1] + shade, min(255, top[2] + shade // 2))
            row = bytearray(bytes(sky) * WIDTH)
        else:
            row = bytearray(bytes(ground) * WIDTH)
        if banner_top <= y < banner_top + 22:
            _fill(row, banner_left, banner_right, _BANNER)
            if banner_top + 7 <= y < banner_top + 15:  # a line of characters
                for x in range(banner_left + 10, banner_right - 10, 12):
                    _fill(row, x, x + 8, _LETTERING)
        for x, feet, clothes in people:
            head = feet - 44
            if head <= y < head + 10:
                _fill(row, x + 2, x + 10, _HAIR if y < head + 3 else _SKIN)
            elif head + 10 <= y < feet - 16:
                _fill(row, x, x + 12, clothes)
            elif feet - 16 <= y < feet:
                _fill(row, x + 1, x + 5, _HAIR)
                _fill(row, x + 7, x + 11, _HAIR)
        rows.append(row)
    return encode_png(rows, WIDTH)
