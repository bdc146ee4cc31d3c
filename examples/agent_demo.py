"""An agent-style program run inside a monty sandbox, calling back into one host function."""

import monty

FORECASTS: dict[str, dict[str, object]] = {
    "Paris": {"sky": "cloudy", "temp_c": 18.4},
    "Oslo": {"sky": "clear", "temp_c": 6.8},
}


def get_weather(city: str) -> dict[str, object]:
    """Host function: plain data in, plain data out ({} for a city it does not know)."""
    return dict(FORECASTS.get(city, {}))


# What an agent might write: no imports, no classes, just data in and a value out.
CODE = """
raw = {}
for city in cities:
    raw[city] = get_weather(city)

temps = {city: r["temp_c"] for city, r in raw.items() if "temp_c" in r}

lines = []
for city, r in raw.items():
    try:
        lines.append(f"{city}: {r['sky']}, {r['temp_c']:.0f} C")
    except KeyError:
        lines.append(f"{city}: no forecast")

warmest = None
for city, t in temps.items():
    if warmest is None or t > temps[warmest]:
        warmest = city

{"report": lines, "warmest": warmest}
"""


def main() -> None:
    sb = monty.Sandbox(
        functions={"get_weather": get_weather},
        limits=monty.Limits(max_duration=2.0),
    )
    result = sb.run(CODE, inputs={"cities": ["Paris", "Oslo", "Atlantis"]})
    print(result)


if __name__ == "__main__":
    main()
