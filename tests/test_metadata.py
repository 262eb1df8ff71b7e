"""Order metadata: reading values, coverage and schedule checks, bad metadata."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import specllint
from specllint.metadata import canonical_key
from specllint.metadata_values import (
    MetadataValueError,
    format_money,
    parse_currency,
    parse_date,
    parse_days,
    parse_money,
    parse_window,
)
from specllint.model import to_dict

CHECKS = specllint.Config(select=["SPL302", "SPL303", "SPL902", "SPL904"], plugins=False)


def lint(text: str, **config):
    return specllint.lint(text, config=CHECKS.evolve(**config) if config else CHECKS)


def codes(report, code: str):
    return [f for f in report.findings if f.code == code]


# -- values -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-05-01", dt.date(2026, 5, 1)),
        ("2026/5/1", dt.date(2026, 5, 1)),
        ("1 May 2026", dt.date(2026, 5, 1)),
        ("May 1st, 2026", dt.date(2026, 5, 1)),
        ("01.05.2026", dt.date(2026, 5, 1)),
        ("13/01/2026", dt.date(2026, 1, 13)),
        (dt.date(2026, 5, 1), dt.date(2026, 5, 1)),
        (dt.datetime(2026, 5, 1, 9, 30), dt.date(2026, 5, 1)),
    ],
)
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["2026-13-45", "05/01/2026", "soon", 20260501, "31 Foo 2026"])
def test_bad_dates(raw):
    with pytest.raises(MetadataValueError):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (25000, (25000.0, None)),
        ("USD 25,000", (25000.0, "USD")),
        ("25,000 USD", (25000.0, "USD")),
        ("$25k", (25000.0, "USD")),
        ("US$ 1,234.50", (1234.5, "USD")),
        ("€ 20.000", (20000.0, "EUR")),
        ("RMB 100", (100.0, "CNY")),
        ("25000 US dollars", (25000.0, "USD")),
    ],
)
def test_money(raw, expected):
    assert parse_money(raw) == expected


@pytest.mark.parametrize("raw", [-5, "USD -100", "XYZ 100", "lots", True, float("inf"), "USD 5 EUR"])
def test_bad_money(raw):
    with pytest.raises(MetadataValueError):
        parse_money(raw)


def test_currency_and_format():
    assert parse_currency("us$") == "USD" and parse_currency("¥") == "CNY"
    assert format_money(5000.0, "USD") == "USD 5,000" and format_money(12.5, None) == "12.50"


@pytest.mark.parametrize(
    ("raw", "days"), [(30, 30), ("30 days", 30), ("4 weeks", 28), ("20 working days", 28), ("1 month", 30)]
)
def test_durations(raw, days):
    assert parse_days(raw) == days


@pytest.mark.parametrize(
    ("raw", "window"),
    [
        ("30 days after delivery", {"days": 30, "after": "delivery"}),
        (30, {"days": 30, "after": "delivery"}),
        ("45 days after shipment", {"days": 45, "after": "shipment"}),
        ("60 days from the order", {"days": 60, "after": "order"}),
        ("2026-09-01", {"until": "2026-09-01"}),
    ],
)
def test_windows(raw, window):
    assert parse_window(raw) == window


def test_aliases_in_any_case():
    assert canonical_key("Order_Value") == canonical_key("order-value") == "order-value"
    assert canonical_key("claim window") == "protection-window"
    assert canonical_key("colour") is None


# -- normalised metadata ----------------------------------------------------------------
def test_metadata_is_normalised_and_json_safe():
    text = (
        "---\norder_value: USD 25,000\ncoverage: 20000\norder-date: 2026-05-01\nlead-time: 5 weeks\n"
        "claim-window: 30 days after delivery\nbuyer: Acme\n---\nbody\n"
    )
    report = lint(text)
    assert report.metadata == {
        "order-value": {"amount": 25000.0, "currency": "USD"},
        "coverage": {"amount": 20000.0, "currency": "USD"},
        "order-date": "2026-05-01",
        "lead-time": {"days": 35},
        "protection-window": {"days": 30, "after": "delivery"},
        "buyer": "Acme",
    }
    json.dumps(to_dict(report))


def test_toml_dates_become_strings():
    report = lint("+++\norder-date = 2026-05-01\nshipment-date = 2026-06-30\n+++\nbody\n")
    assert report.metadata["order-date"] == "2026-05-01" and not report.findings


def test_front_matter_overrides_config_metadata():
    report = lint("---\ncurrency: EUR\n---\nShip on or before 2026-07-01.\n",
                  metadata={"currency": "USD", "order-value": 100})
    assert report.metadata["currency"] == "EUR"
    assert report.metadata["order-value"] == {"amount": 100.0, "currency": "EUR"}


# -- coverage ---------------------------------------------------------------------------
def test_coverage_exceeded_says_how_much_is_unprotected():
    text = "---\norder-value: USD 25,000\ncoverage: USD 20,000\n---\nShip on or before 2026-07-01.\n"
    (finding,) = codes(lint(text), "SPL302")
    assert finding.message == "USD 25,000 order exceeds the supplier's coverage of USD 20,000: USD 5,000 is unprotected"
    assert finding.text == "order-value: USD 25,000" and finding.line == 2
    assert any("USD 20,000" in s for s in finding.suggestions)


@pytest.mark.parametrize(
    "front",
    [
        "order-value: USD 20,000\ncoverage: USD 20,000",
        "order-value: USD 10,000\ncoverage: USD 20,000",
        "order-value: USD 25,000\ncoverage: EUR 20,000",
        "order-value: USD 25,000",
    ],
    ids=["equal", "below", "different-currencies", "no-coverage"],
)
def test_coverage_not_reported(front):
    assert not codes(lint(f"---\n{front}\n---\nShip on or before 2026-07-01.\n"), "SPL302")


def test_coverage_from_config_metadata_sits_at_the_start():
    (finding,) = codes(lint("Ship on or before 2026-07-01.\n", metadata={"order-value": 30, "coverage": 20}), "SPL302")
    assert (finding.start, finding.end) == (0, 0)


# -- schedule ---------------------------------------------------------------------------
def schedule(text: str, **config):
    return codes(lint(text, **config), "SPL303")


def test_shipment_before_order_date():
    (f,) = schedule("---\norder-date: 2026-05-01\nshipment-date: 2026-04-20\n---\nbody\n")
    assert f.text == "shipment-date: 2026-04-20" and "before the order date 2026-05-01" in f.message


def test_shipment_sooner_than_lead_time_suggests_the_earliest_date():
    text = "---\ndeposit-date: 2026-05-10\nshipment-date: 2026-06-01\nlead-time: 35 days\n---\nbody\n"
    (f,) = schedule(text)
    assert f.suggestions == ("shipment on or after 2026-06-14 (deposit date 2026-05-10 + 35 days lead time)",)


def test_relative_shipment_clause_shorter_than_lead_time():
    (f,) = schedule("---\nlead-time: 35 days\n---\nShipment: 20 days after receipt of deposit.\n")
    assert f.text == "20 days after receipt of deposit"


def test_text_date_is_checked_against_the_order_date():
    (f,) = schedule("---\norder-date: 2026-05-01\n---\nShipment on or before 2026-04-15.\n")
    assert f.text == "2026-04-15"


def test_relative_shipment_with_deposit_date_gives_a_date():
    text = ("---\ndeposit-date: 2026-05-10\ntoday: 2026-07-01\nlead-time: 30 days\n---\n"
            "Shipment within 40 days after receipt of deposit.\n")
    (f,) = schedule(text)  # 2026-06-19 is before today
    assert "already past" in f.message


def test_no_shipment_date_defers_to_missing_section():
    text = "---\norder-date: 2026-05-01\nlead-time: 30 days\n---\nDelivery: ASAP.\n"
    (f,) = schedule(text)
    assert f.start == f.end and "no shipment date" in f.message
    assert any("2026-05-31" in s for s in f.suggestions)
    both = lint(text, select=["SPL303", "SPL401"])
    assert not codes(both, "SPL303") and any("Shipment date" in x.message for x in codes(both, "SPL401"))
    assert codes(lint(text, select=["SPL303", "SPL401"], sections_profile="none"), "SPL303")


@pytest.mark.parametrize(
    ("window", "problem"),
    [
        ("protection-window: 14 days after shipment", "closes on 2026-07-15"),
        ("protection-window: 2026-07-20", "closes on 2026-07-20"),
        ("claim-window: 3 days after delivery", "shorter than the 7 days"),
    ],
)
def test_claim_window_that_closes_too_early(window, problem):
    (f,) = schedule(f"---\nshipment-date: 2026-07-01\n{window}\n---\nbody\n")
    assert problem in f.message and f.text == window


def test_transit_time_and_inspection_time_change_the_window_check():
    base = "---\nshipment-date: 2026-07-01\nprotection-window: 20 days after shipment\n"
    assert schedule(base + "---\nbody\n")
    assert not schedule(base + "transit-time: 10 days\n---\nbody\n")
    assert schedule(base + "transit-time: 10 days\ninspection-time: 14 days\n---\nbody\n")


def test_past_shipment_needs_today():
    text = "---\nshipment-date: 2026-03-01\n{today}---\nbody\n"
    assert not schedule(text.format(today=""))
    (f,) = schedule(text.format(today="today: 2026-04-01\n"))
    assert "already past" in f.message


def test_workable_schedule_is_clean():
    text = ("---\norder-date: 2026-04-20\ndeposit-date: 2026-04-24\nshipment-date: 2026-06-10\nlead-time: 35 days\n"
            "protection-window: 30 days after delivery\ntoday: 2026-04-25\n---\nbody\n")
    assert not lint(text).findings


# -- bad metadata -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\norder-date: 2026-13-45\n---\nx\n", 2, "not a calendar date"),
        ("---\norder-date: next week\n---\nx\n", 2, "cannot read"),
        ("---\ncoverage: -100\n---\nx\n", 2, "must not be negative"),
        ("---\nlead-time: -3\n---\nx\n", 2, "must not be negative"),
        ("---\ncurrency: XYZ\n---\nx\n", 2, "unknown currency"),
        ("---\n- a\n- b\n---\nx\n", 2, "must be a table"),
        ("---\ntitle: x\nbad: [1,\n---\nx\n", 3, "invalid YAML"),
        ("+++\ntitle = \"x\"\norder-value = \n+++\nx\n", 3, "invalid TOML"),
        ("+++\nshipment-date = [1, 2]\n+++\nx\n", 2, "expected a date"),
    ],
    ids=["bad-date", "words-date", "negative", "negative-duration", "currency", "list", "yaml", "toml", "table-value"],
)
def test_bad_metadata_is_a_clear_finding_on_its_line(text, line, words):
    report = lint(text)
    (f,) = codes(report, "SPL902")
    assert f.line == line and words in f.message and f.severity == "error"


def test_unknown_key_names_the_closest_known_key():
    (f,) = codes(lint("---\nshipmnet-date: 2026-06-01\n---\nShip on or before 2026-07-01.\n"), "SPL904")
    assert f.severity == "warning" and "'shipment-date'" in f.message and f.line == 2


def test_bad_config_metadata_is_reported_not_raised():
    (f,) = codes(lint("x\n", metadata={"order-date": "soon"}), "SPL902")
    assert f.message.startswith("config metadata: order-date")
