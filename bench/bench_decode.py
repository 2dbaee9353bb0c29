"""QR decode benchmark: success rate and time per image, per decoder backend and resolution.

    .venv/bin/python -m bench.bench_decode [--count 300] [--harsh]

Images come from bench/qr_corpus.py (real member codes, camera-like degradations). Targets for
the default backend (zxing) at 640x480: >= 99 % decoded, median <= 5 ms.
"""

from __future__ import annotations

import argparse
import time

from bench.common import machine, summary_ms
from bench.qr_corpus import RESOLUTIONS, corpus
from terminal_app.qr import available_decoders, get_decoder


def run(count: int, harsh: bool) -> list[dict]:
    rows = []
    images = {res: corpus(res, count, harsh=harsh) for res in RESOLUTIONS}
    for name, why_not in available_decoders().items():
        if why_not:
            print(f"{name}: unavailable ({why_not})")
            continue
        decoder = get_decoder(name)
        for res, samples in images.items():
            ok, times = 0, []
            for sample in samples:
                t0 = time.perf_counter()
                found = decoder.decode(sample.image)
                times.append(time.perf_counter() - t0)
                ok += any(f.text == sample.text for f in found)
            s = summary_ms(times)
            rows.append({"decoder": name, "resolution": res, "decoded": ok, "count": len(samples),
                         "rate": 100 * ok / len(samples), **s})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="images per resolution")
    parser.add_argument("--harsh", action="store_true", help="blur in absolute pixels (see qr_corpus.render)")
    args = parser.parse_args()
    print(f"machine: {machine()}; corpus: {args.count} images per resolution, "
          f"{'harsh' if args.harsh else 'module-relative'} blur")
    print(f"{'decoder':<8} {'resolution':<10} {'decoded':>9} {'rate %':>7} {'median ms':>10} "
          f"{'p90 ms':>7} {'max ms':>7}")
    for r in run(args.count, args.harsh):
        print(f"{r['decoder']:<8} {r['resolution']:<10} {r['decoded']:>4}/{r['count']:<4} {r['rate']:>7.1f} "
              f"{r['p50']:>10.2f} {r['p90']:>7.2f} {r['max']:>7.2f}")


if __name__ == "__main__":
    main()
