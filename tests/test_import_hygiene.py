"""The headless core never imports textual."""

import subprocess
import sys


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys, claimtrack, claimtrack.services, claimtrack.queries, claimtrack.workflow, claimtrack.db, "
        "claimtrack.cli, claimtrack.ingest.pipeline, claimtrack.extract, claimtrack.reports, claimtrack.audit\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.') or m == 'tui' "
        "or m.startswith('tui.'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
