"""Benchmark: the whole pipeline's CPU per document against plain docxtpl's render alone (a benchmark, not a test).

    python benchmarks/pipeline_per_doc.py                  # a 30-cluster city, 5 clusters rendered by docxtpl
    python benchmarks/pipeline_per_doc.py --clusters 60 --profile 25

The whole pipeline is `docgen build` of a synthetic city (benchmarks/city.py's generator) in one process
(--jobs 1): discover, load, validate, score, contexts, render, manifest, write; its CPU time (this process's
user + system, Python start-up and imports excluded, compiling the templates included) is divided by the
documents written. Imports are those of the modules a build uses, openpyxl included (the tallies import it
at their first workbook). It is run twice, each in a fresh process with the same private code cache
(render/code_cache.py): first with the cache empty (docgen's first build), then as every later build of
the clerk finds it (the templates' code compiled by the first). Plain docxtpl is DocxTemplate(path).render(context) + save, on the same templates and the
same contexts (every document of the first clusters, index included), timed the same way in another fresh
process. The goal (issue 15) is a ratio of at most 1/10.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_pipeline(city: Path, out: Path, profile: int) -> dict:
    import openpyxl.styles  # noqa: F401 - imported by the first tally; imports are not counted (see above)

    from docgen.pipeline import batch
    if profile:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        prof.enable()
    cpu = time.process_time()
    summary = batch.build_many([city], out, jobs=1)
    cpu = time.process_time() - cpu
    if profile:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(profile)
    return {"documents": summary.documents, "clusters": summary.clusters, "cpu": cpu}


def run_docxtpl(city: Path, clusters: int) -> dict:
    from docxtpl import DocxTemplate

    from docgen.context import cluster as context_cluster
    from docgen.context import index as context_index
    from docgen.levels import cluster as levels_cluster
    from docgen.load import discover
    from docgen.render import environment
    specs = []
    for f in discover.inputs([city])[:clusters]:
        c = levels_cluster.check_cluster(f)
        docs = context_cluster.build_documents(c.plan.data, c.cluster.data, c.result)
        specs += [context_index.index_spec(c.plan.data, c.cluster.data, docs), *docs]
    paths = {s.template: str(environment.template_path(s.template)) for s in specs}
    cpu = time.process_time()
    for s in specs:
        doc = DocxTemplate(paths[s.template])
        doc.render(s.context, environment.jinja_env(), autoescape=True)
        doc.save(io.BytesIO())
    return {"documents": len(specs), "cpu": time.process_time() - cpu}


def child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if proc.returncode:
        sys.exit(proc.stderr)
    if proc.stderr:
        print(proc.stderr, file=sys.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", type=int, default=30, help="clusters in the city built by the pipeline")
    ap.add_argument("--docxtpl-clusters", type=int, default=5, help="clusters whose documents docxtpl renders")
    ap.add_argument("--profile", type=int, default=0, help="print the pipeline's top N functions (cProfile)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        r = (run_pipeline(Path(rest[0]), Path(rest[1]), int(rest[2])) if kind == "pipeline"
             else run_docxtpl(Path(rest[0]), int(rest[1])))
        print(json.dumps(r))
        return 0

    import os

    from benchmarks.city import make_city
    with tempfile.TemporaryDirectory(prefix="docgen-perdoc-") as tmp:
        city = Path(tmp) / "city"
        make_city(city, args.clusters)
        print(f"docgen pipeline per document — {args.clusters} clusters, load average {os.getloadavg()[0]:.2f}")
        os.environ["DOCGEN_CACHE_DIR"] = str(Path(tmp) / "code-cache")
        first = child("pipeline", str(city), str(Path(tmp) / "out-first"), "0")
        p = child("pipeline", str(city), str(Path(tmp) / "out"), str(args.profile))
        d = child("docxtpl", str(city), str(args.docxtpl_clusters))
    bare = d["cpu"] * 1000 / d["documents"]
    for label, r in (("first build, code cache empty", first), ("next builds, code cache filled", p)):
        pipe = r["cpu"] * 1000 / r["documents"]
        print(f"  whole pipeline (docgen build --jobs 1), {label:31s} {pipe:6.2f} ms CPU/doc  ({r['documents']} "
              f"documents, {r['clusters']} clusters, {r['cpu']:.2f} s)  1/{bare / pipe:.1f} of docxtpl")
    print(f"  plain docxtpl render + save alone {'':40s}{bare:6.2f} ms CPU/doc  ({d['documents']} documents)")
    print(f"  ratio pipeline / docxtpl, next builds: 1/{bare / (p['cpu'] * 1000 / p['documents']):.1f}  "
          "(goal: 1/10 or better)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
