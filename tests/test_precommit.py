"""The pre-commit hook, run by the real pre-commit framework, and the CI examples of docs/ci.md.

`pre-commit try-repo PATH` installs the hook the way a user's `pre-commit install` does: it
clones the repository, pip-installs it into an environment of its own and runs the manifest's
command on the files pre-commit chooses. On a local path it clones HEAD and, when tracked files
differ from HEAD, a shadow commit of those changes (pre_commit/commands/try_repo.py runs
`git add -u`); files not yet added to git are left out. To judge the working tree as it
stands, new modules included, the test commits a snapshot of it (every tracked file, and every
untracked file .gitignore does not exclude) to a throwaway repository and points try-repo at
that. try-repo uses a throwaway pre-commit store too, so every run installs afresh (durable-rules
is compiled: tens of seconds with pip's wheel cache warm, a few minutes without).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from postcheck.cli import check as check_command
from postcheck.config import Settings
from tests.conftest import REPO, SEED_DAY, TEST_AUTHORITIES

BREACH = REPO.parent / "shared" / "seeds" / "newham-mayors-assistant.txt"
CLEAN = REPO / "fixtures" / "clean" / "clean-political-assistant.yaml"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
POSTCHECK = Path(sys.executable).with_name("postcheck")
INSTALL_TIMEOUT = 900  # seconds: a cold pip cache compiles durable-rules from source
CPPFLAGS = "-DPyEval_CallObject=PyObject_CallObject"  # durable-rules on Python 3.13 (README)
AS_OF = f'as_of = "{SEED_DAY.isoformat()}"\n'

# Files of a documents repository that are not posts; pre-commit passes README.md and the
# workflow to the hook (they match its `files`), and none of them may fail it.
NOT_POSTS: dict[str, bytes] = {
    "README.md": (
        b"# hr-job-descriptions\n\n"
        b"The council's job descriptions, checked by postcheck before they are published.\n\n"
        b"Run `pre-commit install` once after cloning.\n"
    ),
    "logo.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    ".github/workflows/publish.yml": (
        b"name: publish\non:\n  push:\n    branches: [main]\njobs:\n"
        b"  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./publish.sh\n"
    ),
}


def _environment(tmp: Path) -> dict[str, str]:
    """The caller's environment, made hermetic for git and pre-commit: no global or system git
    configuration, an isolated pre-commit cache, no SKIP list, and the flag durable-rules needs."""
    env = {k: v for k, v in os.environ.items() if k not in ("SKIP", "PRE_COMMIT_COLOR")}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        CPPFLAGS=f"{env.get('CPPFLAGS', '')} {CPPFLAGS}".strip(),
    )
    return env


def _run(args: list[str], cwd: Path, env: Mapping[str, str], timeout: int = 60) -> str:
    """Run a command that must succeed; its combined output."""
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, (
        f"{shlex.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    )
    return done.stdout + done.stderr


def _commit_all(repo: Path, env: Mapping[str, str]) -> None:
    """Make `repo` a git repository with everything in it committed, by a local identity."""
    git = ["git", "-c", "init.defaultBranch=main"]
    _run([*git, "init", "-q"], repo, env)
    _run(["git", "config", "user.name", "postcheck tests"], repo, env)
    _run(["git", "config", "user.email", "tests@example.invalid"], repo, env)
    _run(["git", "config", "commit.gpgsign", "false"], repo, env)
    _run(["git", "add", "-A"], repo, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], repo, env)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("precommit")


@pytest.fixture(scope="module")
def env(tmp: Path) -> dict[str, str]:
    if not PRE_COMMIT.is_file():
        pytest.fail(
            f"pre-commit is not installed beside {sys.executable}: "
            "pip install pre-commit into the test environment"
        )
    if shutil.which("git") is None:
        pytest.fail("git is not on PATH: pre-commit needs it")
    return _environment(tmp)


@pytest.fixture(scope="module")
def hook_repo(tmp: Path, env: dict[str, str]) -> Path:
    """The working tree of postcheck as it is now, committed to a repository of its own."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.fail(f"cannot list the files of {REPO} with git: {listed.stderr.decode()}")
    snapshot = tmp / "postcheck-snapshot"
    for name in sorted(set(listed.stdout.decode().split("\0")) - {""}):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    _commit_all(snapshot, env)
    return snapshot


