import pytest

from samplepkg import Inventory, Item


def make() -> Inventory:
    inv = Inventory()
    inv.add(Item("apple", 0.5, 10, ["fruit"]))
    inv.add(Item("pear", 0.75, 4, ["fruit"]))
    inv.add(Item("soap", 2.0, 1))
    return inv


def test_value() -> None:
    assert make().value() == pytest.approx(10.0)


def test_add_merges_quantities() -> None:
    inv = make()
    inv.add(Item("apple", 0.5, 5))
    assert inv.items["apple"].quantity == 15


def test_remove_some() -> None:
    inv = make()
    inv.remove("apple", 3)
    assert inv.items["apple"].quantity == 7


def test_remove_all_stock() -> None:
    # Fails: Inventory.remove has an off-by-one bug.
    inv = make()
    inv.remove("pear", 4)
    assert inv.items["pear"].quantity == 0


def test_find_by_tag() -> None:
    assert {i.name for i in make().find("fruit")} == {"apple", "pear"}
