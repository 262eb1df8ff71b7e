"""Deterministic generator of realistic order-contract text for benchmarks and tests.

Every contract is built from a seed with :class:`random.Random`, so the same seed always
gives the same bytes. A contract mixes what real specifications contain: YAML front
matter, Markdown headings, numbered clauses with ``(a)`` sub-items, ``Key: value`` field
lines, a Markdown table, bullets, prose paragraphs, vague wording ("high quality", "as
soon as possible", "approx.") next to measurable wording (tolerances, AQL, dated
shipment), and quantities in many notations (decimal commas, ranges, fractions, limits).

Usage::

    python benchmarks/corpus_gen.py --bytes 1000000 --seed 7 -o corpus.md
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator

PRODUCTS = [
    ("cotton T-shirt", "100 % combed cotton single jersey", "gsm"),
    ("stainless steel water bottle", "AISI 304 stainless steel", "ml"),
    ("oak dining chair", "solid European oak, FSC certified", "mm"),
    ("LED desk lamp", "ABS housing, aluminium arm", "W"),
    ("silicone baking mat", "food-grade platinum-cured silicone", "mm"),
    ("hex bolt M8", "carbon steel grade 8.8, zinc plated", "mm"),
    ("corrugated shipping carton", "5-ply BC flute kraft board", "mm"),
    ("nylon backpack", "420D nylon with PU coating", "g"),
    ("ceramic coffee mug", "stoneware, lead-free glaze", "ml"),
    ("USB-C charging cable", "TPE jacket, tinned copper conductors", "m"),
]
QUALITY = ["high quality", "good quality", "premium quality", "first-class quality", "excellent workmanship"]
ADJECTIVES = ["strong", "durable", "sturdy", "standard", "suitable for export", "robust", "of good quality"]
LOOKS = ["acceptable", "nice", "similar to the picture", "as per sample", "commercially acceptable", "smooth"]
VAGUE_TIME = ["as soon as possible", "ASAP", "soon", "in a timely manner", "promptly", "within a reasonable time"]
APPROX = ["approx.", "about", "around", "approximately", "roughly", "ca."]
ESCAPE = ["or equivalent", "if possible", "where practicable", "unless otherwise agreed", "etc.", "and so on"]
UNITS = ["mm", "cm", "m", "kg", "g", "ml", "L", "gsm", "°C", "N", "%", "V", "W", "in", "lb", "pcs"]
STANDARDS = ["ISO 2859-1", "EN 71-3", "ASTM D4169", "ISO 6892-1", "EN 12472", "ISTA 2A", "IEC 62368-1"]
INCOTERMS = ["FOB Shenzhen", "FOB Ningbo", "CIF Rotterdam", "EXW Guangzhou", "DDP Hamburg"]
CURRENCIES = ["USD", "EUR", "CNY"]
PAYMENTS = [
    "30 % deposit through the platform's protected payment, 70 % balance before shipment through the same channel.",
    "Full payment through the platform's protected checkout; no payment by bank transfer outside the platform.",
    "Balance by wire transfer to the supplier's personal account after loading.",
    "Pay via Western Union to avoid platform fees, discount 2 % applies.",
]


def _num(rng: random.Random, low: float, high: float, decimals: int = 1) -> str:
    value = round(rng.uniform(low, high), decimals)
    text = f"{value:.{decimals}f}" if decimals else str(int(value))
    return text.replace(".", ",") if rng.random() < 0.15 else text


def _quantity(rng: random.Random, unit: str | None = None) -> str:
    """One quantity in one of the notations contracts use."""
    unit = unit or rng.choice(UNITS)
    value = _num(rng, 1, 900, rng.choice([0, 1, 2]))
    form = rng.randrange(9)
    if form == 0:
        return f"{value} {unit} ± {_num(rng, 0.1, 5)} {unit}"
    if form == 1:
        return f"{value} {unit} +/- {_num(rng, 1, 10, 0)}%"
    if form == 2:
        return f"{value}–{_num(rng, 900, 1500, 0)} {unit}"
    if form == 3:
        return f"{rng.choice(['min.', 'at least', '≥', 'not less than'])} {value} {unit}"
    if form == 4:
        return f"{rng.choice(['max.', 'not more than', '≤', 'up to'])} {value} {unit}"
    if form == 5:
        return f"{rng.choice(APPROX)} {value} {unit}"
    if form == 6:
        return f"{rng.randint(1, 7)}/{rng.choice([2, 4, 8, 16])}\""
    if form == 7:
        return f"{value} {unit} (+{_num(rng, 0.1, 2)}/-{_num(rng, 0.1, 2)})"
    return f"{value} {unit}"


def _sentence(rng: random.Random, product: tuple[str, str, str]) -> str:
    """A prose sentence, vague or measurable about equally often."""
    name, material, unit = product
    templates = [
        lambda: f"The {name} shall be of {rng.choice(QUALITY)} and free from obvious defects.",
        lambda: f"Each {name} must weigh {_quantity(rng, 'g')} measured on a calibrated scale.",
        lambda: f"Goods shall be delivered {rng.choice(VAGUE_TIME)} after the deposit is received.",
        lambda: f"Colour shall match Pantone {rng.randint(100, 999)} C with ΔE ≤ {_num(rng, 0.5, 2)} under D65.",
        lambda: f"Packaging must be {rng.choice(ADJECTIVES)}, {rng.choice(ESCAPE)}",
        lambda: f"Material is {material} {rng.choice(ESCAPE)}, tested per {rng.choice(STANDARDS)}.",
        lambda: f"Surface roughness Ra ≤ {_num(rng, 0.2, 3.2)} µm on all visible faces.",
        lambda: f"The supplier will ship on or before 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}.",
        lambda: f"Length {_quantity(rng, unit)}, width {_quantity(rng, unit)}, height {_quantity(rng)}.",
        lambda: f"Minor variations in shade are acceptable as long as the {name} looks {rng.choice(LOOKS)}.",
        lambda: f"Inspection by SGS per {rng.choice(STANDARDS)}, AQL {rng.choice(['1.0', '2.5', '4.0'])} major.",
        lambda: f"Drop test from {_num(rng, 60, 120, 0)} cm on 10 faces without damage to the {name}.",
    ]
    return rng.choice(templates)()


def _table(rng: random.Random, product: tuple[str, str, str]) -> list[str]:
    unit = product[2]
    rows = ["| Item | Specification | Tolerance |", "|---|---|:---:|"]
    for item in rng.sample(["Length", "Width", "Height", "Weight", "Wall thickness", "Diameter", "Volume"], 4):
        tol = rng.choice([f"± {_num(rng, 0.1, 2)} {unit}", "industry standard", "—", f"+{_num(rng, 0.1, 1)}/-0"])
        rows.append(f"| {item} | {_quantity(rng, unit)} | {tol} |")
    return rows


def contract(rng: random.Random, index: int) -> str:
    """One contract in Markdown, built from ``rng``."""
    product = rng.choice(PRODUCTS)
    name, material, _ = product
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += ["---", f"order: PO-{index:06d}", f"order_value: {rng.randint(1000, 90000)}",
                  f"currency: {rng.choice(CURRENCIES)}", "---", ""]
    lines += [f"# Purchase specification {index}: {name}", ""]
    lines += [f"Product: {name}, model {rng.choice('ABCDEFGH')}{rng.randint(100, 999)}",
              f"Material: {material}{rng.choice(['', ', ' + rng.choice(QUALITY)])}",
              f"Quantity: {rng.randint(1, 50) * 500} pcs {rng.choice(['', '(± 2 % overage)', 'approx.'])}".rstrip(),
              f"Unit price: {_num(rng, 0.5, 40, 2)} {rng.choice(CURRENCIES)} {rng.choice(INCOTERMS)}", ""]
    for section in range(1, rng.randint(4, 7)):
        title = rng.choice(["Dimensions", "Quality", "Packaging", "Marking", "Inspection", "Shipment", "Payment"])
        lines += [f"## {section}. {title}", ""]
        for item in range(1, rng.randint(2, 5)):
            lines.append(f"{section}.{item} {_sentence(rng, product)}")
            if rng.random() < 0.3:
                for sub in "abc"[: rng.randint(1, 3)]:
                    lines.append(f"   ({sub}) {_sentence(rng, product)}")
        lines.append("")
        if title == "Dimensions":
            lines += [*_table(rng, product), ""]
        if title == "Payment":
            lines += [rng.choice(PAYMENTS), ""]
        if rng.random() < 0.4:
            lines += [f"- {_sentence(rng, product)}" for _ in range(rng.randint(1, 4))] + [""]
        if rng.random() < 0.6:
            lines += [" ".join(_sentence(rng, product) for _ in range(rng.randint(2, 6))), ""]
    lines += ["## Dispute evidence", "",
              f"A third-party pre-shipment inspection report per {rng.choice(STANDARDS)} settles any dispute; "
              f"claims within {rng.randint(15, 60)} days after delivery.", ""]
    return "\n".join(lines)


def iter_contracts(seed: int = 0) -> Iterator[str]:
    """An endless, reproducible stream of contracts."""
    rng = random.Random(seed)
    index = 0
    while True:
        index += 1
        yield contract(rng, index)


def generate_contracts(count: int, seed: int = 0) -> list[str]:
    """``count`` contracts from ``seed``."""
    stream = iter_contracts(seed)
    return [next(stream) for _ in range(count)]


def contracts_of_size(min_bytes: int, seed: int = 0) -> list[str]:
    """Contracts from ``seed`` until together they hold at least ``min_bytes`` UTF-8 bytes."""
    parts: list[str] = []
    size = 0
    for text in iter_contracts(seed):
        if size >= min_bytes:
            break
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
    return parts


def generate_corpus(min_bytes: int, seed: int = 0) -> str:
    """One document of at least ``min_bytes`` UTF-8 bytes: the contracts of
    :func:`contracts_of_size` joined by newlines."""
    return "\n".join(contracts_of_size(min_bytes, seed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_000_000, help="minimum size of the corpus in bytes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    text = generate_corpus(args.bytes, args.seed)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
