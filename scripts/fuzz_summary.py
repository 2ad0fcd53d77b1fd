"""Sums up a `./saisine fuzz` run: one row per service and caller, from schemathesis's reports.

Requests and server errors are counted from the HAR report (every request sent, with its answer);
the other failures (an undocumented status, content type or header, a body that breaks its schema)
from the JSON report. Prints the table, writes it as JSON, exits 1 on any failure.
Usage: fuzz_summary.py RUN_DIR LAST_JSON
"""
import datetime
import glob
import json
import os
import platform
import sys


def newest(pattern):
    found = sorted(glob.glob(pattern))
    return found[-1] if found else None


def row(run_dir, name):
    service, caller = name.split("-", 1)
    report = newest(os.path.join(run_dir, name, "json-*.json"))
    har = newest(os.path.join(run_dir, name, "har-*.json"))
    result = {"service": service, "caller": caller, "operations": 0, "requests": 0, "server_errors": 0,
              "schema_failures": 0, "errors": 0, "seconds": 0.0, "exit_code": None, "failures": []}
    if report:
        with open(report, encoding="utf-8") as f:
            data = json.load(f)
        result["operations"] = data["operations"]["tested"]
        result["seconds"] = round(data["running_time"], 1)
        result["exit_code"] = data["exit_code"]
        result["errors"] = len(data["errors"])
        result["schemathesis_version"] = data["schemathesis_version"]
        for failure in data["failures"]:
            result["failures"].append({"code": failure["code"], "title": failure["title"],
                                       "count": failure["count"], "operations": failure["operations"]})
            if "ServerError" not in failure["type"]:
                result["schema_failures"] += failure["count"]
    if har:
        with open(har, encoding="utf-8") as f:
            entries = json.load(f)["log"]["entries"]
        result["requests"] = len(entries)
        result["server_errors"] = sum(1 for e in entries if e["response"]["status"] >= 500)
    return result


def main(run_dir, last_json):
    names = sorted(d for d in os.listdir(run_dir)
                   if os.path.isdir(os.path.join(run_dir, d)) and not d.startswith(".") and "-" in d)
    order = {"intake": 0, "triage": 1, "notification": 2}
    rows = sorted((row(run_dir, n) for n in names), key=lambda r: (order.get(r["service"], 9), r["caller"]))
    total = {key: sum(r[key] for r in rows) for key in ("operations", "requests", "server_errors",
                                                         "schema_failures", "errors")}
    total["seconds"] = round(sum(r["seconds"] for r in rows), 1)
    ok = all(r["exit_code"] == 0 for r in rows) and not (total["server_errors"] or total["schema_failures"]
                                                          or total["errors"])
    line = "{:<13} {:<11} {:>10} {:>9} {:>13} {:>15} {:>8}"
    print()
    print(line.format("service", "caller", "operations", "requests", "server errors", "schema failures", "seconds"))
    for r in rows:
        print(line.format(r["service"], r["caller"], r["operations"], r["requests"], r["server_errors"],
                          r["schema_failures"], r["seconds"]))
    print(line.format("total", "", total["operations"], total["requests"], total["server_errors"],
                      total["schema_failures"], total["seconds"]))
    for r in rows:
        for failure in r["failures"]:
            print("  {} {}: {} {} x{} ({})".format(r["service"], r["caller"], failure["code"], failure["title"],
                                                   failure["count"], ", ".join(failure["operations"])))
        if r["errors"]:
            print("  {} {}: {} errors (schemathesis could not run some operations; see its log)".format(
                r["service"], r["caller"], r["errors"]))
    print("\n" + ("No server error, no answer outside its description." if ok else "FAILED."))
    summary = {"finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "run": run_dir, "ok": ok, "total": total, "runs": rows,
               "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}}
    with open(last_json, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    with open(os.path.join(run_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
