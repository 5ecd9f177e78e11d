"""Folder walks: a documents folder is gated as it is. Posts are read; an image, a README, a
workflow file or a JSON file that is no post is passed over and listed; a broken post is never
passed over; --include and --exclude choose the files; files named on the command line are
read (or, with --skip-non-posts, judged like files met in a folder).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from postcheck.cli import main
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import NotRegularFileError, Walk, iter_outcomes, open_regular

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT.parent / "shared" / "seeds"
MAYOR_TXT = "newham-mayors-assistant.txt"
GROUP_TXT = "newham-independents-group-political-assistant.txt"
SEED_YAML = ROOT / "fixtures" / "seeds" / "newham-independents-group-political-assistant.yaml"
AS_OF = ["--as-of", "2026-11-23"]

README_HEADED = """\
# Recruitment paperwork

This folder holds the job descriptions we publish. Run the checker before publishing, and
ask the HR team if a finding is unclear.

## Layout

Drafts go in `drafts/`; published posts stay at the top.
"""
README_PROSE = """\
This folder holds the job descriptions we publish. Run the checker before publishing.

Ask the HR team if a finding is unclear, or open an issue on the tracker.
"""
WORKFLOW = """\
name: Check posts
on:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: postcheck check posts/
"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
PACKAGE_JSON = '{\n  "name": "careers-site",\n  "version": "1.0.0",\n  "private": true\n}\n'

WHY_FORMAT = "not a format postcheck reads"
WHY_YAML = "yaml that is not a post record"
WHY_JSON = "json that is not a post record"
WHY_DOCUMENT = "a document that names no post"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def report(*args: str) -> tuple[int, dict[str, object]]:
    result = invoke("check", "--format", "json", *AS_OF, *args)
    return result.exit_code, json.loads(result.stdout)


def summary(data: dict[str, object]) -> dict[str, object]:
    found = data["summary"]
    assert isinstance(found, dict)
    return found


def sources(data: dict[str, object]) -> set[str]:
    violations = data["violations"]
    assert isinstance(violations, list)
    return {Path(v["source"]).name for v in violations}


def add_posts(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DOCUMENTS / name, folder / name)


