"""A microphone for wyoming-satellite's --mic-command: a raw recording, then silence.

Raw 16 kHz 16-bit mono, written to stdout at real-time pace in 20 ms chunks.
"""

import sys
import time

CHUNK = 640  # 20 ms


def main(path: str) -> None:
    data = open(path, "rb").read()
    out = sys.stdout.buffer
    due, offset = time.monotonic(), 0
    while True:
        piece = data[offset:offset + CHUNK] if offset < len(data) else b""
        out.write(piece.ljust(CHUNK, b"\0"))
        out.flush()
        offset += CHUNK
        due += 0.02
        time.sleep(max(0.0, due - time.monotonic()))


if __name__ == "__main__":
    main(sys.argv[1])
