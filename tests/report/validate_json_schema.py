#!/usr/bin/python3
"""Validates JSON documents against a JSON schema, offline (Debian's python3-jsonschema).

Usage: validate_json_schema.py SCHEMA DOCUMENT...
Exit 0 when every document is valid; 1 with one line per error otherwise; 2 on bad usage.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed (scripts/deps.sh installs it)", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
            pointer = "/" + "/".join(str(p) for p in error.path)
            print(f"{path}: {pointer}: {error.message}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
