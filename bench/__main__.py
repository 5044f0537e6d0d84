"""Run every benchmark module here, or only those named: `python -m bench [name ...]`."""

import importlib
import pkgutil
import sys
from pathlib import Path

import bench


def main(argv: list[str]) -> int:
    names = sorted(
        module.name
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not module.name.startswith("_")
    )
    unknown = sorted(set(argv) - set(names))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(names)}")
        return 2
    bench.django_setup()
    failures = 0
    for name in argv or names:
        print(f"== bench.{name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        try:
            module.main()
        except AssertionError as error:
            failures += 1
            print(f"FAILED: bench.{name}: {error}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
