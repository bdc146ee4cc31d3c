"""Adapters that put monty into agent frameworks, one module per framework
(`monty.integrations.smolagents`, `.fastmcp`, `.langchain`, `.dspy`, `.haystack`,
`.pydantic_ai`), each importing its framework lazily. `monty.integrations.prompt` is what they
share: the text that tells a model what the sandbox offers, and error reports a model can act on."""
