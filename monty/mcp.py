"""`python -m monty.mcp`: an MCP server (stdio) running Python in monty sandboxes, one per
client session. See monty.integrations.mcp; needs the `mcp` extra
(`pip install "monty-sandbox[mcp]"`)."""

import sys

from .integrations.mcp import main

if __name__ == "__main__":
    sys.exit(main())
