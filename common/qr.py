"""A fast QR encoder for badge codes: version 2, level Q, alphanumeric mode, one fixed mask.

Printing a thousand badges at once, the qrcode package's general encoder was a third of the
time per badge. Badge codes always have the same shape, so the symbol layout is worked out once
(by the qrcode package itself, so the function patterns and format bits are its own) and each
code then costs an alphanumeric encoding, a Reed–Solomon remainder and 352 bit flips.
tests/accreditation/test_qr.py checks the result against the qrcode package module by module.
"""

from functools import cache

import qrcode
from qrcode.constants import ERROR_CORRECT_Q

VERSION = 2
MASK = 2
SIZE = 17 + 4 * VERSION  # 25 modules
DATA_CODEWORDS = 22  # version 2-Q: one block of 22 data and 22 error-correction codewords
EC_CODEWORDS = 22
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {char: index for index, char in enumerate(ALPHANUMERIC)}
MAX_LENGTH = 29  # what fits in 22 codewords with the 13-bit header

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _generator(degree: int) -> list[int]:
    polynomial = [1]
    for i in range(degree):
        nxt = [0] * (len(polynomial) + 1)
        for j, coefficient in enumerate(polynomial):
            nxt[j] ^= coefficient
            if coefficient:
                nxt[j + 1] ^= _EXP[_LOG[coefficient] + i]
        polynomial = nxt
    return polynomial


_GENERATOR_LOG = [_LOG[c] for c in _generator(EC_CODEWORDS)[1:]]


def _error_correction(data: list[int]) -> list[int]:
    remainder = [0] * EC_CODEWORDS
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            log = _LOG[factor]
            for k, generator_log in enumerate(_GENERATOR_LOG):
                remainder[k] ^= _EXP[log + generator_log]
    return remainder


def _codewords(text: str) -> list[int]:
    bits = [0, 0, 1, 0]  # alphanumeric mode
    bits += [(len(text) >> s) & 1 for s in range(8, -1, -1)]  # 9-bit count (versions 1–9)
    for i in range(0, len(text) - 1, 2):
        value = _VALUE[text[i]] * 45 + _VALUE[text[i + 1]]
        bits += [(value >> s) & 1 for s in range(10, -1, -1)]
    if len(text) % 2:
        value = _VALUE[text[-1]]
        bits += [(value >> s) & 1 for s in range(5, -1, -1)]
    capacity = DATA_CODEWORDS * 8
    bits += [0] * min(4, capacity - len(bits))  # terminator
    bits += [0] * (-len(bits) % 8)
    data = [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8)]
    pad = (0xEC, 0x11)
    data += [pad[i % 2] for i in range(DATA_CODEWORDS - len(data))]
    return data + _error_correction(data)


@cache
def _layout() -> tuple[tuple[bool, ...], tuple[int, ...]]:
    """The symbol with all data bits 0 (masked), and the data bit positions in placement order.

    Both come from the qrcode package: data of all zeros and of all ones differ exactly at the
    data modules; the placement order is QR's zig-zag over those modules.
    """

    def symbol(fill: int) -> list[list[bool]]:
        qr = qrcode.QRCode(
            version=VERSION, error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=MASK
        )
        qr.data_cache = [fill] * (DATA_CODEWORDS + EC_CODEWORDS)
        qr.makeImpl(False, MASK)
        return qr.modules

    zeros, ones = symbol(0), symbol(0xFF)
    is_data = [[zeros[r][c] != ones[r][c] for c in range(SIZE)] for r in range(SIZE)]
    order = []
    row, step = SIZE - 1, -1
    col = SIZE - 1
    while col > 0:
        if col == 6:  # the vertical timing pattern column is skipped
            col -= 1
        while 0 <= row < SIZE:
            for c in (col, col - 1):
                if is_data[row][c]:
                    order.append(row * SIZE + c)
            row += step
        row -= step
        step = -step
        col -= 2
    base = tuple(zeros[r][c] for r in range(SIZE) for c in range(SIZE))
    if len(order) != (DATA_CODEWORDS + EC_CODEWORDS) * 8:
        raise RuntimeError("unexpected QR layout")
    return base, tuple(order)


def fits(text: str) -> bool:
    """Whether `text` can be encoded here (else use the qrcode package)."""
    return len(text) <= MAX_LENGTH and all(char in _VALUE for char in text)


def qr_modules(text: str) -> list[list[bool]]:
    """The 25×25 modules of `text` (dark = True), without quiet zone."""
    base, order = _layout()
    modules = list(base)
    position = 0
    for byte in _codewords(text):
        for shift in range(7, -1, -1):
            if (byte >> shift) & 1:
                index = order[position]
                modules[index] = not modules[index]
            position += 1
    return [modules[r * SIZE : (r + 1) * SIZE] for r in range(SIZE)]
