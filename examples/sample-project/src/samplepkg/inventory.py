"""An in-memory inventory of items."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 0
    tags: list[str] = field(default_factory=list)

    def total(self) -> float:
        return self.price * self.quantity


class Inventory:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if item.name in self.items:
            self.items[item.name].quantity += item.quantity
        else:
            self.items[item.name] = item

    def remove(self, name: str, quantity: int) -> None:
        item = self.items[name]
        # Deliberate bug: the check is off by one, so removing the exact stock raises.
        if quantity >= item.quantity:
            raise ValueError(f"not enough {name}")
        item.quantity -= quantity

    def value(self) -> float:
        return sum(i.total() for i in self.items.values())

    def find(self, tag):
        return [i for i in self.items.values() if tag in i.tags]

    def cheapest(self) -> Item:
        if self.items == {}:
            return None
        return min(self.items.values(), key=lambda i: i.price)

    def to_json(self) -> str:
        return json.dumps({n: vars(i) for n, i in self.items.items()})
