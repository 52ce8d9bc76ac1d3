import pytest

from samplepkg.pricing import discount, format_price


def test_discount() -> None:
    assert discount(100.0,25)==75.0


def test_discount_rejects_bad_percent() -> None:
    with pytest.raises(ValueError):
        discount(1.0, 150)


def test_format_price() -> None:
    assert format_price(3.5, "USD") == "$3.50"