def add_others(folder: Path, readme: str | None = README_HEADED) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if readme is not None:
        (folder / "README.md").write_text(readme, encoding="utf-8")
    (folder / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (folder / "logo.png").write_bytes(PNG)
    (folder / "notes.json").write_text(PACKAGE_JSON, encoding="utf-8")


def skipped_text(output: str) -> str:
    (line,) = [line for line in output.splitlines() if "not a post, skipped:" in line]
    return line


# --- a mixed folder ------------------------------------------------------------------------------


def test_folder_of_posts_and_other_files_reads_the_posts_and_lists_the_rest(tmp_path: Path) -> None:
    add_posts(tmp_path, MAYOR_TXT, GROUP_TXT)
    add_others(tmp_path)
    code, data = report(str(tmp_path))
    assert code == 1  # the posts' errors, not an input error
    assert summary(data)["records"] == 2
    assert summary(data)["input_errors"] == 0
    assert sources(data) == {MAYOR_TXT, GROUP_TXT}
    assert summary(data)["skipped_files"] == [
        f"{tmp_path / 'README.md'} ({WHY_DOCUMENT})",
        f"{tmp_path / 'ci.yml'} ({WHY_YAML})",
        f"{tmp_path / 'logo.png'} ({WHY_FORMAT})",
        f"{tmp_path / 'notes.json'} ({WHY_JSON})",
    ]
    text = invoke("check", str(tmp_path), "--no-color", *AS_OF)
    assert text.exit_code == 1
    line = skipped_text(text.output)
    assert line.startswith("4 files are not a post, skipped: ")
    for name in ("README.md", "ci.yml", "logo.png", "notes.json"):
        assert name in line


def test_workflow_image_and_json_are_skipped_and_listed(tmp_path: Path) -> None:
    add_posts(tmp_path, MAYOR_TXT, GROUP_TXT)
    add_others(tmp_path, readme=None)
    code, data = report(str(tmp_path))
    assert code == 1
    assert summary(data)["records"] == 2
    assert summary(data)["input_errors"] == 0
    assert summary(data)["skipped_files"] == [
        f"{tmp_path / 'ci.yml'} ({WHY_YAML})",
        f"{tmp_path / 'logo.png'} ({WHY_FORMAT})",
        f"{tmp_path / 'notes.json'} ({WHY_JSON})",
    ]
    text = invoke("check", str(tmp_path), "--no-color", *AS_OF)
    assert skipped_text(text.output) == (
        "3 files are not a post, skipped: "
        f"{tmp_path / 'ci.yml'} ({WHY_YAML}), {tmp_path / 'logo.png'} ({WHY_FORMAT}), "
        f"{tmp_path / 'notes.json'} ({WHY_JSON})"
    )


def test_only_other_files_is_clean_not_an_error(tmp_path: Path) -> None:
    add_others(tmp_path, readme=None)
    code, data = report(str(tmp_path))
    assert code == 0
    assert summary(data)["records"] == 0
    assert len(summary(data)["skipped_files"]) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize("readme", [README_HEADED, README_PROSE], ids=["headed", "prose"])
def test_readme_is_passed_over(tmp_path: Path, readme: str) -> None:
    add_posts(tmp_path, MAYOR_TXT)
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    walk = Walk()
    outcomes = list(iter_outcomes([str(tmp_path)], walk=walk))
    assert [type(o) for o in outcomes] == [PostRecord]
    assert walk.skipped == [(str(tmp_path / "README.md"), WHY_DOCUMENT)]


def test_hidden_folders_and_thumbnails_are_not_read_or_listed(tmp_path: Path) -> None:
    add_posts(tmp_path, MAYOR_TXT)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    walk = Walk()
    outcomes = list(iter_outcomes([str(tmp_path)], walk=walk))
    assert [type(o) for o in outcomes] == [PostRecord]
    assert walk.skipped == []


# --- files named on the command line -------------------------------------------------------------


def test_named_image_is_an_input_error(tmp_path: Path) -> None:
    add_others(tmp_path, readme=None)
    result = invoke("check", str(tmp_path / "logo.png"), "--no-color", *AS_OF)
    assert result.exit_code == 2
    assert f"input error {tmp_path / 'logo.png'}: {WHY_FORMAT}" in result.output


def test_named_workflow_is_an_input_error(tmp_path: Path) -> None:
    add_others(tmp_path, readme=None)
    code, data = report(str(tmp_path / "ci.yml"))
    assert code == 2
    assert summary(data)["skipped_files"] == []


def test_skip_non_posts_skips_a_named_image_and_reads_the_named_post(tmp_path: Path) -> None:
    add_posts(tmp_path, MAYOR_TXT)
    add_others(tmp_path, readme=None)
    named = [str(tmp_path / "logo.png"), str(tmp_path / "ci.yml"), str(tmp_path / MAYOR_TXT)]
    code, data = report(*named, "--skip-non-posts")
    assert code == 1
    assert summary(data)["records"] == 1
    assert summary(data)["input_errors"] == 0
    assert sources(data) == {MAYOR_TXT}
    assert summary(data)["skipped_files"] == [
        f"{tmp_path / 'logo.png'} ({WHY_FORMAT})",
        f"{tmp_path / 'ci.yml'} ({WHY_YAML})",
    ]
    alone = invoke("check", str(tmp_path / "logo.png"), "--skip-non-posts", *AS_OF)
    assert alone.exit_code == 0


def test_named_file_is_read_whatever_the_globs(tmp_path: Path) -> None:
    add_posts(tmp_path, MAYOR_TXT)
    code, data = report(str(tmp_path / MAYOR_TXT), "--exclude", "*.txt")
    assert code == 1
    assert summary(data)["records"] == 1


# --- include and exclude -------------------------------------------------------------------------


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """The mayor's assistant at the top, the group's assistant in drafts/, other files."""
    add_posts(tmp_path, MAYOR_TXT)
    add_posts(tmp_path / "drafts", GROUP_TXT)
    add_others(tmp_path, readme=None)
    return tmp_path


def test_include_reads_only_matching_files(drafts: Path) -> None:
    code, data = report(str(drafts), "--include", "*.txt")
    assert code == 1
    assert summary(data)["records"] == 2
    assert sources(data) == {MAYOR_TXT, GROUP_TXT}
    assert summary(data)["skipped_files"] == []  # not chosen is not "skipped"


def test_include_by_relative_path(drafts: Path) -> None:
    _, data = report(str(drafts), "--include", "drafts/*")
    assert summary(data)["records"] == 1
    assert sources(data) == {GROUP_TXT}


@pytest.mark.parametrize(
    ("glob", "left", "status"),
    [
        ("drafts/*", MAYOR_TXT, 1),  # by path below the folder given
        (GROUP_TXT, MAYOR_TXT, 1),  # by name, in a subfolder
        ("newham-mayors-*", GROUP_TXT, 0),  # the group's assistant has only warnings
    ],
)
def test_exclude_drops_matching_files(drafts: Path, glob: str, left: str, status: int) -> None:
    code, data = report(str(drafts), "--include", "*.txt", "--exclude", glob)
    assert code == status
    assert summary(data)["records"] == 1
    assert sources(data) == {left}


def test_exclude_wins_over_include(drafts: Path) -> None:
    code, data = report(str(drafts), "--include", "*.txt", "--exclude", "*.txt")
    assert code == 0
    assert summary(data)["records"] == 0


def test_globs_from_the_configuration_file(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (drafts / "postcheck.toml").write_text(
        'include = ["*.txt"]\nexclude = ["drafts/*"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(drafts)
    _, data = report(".")
    assert summary(data)["records"] == 1
    assert sources(data) == {MAYOR_TXT}


@pytest.mark.parametrize(
    ("walk", "relative", "wanted"),
    [
        (Walk(), "anything/at/all.bin", True),
        (Walk(include=["*.txt"]), "post.txt", True),
        (Walk(include=["*.txt"]), "deep/down/post.txt", True),
        (Walk(include=["*.txt"]), "post.pdf", False),
        (Walk(include=["*.txt", "*.pdf"]), "post.pdf", True),
        (Walk(exclude=["drafts/*"]), "drafts/post.txt", False),
        (Walk(exclude=["drafts/*"]), "final/drafts/post.txt", True),
        (Walk(exclude=["*/drafts/*"]), "final/drafts/post.txt", False),
        (Walk(exclude=["post.txt"]), "deep/post.txt", False),
        (Walk(include=["deep/*"], exclude=["*.pdf"]), "deep/post.pdf", False),
        (Walk(include=["deep/*"], exclude=["*.pdf"]), "deep/post.txt", True),
        (Walk(include=["deep/*"]), "shallow/post.txt", False),
    ],
)
def test_walk_wants(walk: Walk, relative: str, wanted: bool) -> None:
    assert walk.wants(Path(relative)) is wanted


def test_double_star_folder_glob_matches_at_the_top_too() -> None:
    """Walk's own example, `**/drafts/*`, reads as drafts at any depth, as in .gitignore and
    pre-commit's exclude patterns; top-level drafts/ is one of those depths."""
    walk = Walk(exclude=["**/drafts/*"])
    assert walk.wants(Path("final/drafts/post.txt")) is False
    assert walk.wants(Path("drafts/post.txt")) is False


# --- a broken post is never passed over ----------------------------------------------------------


def typo_first_key() -> str:
    return "titel: Policy Officer\ngrade: PO3\ndate_last_updated: '2026-06-01'\n"


def typo_in_seed() -> str:
    text = SEED_YAML.read_text(encoding="utf-8")
    assert "\ntitle: " in text
    return text.replace("\ntitle: ", "\ntitel: ", 1)


def typo_late() -> str:
    return (
        "title: Policy Officer\ngrade: PO3\nauthority: London Borough of Newham\n"
        "post_number: '1234'\ndirectorate: Resources\nreprts_to: Head of Policy\n"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("post.yaml", typo_first_key()),
        ("post.yaml", typo_in_seed()),
        ("post.yml", typo_late()),
        ("post.json", '{"titel": "Policy Officer", "grade": "PO3"}\n'),
        ("posts.json", '[{"title": "Policy Officer", "grdae": "PO3"}]\n'),
    ],
    ids=["yaml-first-key", "yaml-seed", "yaml-late-key", "json", "json-list"],
)
def test_post_record_with_a_misspelt_key_in_a_folder_is_an_input_error(
    tmp_path: Path, name: str, text: str
) -> None:
    add_posts(tmp_path, MAYOR_TXT)
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, data = report(str(tmp_path))
    assert code == 2
    errors = data["input_errors"]
    assert isinstance(errors, list)
    assert [Path(e["file"]).name for e in errors] == [name]
    assert "Extra inputs are not permitted" in errors[0]["reason"]
    assert summary(data)["skipped_files"] == []
    named = invoke("check", str(tmp_path / name), "--skip-non-posts", *AS_OF)
    assert named.exit_code == 2, "--skip-non-posts passed a broken post over"


def test_yaml_post_with_document_marker_is_read(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text("---\ntitel: Policy Officer\n", encoding="utf-8")
    walk = Walk()
    outcomes = list(iter_outcomes([str(tmp_path)], walk=walk))
    assert walk.skipped == []
    (error,) = outcomes
    assert isinstance(error, InputError)
    assert error.field == "titel"


def test_an_authority_file_beside_the_posts_is_passed_over(tmp_path: Path) -> None:
    """An authority file shares one key with a post record (office_attendance), but it is not
    a post: a repository that keeps its council's file beside the job descriptions is gated."""
    shutil.copy(ROOT / "tests" / "authorities" / "borchester.yaml", tmp_path / "borchester.yaml")
    shutil.copy(SEED_YAML, tmp_path / SEED_YAML.name)
    walk = Walk()
    found = list(iter_outcomes([str(tmp_path)], walk=walk))
    assert [type(o).__name__ for o in found] == ["PostRecord"]
    assert walk.skipped == [(str(tmp_path / "borchester.yaml"), "yaml that is not a post record")]


# --- special files (issue 12): refused by type, never opened -------------------------------------


def test_fifos_and_devices_are_refused_by_type_named_or_met_in_a_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it would block for ever
    (tmp_path / "zero.json").symlink_to("/dev/zero")  # a size of 0 and no end
    (tmp_path / "nowhere.yaml").symlink_to(tmp_path / "missing")  # nothing to read: passed over
    (tmp_path / "post.yaml").write_text("title: Policy Officer\n", encoding="utf-8")
    walked = list(iter_outcomes([str(tmp_path)]))
    named = list(iter_outcomes([str(tmp_path / "pipe.yaml"), "/dev/zero", "/dev/urandom"]))
    errors = [o for o in walked + named if isinstance(o, InputError)]
    assert [(Path(e.file).name, e.reason.split(";")[0]) for e in errors] == [
        ("pipe.yaml", "not a regular file (a named pipe (FIFO))"),
        ("zero.json", "not a regular file (a character device)"),
        ("pipe.yaml", "not a regular file (a named pipe (FIFO))"),
        ("zero", "not a regular file (a character device)"),
        ("urandom", "not a regular file (a character device)"),
    ]
    assert [o.title for o in walked if isinstance(o, PostRecord)] == ["Policy Officer"]


def test_open_regular_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotRegularFileError, match="named pipe"):
        open_regular(tmp_path / "pipe")
