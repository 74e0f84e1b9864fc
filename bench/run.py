"""Run the latency benchmark like a user would: `python bench/run.py [appliance bench options]`."""

import sys

from appliance.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
