"""A durable agent: the program an agent wrote fetches three pages at once, drafts a post,
waits for a person to approve it, and publishes it. Its process is killed in the middle of a
fetch; a fresh process carries the run on (the pages already fetched are not fetched again)
until it waits for approval, and then stops too: a waiting run holds no process. A third
process, the approval webhook, sends the answer and reads the result.

    pip install "monty-sandbox[durable]"
    python examples/durable_agent.py            # runs the three processes in turn

Each process is this file with one argument (crash, resume, approve); they share the SQLite
file durable_agent.sqlite in a temporary directory and the key in SECRET."""

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

import monty
from monty.durable import DurableSandbox, External

SECRET = b"change me: the application's signing key"
AGENT_CODE = """
import asyncio
pages = await asyncio.gather(*[fetch(url) for url in urls])
draft = 'Digest: ' + '; '.join(p['title'] for p in pages)
verdict = approve(draft)
if verdict != 'yes':
    return 'not published: ' + verdict
publish(draft)
return draft
"""
URLS = ["https://example.org/a", "https://example.org/b", "https://example.org/c"]


def _note(line: str) -> None:
    """The host's own record of what really happened (fetches and publications)."""
    with open(os.path.join(os.environ["AGENT_DIR"], "host.log"), "a") as f:
        f.write(line + "\n")


async def fetch(url: str) -> dict[str, str]:
    """The page at `url`: its title and text."""
    await asyncio.sleep(0.1)
    if url.endswith("/c") and os.environ.get("AGENT_PHASE") == "crash":
        await asyncio.sleep(1.0)        # (a slow page: the other two are recorded by now)
        print("   (the process dies in the middle of fetching", url + ")", flush=True)
        os._exit(1)
    _note(f"fetched {url}")
    return {"title": "Page " + url[-1].upper(), "text": "..."}


def publish(text: str) -> None:
    """Post `text` on the team's page."""
    _note(f"published {text}")


FUNCTIONS: dict[str, Any] = {"fetch": fetch, "publish": publish,
             "approve": External(doc="A person's verdict on the draft: 'yes' or why not.")}


def sandbox() -> DurableSandbox:
    url = "sqlite:///" + os.path.join(os.environ["AGENT_DIR"], "durable_agent.sqlite")
    return DurableSandbox(functions=FUNCTIONS, database_url=url, secret=SECRET,
                          limits=monty.Limits(max_duration=2.0))


def phase_crash() -> None:
    sb = sandbox()
    run_id = sb.start(AGENT_CODE, inputs={"urls": URLS}, run_id="digest-1")
    print("1. started run", run_id, flush=True)
    time.sleep(60)              # the crash in fetch() comes first


def phase_resume() -> None:
    sb = sandbox()              # launching recovers the pending run
    print("2. a fresh process recovers the run; it is", sb.status("digest-1"))
    while sb.status("digest-1") != "waiting":
        time.sleep(0.05)
    print("   now waiting on", sb.waiting("digest-1"))
    print("   the process stops; the run stays in the database")
    sb.close()


def phase_approve() -> None:
    sb = sandbox()
    print("3. the approval webhook: status", sb.status("digest-1"))
    sb.send("digest-1", "yes", name="approve")
    print("   result:", repr(sb.result("digest-1", timeout=30)))
    sb.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, AGENT_DIR=tmp)
        for phase in ("crash", "resume", "approve"):
            env["AGENT_PHASE"] = phase
            subprocess.run([sys.executable, __file__, phase], env=env, timeout=120)
        with open(os.path.join(tmp, "host.log")) as f:
            print("what the host really did:\n   " + "   ".join(f.readlines()), end="")


if __name__ == "__main__":
    if len(sys.argv) == 1:
        main()
    else:
        phases = {"crash": phase_crash, "resume": phase_resume, "approve": phase_approve}
        phases[sys.argv[1]]()
        sys.stdout.flush()
        os._exit(0)
