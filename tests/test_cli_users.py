"""``toolkaart users grant | revoke | list`` and ``toolkaart serve``'s refusal of a half-configured
service: output, Dutch refusals on stderr, exit codes 0 / 1 / 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toolkaart import serve
from toolkaart.access.service import MIN_COOKIE_SECRET, REQUIRED
from toolkaart.cli import main
from toolkaart.events import organisation_ref
from toolkaart.i18n.catalog import t
from toolkaart.settings import Settings, settings

A, B = "Ziekenhuis Amstel", "Beatrix Kliniek"
HEADER = "organisation\temail\tname\trole\tsigned in\tgranted at\tgranted by"
ORG_A = organisation_ref(A).digest  # type: ignore[union-attr]


def logged(err: str) -> list[str]:
    """The operations log's lines on standard error (``toolkaart.events``), without time and level;
    any other line fails the test."""
    return [line.split(" toolkaart.events: ", 1)[1] for line in err.splitlines()]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def users(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "users", "--database", url, *args)


def listed(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> list[list[str]]:
    code, out, err = users(capsys, url, "list", *args)
    assert (code, err) == (0, "")
    header, *lines = out.splitlines()
    assert header == HEADER
    return [line.split("\t") for line in lines]


def test_grant_prints_what_it_did_and_granting_again_says_it_was_held(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    code, out, err = users(
        capsys, database_url, "grant", " Anouk@Amstel.NL ", "--organisation", A, "--role", "team"
    )
    assert (code, out) == (0, f"granted: anouk@amstel.nl team in {A}\n")
    assert logged(err) == [f"member.granted member=1 organisation={ORG_A} role=team"]  # no e-mail
    code, out, err = users(
        capsys, database_url, "grant", "anouk@amstel.nl", "--organisation", A, "--role", "team"
    )
    assert (code, out, err) == (0, f"already held: anouk@amstel.nl team in {A}\n", "")


def test_list_is_tab_separated_one_line_per_role(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    assert listed(capsys, database_url) == []
    for email, organisation, role in (
        ("anouk@amstel.nl", A, "team"),
        ("anouk@amstel.nl", A, "beheer"),
        ("carla@beatrix.nl", B, "bestuur"),
    ):
        code, _, _ = users(
            capsys, database_url, "grant", email, "--organisation", organisation, "--role", role
        )
        assert code == 0
    rows = listed(capsys, database_url)
    assert [row[:5] + row[6:] for row in rows] == [
        [B, "carla@beatrix.nl", "", "bestuur", "no", ""],
        [A, "anouk@amstel.nl", "", "beheer", "no", ""],
        [A, "anouk@amstel.nl", "", "team", "no", ""],
    ]
    for row in rows:
        granted = dt.datetime.fromisoformat(row[5])
        assert granted.tzinfo is not None and granted.microsecond == 0
    assert [row[1] for row in listed(capsys, database_url, "--organisation", A)] == [
        "anouk@amstel.nl",
        "anouk@amstel.nl",
    ]
    assert listed(capsys, database_url, "--organisation", "Onbekend") == []


def test_revoke_one_role_or_every_role(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    for role in ("team", "bestuur", "beheer"):
        users(capsys, database_url, "grant", "anouk@amstel.nl", "--organisation", A, "--role", role)
    code, out, err = users(
        capsys, database_url, "revoke", "Anouk@amstel.nl", "--organisation", A, "--role", "team"
    )
    assert (code, out) == (0, f"revoked: 1 role(s) of anouk@amstel.nl in {A}\n")
    assert logged(err) == [f"member.revoked member=1 organisation={ORG_A} role=team count=1"]
    code, out, err = users(capsys, database_url, "revoke", "anouk@amstel.nl", "--organisation", A)
    assert (code, out) == (0, f"revoked: 2 role(s) of anouk@amstel.nl in {A}\n")
    assert logged(err) == [f"member.revoked member=1 organisation={ORG_A} count=2"]
    assert listed(capsys, database_url) == []


def test_revoking_a_role_not_held_exits_1_in_dutch(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    users(capsys, database_url, "grant", "anouk@amstel.nl", "--organisation", A, "--role", "team")
    code, out, err = users(capsys, database_url, "revoke", "carla@beatrix.nl", "--organisation", A)
    assert (code, out) == (1, "")
    assert err == t("member.error.not_member", email="carla@beatrix.nl", organisation=A) + "\n"
    code, out, err = users(
        capsys, database_url, "revoke", "anouk@amstel.nl", "--organisation", A, "--role", "bestuur"
    )
    assert (code, out) == (1, "")
    assert err == t("member.error.not_member", email="anouk@amstel.nl", organisation=A) + "\n"
    assert len(listed(capsys, database_url)) == 1


@pytest.mark.parametrize(
    ("email", "organisation", "key", "params"),
    [
        ("geen-adres", A, "member.error.email", {"email": "geen-adres"}),
        ("anouk@amstel.nl", "  ", "member.error.organisation_required", {}),
    ],
    ids=["bad-email", "no-organisation"],
)
def test_a_refused_grant_exits_1_with_the_dutch_reason(
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    email: str,
    organisation: str,
    key: str,
    params: dict[str, str],
) -> None:
    code, out, err = users(
        capsys, database_url, "grant", email, "--organisation", organisation, "--role", "team"
    )
    assert (code, out, err) == (1, "", t(key, **params) + "\n")
    assert listed(capsys, database_url) == []


def test_an_organisation_with_a_control_character_exits_1(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    code, out, err = users(
        capsys,
        database_url,
        "grant",
        "anouk@amstel.nl",
        "--organisation",
        "A\x07",
        "--role",
        "team",
    )
    assert (code, out) == (1, "")
    assert t("member.field.organisation") in err


@pytest.mark.parametrize(
    "args",
    [
        ["grant", "anouk@amstel.nl", "--organisation", A, "--role", "directeur"],
        ["grant", "anouk@amstel.nl", "--organisation", A],  # no role
        ["grant", "anouk@amstel.nl", "--role", "team"],  # no organisation
        ["revoke", "anouk@amstel.nl", "--organisation", A, "--role", "Team"],
        ["list", "--role", "team"],
    ],
    ids=["unknown-role", "no-role", "no-organisation", "role-case", "list-role"],
)
def test_a_bad_role_or_missing_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], database_url: str, args: list[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["users", "--database", database_url, *args])
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "usage:" in captured.err


# serve


def secrets_file(tmp_path: Path, auth: dict[str, str]) -> Path:
    path = tmp_path / "secrets.toml"
    lines = ["[auth]", *(f'{key} = "{value}"' for key, value in auth.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Settings, str, int, bool]]:
    """``serve.serve`` replaced: called with these arguments instead of starting Streamlit."""
    calls: list[tuple[Settings, str, int, bool]] = []

    def record(settings: Settings, host: str, port: int, service: bool = False) -> None:
        calls.append((settings, host, port, service))

    monkeypatch.setattr(serve, "serve", record)
    return calls


def test_serve_refuses_an_incomplete_auth_section_naming_every_missing_key(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_server: list[tuple[Settings, str, int, bool]],
) -> None:
    secrets = secrets_file(tmp_path, {"client_id": "toolkaart"})
    monkeypatch.setenv("TOOLKAART_SECRETS", str(secrets))
    settings.cache_clear()
    database = Path(settings().database_url.removeprefix("sqlite:///"))
    code, out, err = run(capsys, "serve")
    assert (code, out) == (2, "")
    assert err.startswith("toolkaart: " + t("service.error.incomplete", problems="").rstrip())
    for key in REQUIRED:
        named = t("service.problem.missing", key=key) in err
        assert named is (key != "client_id"), key
    assert no_server == []  # no server started
    assert not database.exists()  # not even the database opened


def test_serve_refuses_an_unsafe_auth_section(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_server: list[tuple[Settings, str, int, bool]],
) -> None:
    secrets = secrets_file(
        tmp_path,
        {
            "redirect_uri": "http://navigator.example.nl/oauth2callback",
            "cookie_secret": "kort",
            "client_id": "toolkaart",
            "client_secret": "geheim",
            "server_metadata_url": "https://idp.example.nl/.well-known/openid-configuration",
        },
    )
    monkeypatch.setenv("TOOLKAART_SECRETS", str(secrets))
    settings.cache_clear()
    code, _, err = run(capsys, "serve")
    assert code == 2
    assert t("service.problem.cookie_secret", minimum=MIN_COOKIE_SECRET) in err
    assert (
        t("service.problem.redirect_uri", value="http://navigator.example.nl/oauth2callback") in err
    )
    assert no_server == []


def test_serve_starts_a_service_with_complete_sign_in(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_server: list[tuple[Settings, str, int, bool]],
) -> None:
    secrets = secrets_file(
        tmp_path,
        {
            "redirect_uri": "http://127.0.0.1:8601/oauth2callback",
            "cookie_secret": "c" * MIN_COOKIE_SECRET,
            "client_id": "toolkaart",
            "client_secret": "geheim",
            "server_metadata_url": "http://127.0.0.1:9000/.well-known/openid-configuration",
        },
    )
    monkeypatch.setenv("TOOLKAART_SECRETS", str(secrets))
    settings.cache_clear()
    code, _, err = run(capsys, "serve", "--port", "8601")
    assert (code, err) == (0, "")
    ((used, host, port, service),) = no_server
    assert (host, port, service) == ("127.0.0.1", 8601, True)
    assert used.secrets_files == (secrets,)  # Streamlit is told to read the file checked


def test_serve_without_auth_is_local_mode(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_server: list[tuple[Settings, str, int, bool]],
) -> None:
    monkeypatch.setenv("TOOLKAART_SECRETS", str(tmp_path / "none.toml"))
    settings.cache_clear()
    code, _, err = run(capsys, "serve")
    assert (code, err) == (0, "")
    ((_, host, _, service),) = no_server
    assert (host, service) == ("127.0.0.1", False)
