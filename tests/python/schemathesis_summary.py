"""Summarises a schemathesis run from its reports (scripts/schemathesis.sh): cases and failures per
check and per phase from the NDJSON event stream, operations and failures from the JUnit report.
Exits 1 when a check failed, when the reports disagree about failures, or when fewer than
--min-cases cases ran."""
import argparse
import collections
import glob
import json
import sys
import xml.etree.ElementTree as ET


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report_dir")
    ap.add_argument("--min-cases", type=int, default=0)
    args = ap.parse_args()

    checks = collections.defaultdict(collections.Counter)
    phases = collections.Counter()
    failed_cases = []
    cases = set()
    for path in glob.glob(f"{args.report_dir}/*.ndjson"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                event = json.loads(line)
                done = event.get("ScenarioFinished")
                if not done:
                    continue
                recorder = done.get("recorder") or {}
                for case_id, results in (recorder.get("checks") or {}).items():
                    key = (done["id"], case_id)
                    if key not in cases:
                        cases.add(key)
                        phases[done["phase"]] += 1
                    for r in results:
                        checks[r["name"]][r["status"]] += 1
                        if r["status"] == "failure":
                            failed_cases.append((recorder.get("label"), r["name"], case_id))

    operations = junit_failures = 0
    for path in glob.glob(f"{args.report_dir}/*.xml"):
        root = ET.parse(path).getroot()
        for suite in root.iter("testsuite"):
            operations += int(suite.get("tests", 0))
            junit_failures += int(suite.get("failures", 0)) + int(suite.get("errors", 0))

    print(f"schemathesis summary: {len(cases)} cases over {operations} operations")
    print("  per phase: " + ", ".join(f"{p} {n}" for p, n in sorted(phases.items())))
    print(f"  {'check':32} {'cases':>7} {'failures':>9}")
    failures = 0
    for name in sorted(checks):
        c = checks[name]
        total = sum(c.values())
        failures += c["failure"]
        print(f"  {name:32} {total:7} {c['failure']:9}")
    for label, check, case_id in failed_cases[:20]:
        print(f"  FAILED {label}: {check} (case {case_id})")
    problems = []
    if failures or junit_failures:
        problems.append(f"{failures} failed checks, {junit_failures} failed operations in the JUnit report")
    if len(cases) < args.min_cases:
        problems.append(f"{len(cases)} cases, fewer than the {args.min_cases} asked for")
    if not checks:
        problems.append("the reports name no check at all")
    for p in problems:
        print(f"schemathesis summary: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
