#!/usr/bin/env python3
"""Scores `dtrack import --dry-run --json` against the expected outlines beside the test
directives (tests/data/directives/*.expected.json): the share of leads, coordinators,
deadlines and recurrences found. Usage: scripts/score_directives.py [DTRACK] [-v] [--dir=FOLDER]
(--dir=tests/data/heldout: the directives written after the importer's tuning, not tuned on)."""
import glob, json, os, subprocess, sys

dtrack = next((a for a in sys.argv[1:] if not a.startswith("-")), "build/release/dtrack")
verbose = "-v" in sys.argv
here = next((a[len("--dir="):] for a in sys.argv[1:] if a.startswith("--dir=")),
            os.path.join(os.path.dirname(__file__), "..", "tests", "data", "directives"))
totals = {k: [0, 0] for k in ("lead", "coordinate", "deadline", "recurrence", "tasks")}
extra = 0  # tasks the importer made that the expected outline does not have
for exp_path in sorted(glob.glob(os.path.join(here, "*.expected.json"))):
    txt = exp_path.replace(".expected.json", ".txt")
    expected = json.load(open(exp_path, encoding="utf-8"))
    run = subprocess.run([dtrack, "--db", "/nonexistent/none.db", "import", txt, "--dry-run", "--json"],
                         capture_output=True, text=True)
    got = {}
    if run.returncode == 0:
        for t in json.loads(run.stdout)["tasks"]:
            got[t["ref"]] = t
    expected_refs = {e["ref"] for e in expected["tasks"]}
    for ref in got:
        if ref not in expected_refs:
            extra += 1
            if verbose: print(f"{os.path.basename(txt)} {ref}: a task not expected")
    for e in expected["tasks"]:
        g = got.get(e["ref"])
        totals["tasks"][1] += 1
        totals["tasks"][0] += g is not None
        for role in ("lead", "coordinate"):
            names = [a["name"] for a in (g or {}).get("agencies", []) if a["role"] == role]
            for n in e[role]:
                totals[role][1] += 1
                ok = n in names
                totals[role][0] += ok
                if verbose and not ok: print(f"{os.path.basename(txt)} {e['ref']}: {role} {n} missing (got {names})")
            for n in names:
                if n not in e[role] and verbose:
                    print(f"{os.path.basename(txt)} {e['ref']}: extra {role} {n}")
        for field in ("deadline", "recurrence"):
            if e[field] is None and (g is None or g.get(field) is None): continue
            totals[field][1] += 1
            ok = g is not None and g.get(field) == e[field]
            totals[field][0] += ok
            if verbose and not ok: print(f"{os.path.basename(txt)} {e['ref']}: {field} {e[field]} != {(g or {}).get(field)}")
for k, (found, total) in totals.items():
    print(f"{k:11s} {found:3d}/{total:3d}  {100.0 * found / max(total, 1):5.1f} %")
print(f"extra tasks {extra:3d}")
