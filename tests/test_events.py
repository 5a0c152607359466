"""The operations log: one line per event, ids and fixed values only, as text or as JSON lines."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import run
from toolkaart import events
from toolkaart.access.permissions import Role
from toolkaart.errors import StoreFault
from toolkaart.events import Event, log_event, organisation_ref
from toolkaart.route.gates import Answer
from toolkaart.settings import SettingsError, read_settings, settings
from toolkaart.store.faults import reported

PRACTICE = "Huisartsenpraktijk Jansen"  # an organisation's name that names a person


@pytest.fixture
def configured() -> Iterator[None]:
    """Each test configures the ``toolkaart`` logger as it likes; ours is gone afterwards."""
    yield
    logger = logging.getLogger(events.LOGGER_NAME)
    for handler in [h for h in logger.handlers if isinstance(h, events._Handler)]:
        logger.removeHandler(handler)
    logger.setLevel(logging.NOTSET)


def lines_of(err: str) -> list[dict[str, Any]]:
    """Every line of standard error, each parsed as JSON (a line that is not fails the test)."""
    return [json.loads(line) for line in err.splitlines() if line.strip()]


def test_a_json_line_parses_and_holds_the_event_its_ids_the_time_host_and_process(
    configured: None, capsys: pytest.CaptureFixture[str]
) -> None:
    events.configure(read_settings({"TOOLKAART_LOG_FORMAT": "json"}))
    before = dt.datetime.now(dt.UTC)
    log_event(
        Event.GATE_DECIDED,
        project="3f2a9c0e1b7d4a55",
        version=4,
        organisation=organisation_ref(PRACTICE),
        person=17,
        phase="pilot-a",
        answer=Answer.NOG_NIET,
    )
    (line,) = lines_of(capsys.readouterr().err)
    assert set(line) == {"ts", "level", "event", "fields", "host", "pid"}
    assert line["event"] == "gate.decided"
    assert line["level"] == "INFO"
    assert line["fields"] == {
        "project": "3f2a9c0e1b7d4a55",
        "version": 4,
        "organisation": organisation_ref(PRACTICE).digest,  # type: ignore[union-attr]
        "person": 17,
        "phase": "pilot-a",
        "answer": "nog niet",
    }
    assert line["ts"].endswith("Z")
    stamp = dt.datetime.fromisoformat(line["ts"])
    assert stamp.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=1) <= stamp <= dt.datetime.now(dt.UTC)
    assert isinstance(line["pid"], int) and line["host"]
    assert "Jansen" not in json.dumps(line)


def test_the_text_form_is_one_readable_line(
    configured: None, capsys: pytest.CaptureFixture[str]
) -> None:
    events.configure(read_settings({}))
    log_event(Event.PROJECT_SAVED, project="3f2a9c0e1b7d4a55", version=2)
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith(
        "INFO    toolkaart.events: project.saved project=3f2a9c0e1b7d4a55 version=2"
    )


def test_a_fault_carries_its_traceback_on_the_same_json_line(
    configured: None, capsys: pytest.CaptureFixture[str]
) -> None:
    events.configure(read_settings({"TOOLKAART_LOG_FORMAT": "json"}))
    try:
        raise OSError(28, "No space left on device")
    except OSError as error:
        reported(StoreFault("disk_full"), error)
    (line,) = lines_of(capsys.readouterr().err)
    assert (line["event"], line["level"], line["fields"]) == (
        "store.fault",
        "ERROR",
        {"fault": "disk_full"},
    )
    assert "OSError: [Errno 28] No space left on device" in line["exception"]


def test_the_level_setting_holds_back_what_is_below_it(
    configured: None, capsys: pytest.CaptureFixture[str]
) -> None:
    events.configure(read_settings({"TOOLKAART_LOG_LEVEL": "warning"}))
    log_event(Event.PROJECT_SAVED, project="abc", version=2)
    log_event(Event.CONTENT_INVALID, level=logging.WARNING, errors=3)
    (line,) = capsys.readouterr().err.splitlines()
    assert "content.invalid errors=3" in line


def test_configuring_again_replaces_the_handler_and_leaves_streamlit_alone(
    configured: None, capsys: pytest.CaptureFixture[str]
) -> None:
    streamlit_logger = logging.getLogger("streamlit")
    streamlit_handlers = list(streamlit_logger.handlers)
    for _ in range(3):
        events.configure(read_settings({"TOOLKAART_LOG_FORMAT": "json"}))
    events.configure(read_settings({}))
    log_event(Event.SERVER_STARTED)
    assert len(capsys.readouterr().err.splitlines()) == 1  # one handler: one line
    assert streamlit_logger.handlers == streamlit_handlers
    assert logging.getLogger().handlers == [
        h for h in logging.getLogger().handlers if not isinstance(h, events._Handler)
    ]


class Colour(Enum):
    RED = ("r", 1)  # an enum whose values are not plain strings or numbers


@pytest.mark.parametrize(
    ("field", "value", "refusal"),
    [
        ("project", "Sepsis-signalering op de IC", ValueError),  # a name
        ("project", "ria@ziekenhuis.nl", ValueError),  # an e-mail address
        ("project", "Sepsis", ValueError),  # a capital: not an id the store makes
        ("project", "a" * 33, ValueError),
        ("phase", "geen bezwaar, want wenselijk", ValueError),  # a rationale
        ("format", "pdf\nFAKE project.saved", ValueError),  # a forged second line
        ("reason", "x" * 81, ValueError),
        ("organisation", PRACTICE, TypeError),  # a name, not organisation_ref(name)
        ("person", "17", TypeError),
        ("person", True, TypeError),
        ("count", 2.0, TypeError),
        ("writing", 1, TypeError),
        ("answer", "ja", TypeError),  # a string, not the enum
        ("role", Colour.RED, TypeError),
        ("error", ValueError("Anouk's rationale"), TypeError),  # an exception, not its class
        ("name", "Anouk", TypeError),  # no such field
        ("email", "anouk@amstel.nl", TypeError),
        ("rationale", "wenselijk", TypeError),
    ],
)
def test_no_free_text_reaches_a_field(
    field: str, value: Any, refusal: type[Exception], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG), pytest.raises(refusal):
        log_event(Event.PROJECT_SAVED, version=2, **{field: value})
    assert caplog.records == []  # refused before anything was written


def test_each_field_takes_its_own_kind() -> None:
    ref = organisation_ref(PRACTICE)
    assert ref is not None and len(ref.digest) == 12 and ref == organisation_ref(PRACTICE)
    assert organisation_ref("") is None
    assert events.field_value("answer", Answer.NOG_NIET) == "nog niet"
    assert events.field_value("role", Role.BEHEER) == "beheer"
    assert events.field_value("error", KeyError) == "KeyError"
    assert events.field_value("fault", "disk_full") == "disk_full"
    assert events.field_value("draft", "0c6f7a8e9b2d4c1fa3e5b7d9f1a3c5e7") == (
        "0c6f7a8e9b2d4c1fa3e5b7d9f1a3c5e7"
    )


def test_the_log_settings_take_known_values_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_settings({}).log_format == "text"
    assert read_settings({}).log_level == "INFO"
    found = read_settings({"TOOLKAART_LOG_FORMAT": " JSON ", "TOOLKAART_LOG_LEVEL": "debug"})
    assert (found.log_format, found.log_level) == ("json", "DEBUG")
    with pytest.raises(SettingsError, match="TOOLKAART_LOG_FORMAT='xml'"):
        read_settings({"TOOLKAART_LOG_FORMAT": "xml"})
    with pytest.raises(SettingsError, match="TOOLKAART_LOG_LEVEL"):
        read_settings({"TOOLKAART_LOG_LEVEL": "loud"})


def test_the_command_line_refuses_a_bad_log_setting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOOLKAART_LOG_FORMAT", "xml")
    settings.cache_clear()
    code, out, err = run(capsys, "validate")
    assert code == 2 and out == ""
    assert "TOOLKAART_LOG_FORMAT='xml' is not one of: text, json" in err


def test_the_command_line_logs_a_created_and_an_exported_project_by_id(
    configured: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "project", "create", "Valrisico dr. Jansen", "--contact", PRACTICE)
    project_id = out.strip()
    assert code == 0
    code, _out, err_export = run(capsys, "project", "export", project_id, "-f", "md", "-o",
                                 str(tmp_path / "report.md"))  # fmt: skip
    assert code == 0
    lines = [line.split(" toolkaart.events: ", 1)[1] for line in (err + err_export).splitlines()]
    assert lines == [
        f"project.created project={project_id} version=1",
        f"project.exported project={project_id} format=md",
    ]
    assert "Jansen" not in err + err_export
