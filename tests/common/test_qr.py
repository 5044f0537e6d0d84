"""Our fixed-layout QR encoder draws exactly what the qrcode package draws."""

import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_Q

from accreditation.badges import new_badge_code
from common.qr import MASK, VERSION, fits, qr_modules


def _reference(text: str) -> list[list[bool]]:
    qr = qrcode.QRCode(
        version=VERSION, error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=MASK
    )
    qr.add_data(text, optimize=0)
    qr.make(fit=False)
    return qr.modules


@pytest.mark.parametrize("text", [new_badge_code() for _ in range(100)])
def test_badge_codes_match_the_qrcode_package_module_for_module(text):
    assert qr_modules(text) == _reference(text)


@pytest.mark.parametrize("text", ["A", "PC1", "HELLO WORLD", "0123456789$%*+-./:"])
def test_other_alphanumeric_texts_match_too(text):
    assert qr_modules(text) == _reference(text)


def test_texts_outside_the_fixed_layout_do_not_fit():
    assert fits(new_badge_code())
    assert not fits("lower case")
    assert not fits("A" * 30)