def _posts_repo(root: Path, files: Mapping[str, bytes], env: Mapping[str, str]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    _commit_all(root, env)
    return root


def _try_repo(hook_repo: Path, repo: Path, env: Mapping[str, str]) -> tuple[int, str]:
    args = [str(PRE_COMMIT), "try-repo", str(hook_repo), "postcheck"]
    args += ["--all-files", "--color", "never"]
    try:
        done = subprocess.run(
            args,
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"pre-commit try-repo did not finish in {INSTALL_TIMEOUT} s: {error.output}")
    output = done.stdout + done.stderr
    assert "An unexpected error has occurred" not in output, (
        "pre-commit failed before the hook ran (installing it needs git, a C compiler, the "
        f"network to PyPI and CPPFLAGS={CPPFLAGS}):\n{output}"
    )
    return done.returncode, output


def _hook_output(output: str) -> str:
    """What the hook printed: pre-commit's output after the hook's status line."""
    _, found, after = output.partition("\npostcheck.")
    assert found, f"pre-commit did not run the postcheck hook:\n{output}"
    return after


@pytest.mark.slow
def test_hook_fails_on_a_breach_and_skips_files_that_are_not_posts(
    hook_repo: Path, env: dict[str, str], tmp: Path
) -> None:
    repo = _posts_repo(
        tmp / "breach",
        {"newham-mayors-assistant.txt": BREACH.read_bytes(), "postcheck.toml": AS_OF.encode()}
        | NOT_POSTS,
        env,
    )
    status, output = _try_repo(hook_repo, repo, env)
    hook = _hook_output(output)
    assert status != 0, output
    assert hook.startswith(".") and "Failed" in hook.splitlines()[0], output
    # postcheck's own exit code: 1, findings; 2 would mean an input it could not read
    assert "- exit code: 1\n" in hook, output
    assert "newham-mayors-assistant.txt" in hook and "fixed-term-ended" in hook, output
    for name in NOT_POSTS:
        assert Path(name).name not in hook, f"{name} was judged, not skipped:\n{output}"


@pytest.mark.slow
def test_hook_passes_a_clean_post_beside_files_that_are_not_posts(
    hook_repo: Path, env: dict[str, str], tmp: Path
) -> None:
    # The clean post is at a fictional council; its authority file is kept in the repository
    # (a YAML file pre-commit passes to the hook too, and the hook must skip).
    config = AS_OF + 'authorities = ["authorities"]\n'
    repo = _posts_repo(
        tmp / "clean",
        {
            "clean-political-assistant.yaml": CLEAN.read_bytes(),
            "authorities/borchester.yaml": (TEST_AUTHORITIES / "borchester.yaml").read_bytes(),
            "postcheck.toml": config.encode(),
        }
        | NOT_POSTS,
        env,
    )
    # The post is clean, and read, under this configuration, judged by the installed postcheck.
    direct = _run(
        [str(POSTCHECK), "check", "--no-progress", "clean-political-assistant.yaml"], repo, env
    )
    assert f"1 record checked as of {SEED_DAY.isoformat()}: 0 violations" in direct, direct
    status, output = _try_repo(hook_repo, repo, env)
    hook = _hook_output(output)
    assert status == 0, output
    assert "Passed" in hook.splitlines()[0], output  # not "Skipped": the hook ran on files


# --- docs/ci.md ----------------------------------------------------------------------------


CI_DOC = REPO / "docs" / "ci.md"


def _fences(language: str) -> list[str]:
    text = CI_DOC.read_text(encoding="utf-8")
    return [t.content for t in MarkdownIt().parse(text) if t.type == "fence" and t.info == language]


def _yaml_examples() -> list[Any]:
    return [yaml.safe_load(content) for content in _fences("yaml")]


def _commands(script: str) -> Iterator[list[str]]:
    """The `postcheck check` command lines of a shell script."""
    for line in script.replace("\\\n", " ").splitlines():
        words = shlex.split(line)
        if words[:2] == ["postcheck", "check"]:
            yield words[2:]


def _assert_cli_accepts(args: list[str]) -> None:
    """The options parse as postcheck's own command line (a renamed option or format fails)."""
    with check_command.make_context("check", list(args)) as ctx:
        assert ctx.params["paths"], args


def _reports(args: list[str]) -> list[tuple[str, str]]:
    formats = [args[i + 1] for i, a in enumerate(args) if a == "--format"]
    outputs = [args[i + 1] for i, a in enumerate(args) if a in ("-o", "--output")]
    return list(zip(formats, outputs, strict=True))


def test_ci_examples_parse_and_say_what_the_gate_needs() -> None:
    examples = _yaml_examples()
    workflows = [e for e in examples if isinstance(e, dict) and "jobs" in e]
    gitlab = [e for e in examples if isinstance(e, dict) and "postcheck" in e]
    precommit = [e for e in examples if isinstance(e, dict) and "repos" in e]
    assert len(workflows) == len(gitlab) == len(precommit) == 1, examples

    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert precommit[0]["repos"][0]["hooks"] == [{"id": manifest[0]["id"]}]

    workflow = workflows[0]
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["postcheck"]["steps"]
    installs = [s for s in steps if "pip install" in s.get("run", "")]
    assert [s["env"]["CPPFLAGS"] for s in installs] == [CPPFLAGS]
    commands = [c for s in steps for c in _commands(s.get("run", ""))]
    assert len(commands) == 1, steps
    _assert_cli_accepts(commands[0])
    assert _reports(commands[0]) == [("sarif", "postcheck.sarif"), ("github", "-")]
    upload = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    ]
    assert len(upload) == 1, steps
    assert upload[0]["if"] == "always()"
    assert upload[0]["with"]["sarif_file"] == "postcheck.sarif"

    job = gitlab[0]["postcheck"]
    assert job["variables"]["CPPFLAGS"] == CPPFLAGS
    commands = [c for line in job["script"] for c in _commands(line)]
    assert len(commands) == 1, job["script"]
    _assert_cli_accepts(commands[0])
    reports = dict(_reports(commands[0]))
    artifacts = job["artifacts"]
    assert artifacts["when"] == "always"
    assert reports["gitlab"] == artifacts["reports"]["codequality"] == "gl-code-quality-report.json"
    assert reports["junit"] == artifacts["reports"]["junit"] == "postcheck-junit.xml"


def test_ci_configuration_example_is_valid_and_every_setting_is_named() -> None:
    (example,) = _fences("toml")
    Settings.model_validate(tomllib.loads(example)["tool"]["postcheck"])  # unknown keys fail
    text = CI_DOC.read_text(encoding="utf-8")
    assert [k for k in Settings.model_fields if f"`{k}`" not in text] == []
