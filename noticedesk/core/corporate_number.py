"""法人番号 (corporate number): 13 digits, the first a check digit over the other twelve."""

from __future__ import annotations


def check_digit(base12: str) -> int:
    """The check digit for the twelve base digits (National Tax Agency's rule).

    9 - (Σ Pn×Qn mod 9), Pn the n-th digit counted from the right, Qn 1 for odd n, 2 for even.
    """
    total = 0
    for n, ch in enumerate(reversed(base12), start=1):
        total += int(ch) * (1 if n % 2 else 2)
    return 9 - total % 9


def is_valid(number: str) -> bool:
    """True for a 13-digit string whose first digit is the right check digit."""
    if len(number) != 13 or not number.isascii() or not number.isdigit():
        return False
    return int(number[0]) == check_digit(number[1:])
