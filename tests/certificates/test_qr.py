"""certificates.qr makes the same QR symbol as `qrcode` (the standard's mask choice), only faster."""

import io
import random
import string

import pytest
import qrcode
import qrcode.constants
import qrcode.util
import zxingcpp
from PIL import Image

from certificates import qr
from certificates.models import CODE_ALPHABET


def _reference(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    return code


def _urls(count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    urls = []
    for i in range(count):
        if i % 2:
            # Other lengths reach other versions, 7 and up with their version information too.
            tail = "".join(chooser.choice(string.ascii_letters + "/-._") for _ in range(chooser.randint(1, 400)))
            urls.append(f"https://contoh.example/{tail}")
        else:
            code = "".join(chooser.choice(CODE_ALPHABET) for _ in range(16))
            urls.append(f"https://sinau.example.go.id/certificates/verify/{code}/")
    return urls


@pytest.mark.parametrize("url", _urls(40, seed=12))
def test_the_symbol_is_the_one_qrcode_makes(url):
    assert qr.qr_matrix(url) == _reference(url).modules


def test_the_penalty_is_qrcodes_for_every_mask():
    for url in _urls(6, seed=3):
        reference = _reference(url)
        for pattern in range(8):
            reference.makeImpl(True, pattern)
            rows = ["".join("1" if cell else "0" for cell in row) for row in reference.modules]
            assert qr.penalty(rows) == qrcode.util.lost_point(reference.modules), (url, pattern)


def test_the_png_is_qrcodes_image_and_scans():
    url = "https://sinau.example.go.id/certificates/verify/7K3M9QXR2WDFHT8B/"
    mine = Image.open(io.BytesIO(qr.qr_png(url))).convert("1")
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=qr.BOX_SIZE, border=qr.BORDER)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    theirs = Image.open(buffer).convert("1")
    assert mine.size == theirs.size and mine.tobytes() == theirs.tobytes()
    assert [result.text for result in zxingcpp.read_barcodes(mine)] == [url]
