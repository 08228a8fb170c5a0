"""Build benchmarks, as ratios taken in one run on a shared machine:

- hooks on vs the same generated lessons as plain Material Markdown (budget: at most 1.25x),
  cold (as on CI) and as an author's rebuild, which reuses build/cache;
- 50 vs 500 generated lessons with 3 exercises each: time per page (budget: within ±25%).

Usage: .venv/bin/python benchmarks/build_scaling.py [runs]   (prints JSON)"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

WORDS = ("partners listen slowly and kindly when one of them shares a worry about the week "
         "ahead so that the other can reflect it back without advice or judgement").split()
CHECKER = '''from therapon_check.language import Feedback, feelings


def check(response):
    feedback = Feedback()
    if feelings(response):
        feedback.good("names-feeling", "You named a feeling.")
    return feedback.result(meets_goal=bool(feelings(response)))
'''


def paragraph(seed: int, sentences: int = 6) -> str:
    out = []
    for s in range(sentences):
        start = (seed * 7 + s * 3) % len(WORDS)
        sentence = " ".join(WORDS[(start + k) % len(WORDS)] for k in range(12))
        out.append(sentence.capitalize() + ".")
    return " ".join(out)


def lesson(i: int, with_exercises: bool) -> str:
    body = [f"# Lesson {i}", ""]
    for section in range(4):
        body += [f"## Part {section + 1}", "", paragraph(i * 10 + section), ""]
        if with_exercises and section < 3:
            kind = ("choice", "reflect", "text")[section]
            body += ["```exercise", f"g{i}-{kind}", "```", ""]
    return "\n".join(body)


def exercises(target: Path, i: int) -> None:
    (target / f"g{i}-choice.toml").write_text(
        f'id = "g{i}-choice"\nkind = "choice"\ntitle = "Question {i}"\nprompt = "Which helps?"\n'
        '[[options]]\nid = "listen"\ntext = "Listening"\ncorrect = true\nexplanation = "Yes."\n'
        '[[options]]\nid = "fix"\ntext = "Fixing"\nexplanation = "Not yet."\n')
    (target / f"g{i}-reflect.toml").write_text(
        f'id = "g{i}-reflect"\nkind = "reflection"\ntitle = "Reflect {i}"\nprompt = "What helped?"\n')
    folder = target / f"g{i}-text"
    folder.mkdir()
    (folder / "checker.py").write_text(CHECKER)
    (folder / "exercise.toml").write_text(
        f'id = "g{i}-text"\nkind = "text"\ntitle = "Say it {i}"\nprompt = "Name a feeling."\n'
        'checker = "checker.py"\n'
        f'[[examples]]\nresponse = "I feel lonely {i}."\nmeets_goal = true\n'
        '[[examples]]\nresponse = "You never call."\nmeets_goal = false\n')


def project(base: Path, lessons: int, with_hooks: bool) -> Path:
    """A course of generated lessons; without hooks it is the same text as plain Material."""
    root = base / f"{lessons}-{'hooks' if with_hooks else 'plain'}"
    (root / "docs").mkdir(parents=True)
    (root / "exercises").mkdir()
    (root / "docs" / "index.md").write_text("# Generated course\n")
    for i in range(1, lessons + 1):
        (root / "docs" / f"lesson-{i:03}.md").write_text(lesson(i, with_hooks))
        if with_hooks:
            exercises(root / "exercises", i)
    config = (ROOT / "mkdocs.yml").read_text()
    config = re.sub(r"\nnav:\n(  .*\n|      .*\n)*", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    config = config.replace("    safety_page: safety.md\n", "")  # the generated course has no safety page
    if with_hooks:
        # The engine (src/, with its bundles) is the repository's; build/cache is the copy's own.
        shutil.copytree(ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    else:
        config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    (root / "mkdocs.yml").write_text(config)
    return root


def build_seconds(root: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir",
                             str(root / "site")], cwd=root, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    return elapsed


def main(runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        projects = {(n, hooks): project(base, n, hooks) for n in (50, 200, 500) for hooks in (True, False)
                    if hooks or n == 200}
        times: dict[tuple[int, bool], list[float]] = {key: [] for key in projects}
        warm: list[float] = []
        for _ in range(runs):  # interleaved, so every variant sees the same machine load
            for (n, hooks), root in projects.items():
                # Cold, as on CI: no verdicts, lock or digests kept from an earlier build.
                shutil.rmtree(root / "build" / "cache", ignore_errors=True)
                times[(n, hooks)].append(build_seconds(root))
                if (n, hooks) == (200, True):  # an author's rebuild, with build/cache kept
                    warm.append(build_seconds(root))
    median = {key: statistics.median(values) for key, values in times.items()}
    per_page = {n: median[(n, True)] / (n + 1) for n in (50, 500)}
    return {
        "runs": runs,
        "hooks_200_s": round(median[(200, True)], 2),
        "plain_200_s": round(median[(200, False)], 2),
        "hooks_over_plain": round(median[(200, True)] / median[(200, False)], 2),
        "hooks_warm_200_s": round(statistics.median(warm), 2),
        "hooks_warm_over_plain": round(statistics.median(warm) / median[(200, False)], 2),
        "per_page_ms_50": round(per_page[50] * 1000, 1),
        "per_page_ms_500": round(per_page[500] * 1000, 1),
        "per_page_500_over_50": round(per_page[500] / per_page[50], 2),
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=2))
