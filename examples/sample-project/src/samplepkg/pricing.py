"""Discounts and price formatting (deliberately badly formatted)."""
from typing import Optional
def discount(price: float, percent: float=10) -> float:
    if percent<0 or percent>100:
        raise ValueError( "percent must be between 0 and 100" )
    return round(price*(1-percent/100),2)


def format_price(price: float, currency: Optional[str] = None) -> str:
    symbol = {'EUR':'€','USD':'$'}.get(currency or 'EUR','?')
    return f"{symbol}{price:.2f}"


def bulk_prices(prices, percent=10):
    return [discount(p, percent) for p in prices]


def price_band(price: float) -> str:
    if price < 1:
        return "cheap"
    elif price < 10:
        return "normal"
    elif price < 100:
        return "expensive"
    return "luxury"
