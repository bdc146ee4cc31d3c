"""One sandbox across the steps of an agent: each step's code is run with execute(), whose
Outcome is what a framework renders back to the model; the tool set changes between steps
while the sandbox's globals stay."""

import monty


def search(query: str, limit: int = 3) -> list[str]:
    """Titles of the documents that match `query`."""
    return [f"{query} result {i}" for i in range(limit)]


def summarize(text: str) -> str:
    """A one-line summary of `text`."""
    return text[:40]


STEPS = [
    # a model's first step: look things up, keep them in a global
    "hits = search('monty sandbox')\nprint(len(hits), 'hits')\nreturn hits[0]",
    # a failing step: the error is data, and the sandbox keeps working
    "hits[10]",
    # after the host added a tool: the globals are still there
    "import sys\nprint('working', file=sys.stderr)\nsummarize(' / '.join(hits))",
]


def render(outcome: monty.Outcome) -> str:
    """What a framework would show the model for one step."""
    if not outcome.ok:
        return f"error: {outcome.error}\nstdout: {outcome.stdout!r}"
    value = outcome.value.repr if isinstance(outcome.value, monty.Opaque) else repr(outcome.value)
    return f"value: {value}\nstdout: {outcome.stdout!r}\nstderr: {outcome.stderr!r}"


def main() -> None:
    sb = monty.Sandbox(functions={"search": search},
                       limits=monty.Limits(max_duration=2.0, max_wall_time=10.0,
                                           max_host_calls=100, max_output=64_000))
    print(sb.describe_functions())
    for i, code in enumerate(STEPS):
        if i == 2:
            sb.set_functions({"search": search, "summarize": summarize})
        print(f"--- step {i + 1}\n{render(sb.execute(code))}")
    caps = monty.capabilities()
    print(f"--- {len(caps['modules'])} modules, {len(caps['builtins'])} builtins")


if __name__ == "__main__":
    main()
