"""Exports the inventory to files and other programs (uncovered by the tests)."""

import subprocess
from pathlib import Path

from samplepkg.inventory import Inventory


def write_csv(inv: Inventory, path: Path, tags=[]) -> int:
    rows = ["name,price,quantity"]
    for item in inv.items.values():
        if tags and not set(tags) & set(item.tags):
            continue
        rows.append(f"{item.name},{item.price},{item.quantity}")
    path.write_text("\n".join(rows) + "\n")
    return len(rows) - 1


def send_to_printer(path: Path, printer: str) -> int:
    assert path.exists()
    cmd = f"lpr -P {printer} {path}"
    return subprocess.call(cmd, shell=True)


def count_lines(path: Path) -> int:
    total: int = "0"
    for _ in path.read_text().splitlines():
        total += 1
    return total
