"""The QR code of a certificate's verification URL as a PNG, fast.

`qrcode` picks the mask pattern as the QR standard asks (ISO/IEC 18004 §7.8.3: the one with the
lowest penalty), but it builds the whole symbol eight times and scores each with Python loops
over every module: about 85 % of a QR's cost, 7–12 ms a certificate. Here the same choice is made
from one placement: the eight candidates differ only in the data modules (the format bits are
blank while scoring, as in `qrcode`), so each is the unmasked data XOR that mask, as integer rows,
and each is scored with the same four penalty rules on strings and integers (regular expressions
and bit operations). The symbol, and so the image, is identical to `qrcode`'s
(`tests/certificates/test_qr.py` compares them); the PNG is drawn from the module matrix at
once rather than box by box.
"""

import functools
import io
import re

import qrcode
import qrcode.constants
import qrcode.util
from PIL import Image

BOX_SIZE = 6  # pixels per module
BORDER = 2  # modules of quiet zone (the template's margin adds more)

_RUNS = re.compile(r"0{5,}|1{5,}")  # rule 1: five or more of one colour in a line
# Rule 3: dark-light-dark×3-light-dark (1:1:3:1:1) with four light modules on one side. Neither
# pattern overlaps itself, so counting each with str.count finds every position.
_FINDER_LIKE = ("10111010000", "00001011101")


def penalty(rows: list[str]) -> int:
    """The penalty score of a symbol given as strings of "0"/"1" (one per row, dark = "1"),
    computed as `qrcode.util.lost_point` computes it."""
    n = len(rows)
    # Every row and column in one string, separated so that no run or pattern spans two lines.
    lines = " ".join(rows) + " " + " ".join(map("".join, zip(*rows, strict=True)))
    runs = _RUNS.findall(lines)
    score = sum(map(len, runs)) - 2 * len(runs)
    # Rule 2: each 2×2 block of one colour (overlapping blocks count each).
    ints = [int(row, 2) for row in rows]
    pairs = (1 << (n - 1)) - 1
    blocks = 0
    for upper, lower in zip(ints, ints[1:], strict=False):
        same_vertically = ~(upper ^ lower)
        same_across = ~(upper ^ (upper >> 1))
        blocks += (same_vertically & (same_vertically >> 1) & same_across & pairs).bit_count()
    score += 3 * blocks
    score += 40 * sum(lines.count(pattern) for pattern in _FINDER_LIKE)
    dark = "".join(rows).count("1")
    score += int(abs(dark / n**2 * 100 - 50) / 5) * 10
    return score


class _DataCells(qrcode.QRCode):
    """Records which modules are left for data once the function patterns and the format (and
    version) information are placed: those `map_data` fills."""

    def map_data(self, data, mask_pattern):
        self.data_cells = [[cell is None for cell in row] for row in self.modules]
        super().map_data(data, mask_pattern)


@functools.lru_cache(maxsize=8)
def _data_masks(version: int) -> tuple[tuple[int, ...], ...]:
    """For a version, each of the eight mask patterns restricted to the data modules, as integer
    rows (the leftmost module the highest bit)."""
    probe = _DataCells(version=version, error_correction=qrcode.constants.ERROR_CORRECT_M)
    probe.add_data("")
    probe.makeImpl(True, 0)
    n = probe.modules_count
    masks = []
    for pattern in range(8):
        flip = qrcode.util.mask_func(pattern)
        masks.append(
            tuple(
                int("".join("1" if cells[c] and flip(r, c) else "0" for c in range(n)), 2)
                for r, cells in enumerate(probe.data_cells)
            )
        )
    return tuple(masks)


class _QRCode(qrcode.QRCode):
    def best_mask_pattern(self) -> int:
        self.makeImpl(True, 0)
        n = self.modules_count
        masks = _data_masks(self.version)
        placed = [int("".join("1" if cell else "0" for cell in row), 2) for row in self.modules]
        unmasked = [row ^ mask for row, mask in zip(placed, masks[0], strict=True)]
        best, best_score = 0, None
        for pattern, mask in enumerate(masks):
            rows = [format(row ^ bits, f"0{n}b") for row, bits in zip(unmasked, mask, strict=True)]
            score = penalty(rows)
            if best_score is None or score < best_score:
                best, best_score = pattern, score
        return best


def qr_matrix(url: str) -> list[list[bool]]:
    """The modules of the URL's QR code (error correction M), without the quiet zone."""
    code = _QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    return code.modules


def qr_png(url: str) -> bytes:
    """The QR code of a URL as a small black-and-white PNG (error correction M, so a creased print
    still scans), BOX_SIZE pixels a module with a BORDER-module quiet zone."""
    modules = qr_matrix(url)
    n = len(modules) + 2 * BORDER
    light = b"\xff" * n
    pixels = [light] * BORDER
    edge = b"\xff" * BORDER
    pixels += [edge + bytes(0 if cell else 255 for cell in row) + edge for row in modules]
    pixels += [light] * BORDER
    image = Image.frombytes("L", (n, n), b"".join(pixels))
    image = image.resize((n * BOX_SIZE, n * BOX_SIZE), Image.Resampling.NEAREST).convert("1")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
