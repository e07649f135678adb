"""NOTE FINALE = max(0, NOTE − penalties), on exact decimals, printed the French way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from e4cli.jury.final_mark import final_mark, format_mark, in_range, parse_mark


@pytest.mark.parametrize(
    ("note", "penalties", "expected"),
    [
        ("15.5", 0, "15.5"),
        ("12", 2, "10"),
        ("16", 10, "6"),
        ("17.25", 12, "5.25"),
        ("13.75", 2, "11.75"),
        ("11", 12, "0"),  # never below 0
        ("1.5", 2, "0"),
        ("0", 0, "0"),
        ("20", 0, "20"),
        ("20", 12, "8"),
    ],
)
def test_final_mark_subtracts_the_penalties_and_never_goes_below_zero(
    note: str, penalties: int, expected: str
) -> None:
    assert final_mark(Decimal(note), penalties) == Decimal(expected)


def test_the_subtraction_is_exact_on_quarter_points() -> None:
    # 0.1 + 0.2 style float errors would print 11.749999…: decimals keep 11,75
    assert format_mark(final_mark(parse_mark(13.75) or Decimal(-1), 2)) == "11,75"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (15, Decimal(15)),
        (15.5, Decimal("15.5")),
        (12.25, Decimal("12.25")),
        ("15,5", Decimal("15.5")),
        (" 14.75 ", Decimal("14.75")),
        ("-1", Decimal(-1)),
        ("21", Decimal(21)),
    ],
)
def test_a_mark_is_a_yaml_number_or_a_french_decimal(written: object, expected: Decimal) -> None:
    assert parse_mark(written) == expected


@pytest.mark.parametrize("written", [True, None, "quinze", "15/20", "", float("nan"), [15]])
def test_anything_else_is_not_a_mark(written: object) -> None:
    assert parse_mark(written) is None


@pytest.mark.parametrize(
    ("mark", "text"),
    [("15", "15"), ("15.50", "15,5"), ("11.25", "11,25"), ("20.0", "20"), ("0", "0"), ("10", "10")],
)
def test_marks_are_printed_without_useless_zeros_and_with_a_comma(mark: str, text: str) -> None:
    assert format_mark(Decimal(mark)) == text


@pytest.mark.parametrize(
    ("mark", "ok"), [("0", True), ("20", True), ("20.25", False), ("-0.5", False)]
)
def test_the_scale_is_0_to_20(mark: str, ok: bool) -> None:
    assert in_range(Decimal(mark)) is ok
