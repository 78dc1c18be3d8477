"""``python -m summarizer`` and the ``summarizer`` command: the command line tool.

``import summarizer`` loads nothing heavy, so a Ctrl-C while numpy and scipy
load (the first tenth of a second) is caught here: exit 130, no traceback.
"""

import sys


def run() -> int:
    try:
        from summarizer.cli import main
    except KeyboardInterrupt:
        return 130
    return main()


if __name__ == "__main__":
    sys.exit(run())
