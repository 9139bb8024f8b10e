"""Measure the builder: every stage of a clean build, the floor set by MkDocs and WeasyPrint alone,
rebuilds, extraction throughput on the BBC corpus and the Reuters wire stories, and a 200-source brief.

Run with `make bench` after `make brief`. Every figure is the median of several runs, each in a fresh
process; results go to bench/results.json and a table is printed. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news"
WIRE_CORPUS = ROOT.parent / "shared" / "corpus" / "reuters-deals"
RESULTS = ROOT / "bench" / "results.json"
PYTHON = sys.executable
PROJECT_FILES = ("mkdocs.yml", "data/brief.yaml", "data/sources", "docs", "overrides")
STAGES = ("load", "extract", "analyze", "render", "site", "pdf")

# Runs in a fresh process: builds a project and prints the stage timings and peak memory as JSON.
BUILD_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    def high_water_kb():  # this process's own peak: VmHWM starts afresh at exec, unlike ru_maxrss
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0
    started = time.perf_counter()
    from builder.build import build
    from builder.config import Options
    imported = time.perf_counter()
    memory = {}
    def progress(stage):
        memory[stage] = high_water_kb()
    result = build(Options(project=Path(sys.argv[1]), cache=sys.argv[2] == "cache"), progress=progress)
    finished = time.perf_counter()
    print(json.dumps({"timings": result.timings, "import": imported - started, "build": finished - imported,
                      "high_water_at_stage_start_kb": memory,
                      "peak_rss_kb": high_water_kb(),
                      "print_worker_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
    """
)
# Runs in a fresh process: extracts every file given and prints time, size and peak memory.
EXTRACT_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from builder.extract import extract
    def high_water_kb():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0
    from builder.model import SourceMeta
    from builder.sources import RawSource, split_source
    paths = [Path(p) for p in sys.argv[1:]]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    started = time.perf_counter()
    facts = 0
    for path, text in zip(paths, texts):
        source = split_source(RawSource("s", path.name, SourceMeta(), text, ""))
        found = extract(source)
        facts += len(found.quotes) + len(found.amounts) + len(found.dates)
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "bytes": sum(len(t.encode()) for t in texts), "files": len(paths),
                      "facts": facts, "peak_rss_kb": high_water_kb()}))
    """
)
# Runs in a fresh process: `extract --format json` over one folder, end to end (read, extract, compare the
# sources, write the JSON), timed by the clock and by this process's own processor time.
EXTRACT_JSON_SCRIPT = textwrap.dedent(
    """
    import io, json, resource, sys, time
    from contextlib import redirect_stdout
    from pathlib import Path
    started, cpu = time.perf_counter(), time.process_time()
    from click.testing import CliRunner
    from builder.cli import main
    result = CliRunner().invoke(main, ["extract", "--sources", sys.argv[1], "--format", "json"])
    assert result.exit_code == 0, result.output[-2000:]
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
                      "json_bytes": len(result.stdout.encode()),
                      "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    """
)
PRINT_ONLY = textwrap.dedent(
    """
    import sys
    from weasyprint import CSS, HTML
    HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], stylesheets=[CSS(filename=sys.argv[3]), CSS(string=sys.argv[4])],
                                         pdf_tags=True, pdf_variant="pdf/ua-1")
    """
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    parser.add_argument("--large", type=int, default=200, help="sources in the large brief")
    parser.add_argument("--quick", action="store_true", help="fewer runs and a smaller large brief")
    parser.add_argument(
        "--only",
        choices=["corpus-extract"],
        help="measure only this step and update its entry in bench/results.json, keeping the others",
    )
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    large = 50 if args.quick else args.large
    if args.only == "corpus-extract":
        kept: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
        with tempfile.TemporaryDirectory(prefix="dealbrief-bench-") as scratch:
            kept["corpus_extract"] = {**corpus_extract(Path(scratch), runs), "runs": runs}
        RESULTS.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(table(kept))
        return
    results: dict[str, Any] = {"machine": machine(), "runs": runs}
    with tempfile.TemporaryDirectory(prefix="dealbrief-bench-") as scratch:
        work = Path(scratch)
        results["example"] = example_brief(work, runs)
        if CORPUS.is_dir():
            results["extraction"] = extraction(runs)
            if WIRE_CORPUS.is_dir():
                results["extraction"]["reuters"] = wire_extraction(runs)
            results["corpus_extract"] = corpus_extract(work, runs)
            results["large"] = large_briefs(work, [large // 4, large // 2, large])
        else:
            results["extraction"] = results["large"] = {"skipped": f"{CORPUS} is not here"}
    RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nResults: {RESULTS.relative_to(ROOT)}")


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "processor": platform.processor() or "unknown",
    }


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd or ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def build_run(project: Path, cache: bool = True) -> tuple[float, dict[str, Any]]:
    wall, output = timed([PYTHON, "-c", BUILD_SCRIPT, str(project), "cache" if cache else "no-cache"])
    return wall, json.loads(output.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def example_brief(work: Path, runs: int) -> dict[str, Any]:
    """The example brief: clean build by stage, the floor, and rebuilds."""
    clean_walls, stage_times = [], {stage: [] for stage in STAGES}
    for index in range(runs):
        project = copy_project(work / f"clean-{index}")
        wall, data = build_run(project, cache=False)
        clean_walls.append(wall)
        for stage in STAGES:
            stage_times[stage].append(data["timings"].get(stage, 0.0))
    project = work / "clean-0"
    floor_mkdocs, floor_pdf = [], []
    print_html = _print_html(project, work)
    css = ROOT / "builder" / "templates" / "print" / "brief.css"
    for index in range(runs):
        floor_mkdocs.append(
            timed([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(work / f"floor-site-{index}")], cwd=project)[0]
        )
        floor_pdf.append(
            timed(
                [
                    PYTHON,
                    "-c",
                    PRINT_ONLY,
                    str(print_html),
                    str(work / f"floor-{index}.pdf"),
                    str(css),
                    "@page { size: A4; }",
                ]
            )[0]
        )
    noop, touched = [], []
    build_run(project)  # warm the cache of this project
    source = project / "data" / "sources" / "newsng.md"
    original = source.read_text(encoding="utf-8")
    for index in range(runs):
        noop.append(timed([PYTHON, "-m", "builder", "build", "--project", str(project)])[0])
        source.write_text(original + f"\nShares rose {index + 1}% on the news.", encoding="utf-8")
        touched.append(timed([PYTHON, "-m", "builder", "build", "--project", str(project)])[0])
    clean = median(clean_walls)
    floor = median(floor_mkdocs) + median(floor_pdf)
    return {
        "clean_build_s": clean,
        "stages_s": {stage: median(times) for stage, times in stage_times.items()},
        "floor_mkdocs_s": median(floor_mkdocs),
        "floor_weasyprint_s": median(floor_pdf),
        "floor_s": floor,
        "clean_over_floor": clean / floor,
        "noop_rebuild_s": median(noop),
        "noop_over_clean": median(noop) / clean,
        "one_source_rebuild_s": median(touched),
        "one_source_over_clean": median(touched) / clean,
    }


def _print_html(project: Path, work: Path) -> Path:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from builder.analyze import analyze
        from builder.config import Options, epoch_of
        from builder.gather import extract_all, load
        from builder.render import render_print_html
        inputs = load(Options(project=Path(sys.argv[1])))
        brief = analyze(inputs.sources, extract_all(inputs.sources, inputs.curation), inputs.curation)
        Path(sys.argv[2]).write_text(render_print_html(brief, epoch_of(brief.built)), encoding="utf-8")
        """
    )
    target = work / "print.html"
    timed([PYTHON, "-c", script, str(project), str(target)])
    return target


def corpus_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt"))


def extraction(runs: int) -> dict[str, Any]:
    """Extraction throughput and memory on the whole corpus and on a tenth of it."""
    files = corpus_files()
    tenth = files[::10]
    found: dict[str, Any] = {}
    for name, chosen in (("all", files), ("tenth", tenth)):
        samples = [json.loads(timed([PYTHON, "-c", EXTRACT_SCRIPT, *map(str, chosen)])[1]) for _ in range(runs)]
        seconds = median([s["seconds"] for s in samples])
        found[name] = {
            "files": len(chosen),
            "bytes": samples[0]["bytes"],
            "seconds": seconds,
            "mb_per_s": samples[0]["bytes"] / seconds / 1e6,
            "facts": samples[0]["facts"],
            "peak_rss_mb": max(s["peak_rss_kb"] for s in samples) / 1024,
        }
    found["all_over_tenth_time"] = found["all"]["seconds"] / found["tenth"]["seconds"]
    found["all_over_tenth_bytes"] = found["all"]["bytes"] / found["tenth"]["bytes"]
    return found


def corpus_extract(work: Path, runs: int) -> dict[str, Any]:
    """`extract --format json` over every BBC and Reuters file together in one folder, end to end."""
    folder = work / "all-articles"
    folder.mkdir()
    paths = [*corpus_files(), *(sorted(WIRE_CORPUS.rglob("*.txt")) if WIRE_CORPUS.is_dir() else [])]
    for path in paths:  # copies: a source that links out of the folder is refused
        shutil.copyfile(path, folder / path.name)
    size = sum(len(path.read_text(encoding="utf-8").encode()) for path in paths)
    samples = [json.loads(timed([PYTHON, "-c", EXTRACT_JSON_SCRIPT, str(folder)])[1]) for _ in range(runs)]
    seconds = median([s["seconds"] for s in samples])
    cpu = median([s["cpu_seconds"] for s in samples])
    return {
        "files": len(paths),
        "bytes": size,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "mb_per_s": size / seconds / 1e6,
        "mb_per_cpu_s": size / cpu / 1e6,
        "json_mb": samples[0]["json_bytes"] / 1e6,
        "peak_rss_mb": max(s["peak_rss_kb"] for s in samples) / 1024,
    }


def wire_extraction(runs: int) -> dict[str, Any]:
    """Extraction throughput on the Reuters wire stories, whose quote boxes and figures read differently."""
    files = sorted(WIRE_CORPUS.rglob("*.txt"))
    samples = [json.loads(timed([PYTHON, "-c", EXTRACT_SCRIPT, *map(str, files)])[1]) for _ in range(runs)]
    seconds = median([s["seconds"] for s in samples])
    return {
        "files": len(files),
        "bytes": samples[0]["bytes"],
        "seconds": seconds,
        "mb_per_s": samples[0]["bytes"] / seconds / 1e6,
        "facts": samples[0]["facts"],
        "peak_rss_mb": max(s["peak_rss_kb"] for s in samples) / 1024,
    }


def large_briefs(work: Path, sizes: list[int]) -> dict[str, Any]:
    """Briefs of many corpus articles, to see how each stage grows with the number of sources."""
    found: dict[str, Any] = {}
    files = corpus_files()
    for size in sizes:
        project = copy_project(work / f"large-{size}")
        shutil.rmtree(project / "data" / "sources")
        shutil.rmtree(project / "docs")
        (project / "data" / "sources").mkdir()
        for path in files[:size]:
            shutil.copy(path, project / "data" / "sources" / path.name)
        (project / "data" / "brief.yaml").write_text(
            "deal:\n  title: BBC business and technology news\n  type: news digest\n  status: archive\n",
            encoding="utf-8",
        )
        wall, data = build_run(project, cache=False)
        pdf = project / "site" / "brief.pdf"
        found[str(size)] = {
            "wall_s": wall,
            "stages_s": data["timings"],
            "peak_rss_mb": data["peak_rss_kb"] / 1024,
            "print_worker_peak_rss_mb": data["print_worker_peak_kb"] / 1024,
            "high_water_at_stage_start_mb": {k: v / 1024 for k, v in data["high_water_at_stage_start_kb"].items()},
            "pdf_pages": _pages(pdf),
            "site_pages": len(list((project / "site").rglob("*.html"))),
        }
    small, big = str(sizes[0]), str(sizes[-1])
    factor = sizes[-1] / sizes[0]
    found["growth"] = {
        stage: found[big]["stages_s"].get(stage, 0) / max(found[small]["stages_s"].get(stage, 0), 1e-9) / factor
        for stage in STAGES
    }
    return found


def _pages(pdf: Path) -> int:
    try:
        import pypdf

        return len(pypdf.PdfReader(pdf).pages)
    except Exception:  # pypdf is a test tool; without it the page count is simply not reported
        return -1


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def table(results: dict[str, Any]) -> str:
    machine, example = results["machine"], results["example"]
    lines = [
        f"Machine: {machine['system']}, {machine['cpus']} CPUs, Python {machine['python']}"
        f"; median of {results['runs']} runs, each in a fresh process.",
        "",
        _row("Example brief", "seconds", "ratio"),
        "|---|---:|---:|",
        _row(
            "clean build (whole process)",
            f"{example['clean_build_s']:.2f}",
            f"{example['clean_over_floor']:.2f} × floor",
        ),
    ]
    lines += [_row(f"· {stage}", f"{example['stages_s'][stage]:.3f}", "") for stage in STAGES]
    lines.append(_row("(site and pdf run side by side: the PDF prints in a worker process)", "", ""))
    lines += [
        _row("floor: `mkdocs build` alone", f"{example['floor_mkdocs_s']:.2f}", ""),
        _row("floor: WeasyPrint alone", f"{example['floor_weasyprint_s']:.2f}", ""),
        _row(
            "rebuild, nothing changed", f"{example['noop_rebuild_s']:.2f}", f"{example['noop_over_clean']:.2f} × clean"
        ),
        _row(
            "rebuild, one source changed",
            f"{example['one_source_rebuild_s']:.2f}",
            f"{example['one_source_over_clean']:.2f} × clean",
        ),
    ]
    extraction_ = results["extraction"]
    if "all" in extraction_:
        lines += ["", _row("Extraction (one core)", "files", "MB", "seconds", "MB/s", "peak memory MB")]
        lines.append("|---|---:|---:|---:|---:|---:|")
        for label, run in (("BBC, all", extraction_["all"]), ("BBC, a tenth", extraction_["tenth"])):
            lines.append(
                _row(
                    label,
                    run["files"],
                    f"{run['bytes'] / 1e6:.2f}",
                    f"{run['seconds']:.2f}",
                    f"{run['mb_per_s']:.2f}",
                    f"{run['peak_rss_mb']:.0f}",
                )
            )
        if "reuters" in extraction_:
            run = extraction_["reuters"]
            lines.append(
                _row(
                    "Reuters wire stories",
                    run["files"],
                    f"{run['bytes'] / 1e6:.2f}",
                    f"{run['seconds']:.2f}",
                    f"{run['mb_per_s']:.2f}",
                    f"{run['peak_rss_mb']:.0f}",
                )
            )
        lines.append(
            _row(
                "BBC, all ÷ tenth",
                "",
                f"{extraction_['all_over_tenth_bytes']:.1f} × bytes",
                f"{extraction_['all_over_tenth_time']:.1f} × time",
                "",
                "",
            )
        )
    whole = results.get("corpus_extract", {})
    if "files" in whole:
        lines += [
            "",
            _row(
                "`extract --format json`, BBC and Reuters together",
                "files",
                "MB",
                "seconds",
                "MB/s",
                "CPU seconds",
                "peak memory MB",
            ),
        ]
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        lines.append(
            _row(
                "end to end, one process",
                whole["files"],
                f"{whole['bytes'] / 1e6:.2f}",
                f"{whole['seconds']:.2f}",
                f"{whole['mb_per_s']:.2f}",
                f"{whole['cpu_seconds']:.2f}",
                f"{whole['peak_rss_mb']:.0f}",
            )
        )
    large = results["large"]
    if "growth" in large:
        sizes = sorted((key for key in large if key.isdigit()), key=int)
        lines += [
            "",
            _row(
                "Large brief, seconds by stage",
                *(f"{s} sources" for s in sizes),
                "growth per source (biggest ÷ smallest)",
            ),
            "|---|" + "---:|" * (len(sizes) + 1),
        ]
        for stage in STAGES:
            cells = [f"{large[s]['stages_s'].get(stage, 0):.2f}" for s in sizes]
            lines.append(_row(stage, *cells, f"{large['growth'][stage]:.2f}"))
        lines.append(_row("peak memory MB, builder", *(f"{large[s]['peak_rss_mb']:.0f}" for s in sizes), ""))
        lines.append(
            _row("peak memory MB, print worker", *(f"{large[s]['print_worker_peak_rss_mb']:.0f}" for s in sizes), "")
        )
        lines.append(_row("PDF pages", *(large[s]["pdf_pages"] for s in sizes), ""))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
