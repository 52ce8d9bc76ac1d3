"""samplepkg: a tiny inventory library with deliberate problems (see README.md)."""

from samplepkg.inventory import Inventory, Item

__all__ = ["Inventory", "Item"]
__version__ = "0.1.0"
