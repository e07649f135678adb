"""Ticks made without text: a cell's fill colour, or a cross drawn with its diagonal borders.

Real tables tick competencies by painting the cell (black, blue…) or by
setting both diagonal borders (an X). A fill only counts when it stands out:
it differs from the fill of the row's own title and period cells (a whole row
highlighted is not a tick) and from the column header's (a column painted in
the model is not a tick); white or no fill never counts.
"""

from __future__ import annotations

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.colors import Color

WHITE = frozenset({"FFFFFFFF", "00FFFFFF", "FFFFFF"})
WHITE_INDEXED = frozenset({1, 9, 64})  # white, white, the system's background


def fill_key(cell: Cell | MergedCell) -> str | None:
    """What makes a cell's fill a colour, comparable between cells; None for none or white."""
    fill = cell.fill
    if fill is None or fill.fill_type in (None, "none"):
        return None
    color = fill.fgColor if fill.fill_type == "solid" else fill.fgColor or fill.bgColor
    return color_key(color)


def color_key(color: Color | None) -> str | None:
    if color is None:
        return None
    tint = round(float(color.tint or 0.0), 3)
    if color.type == "rgb" and isinstance(color.rgb, str):
        rgb = color.rgb.upper()
        if rgb in WHITE or rgb.startswith("00"):  # alpha 0: transparent
            return None
        return f"rgb:{rgb[-6:]}:{tint}"
    if color.type == "theme" and isinstance(color.theme, int):
        if color.theme == 0 and tint >= 0:  # the theme's light 1: white
            return None
        return f"theme:{color.theme}:{tint}"
    if color.type == "indexed" and isinstance(color.indexed, int):
        return None if color.indexed in WHITE_INDEXED else f"indexed:{color.indexed}:{tint}"
    return None


def crossed(cell: Cell | MergedCell) -> bool:
    """Both diagonal borders set: an X drawn over the cell."""
    border = cell.border
    if border is None or border.diagonal is None or border.diagonal.style is None:
        return False
    return bool(border.diagonalUp) and bool(border.diagonalDown)


def describe(key: str) -> str:
    """A fill key in words, for the report."""
    kind, value, _ = key.split(":")
    if kind == "rgb":
        return f"#{value}"
    return f"couleur {value} du thème" if kind == "theme" else f"couleur indexée {value}"
