"""Local mode or service: the ``[auth]`` section of Streamlit's secrets, checked before serving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from toolkaart.access.service import (
    MIN_COOKIE_SECRET,
    REQUIRED,
    ServiceConfig,
    ServiceConfigError,
    service_config,
)
from toolkaart.i18n.catalog import NL, t

COMPLETE: dict[str, str] = {
    "redirect_uri": "https://navigator.example.nl/oauth2callback",
    "cookie_secret": "x" * MIN_COOKIE_SECRET,
    "client_id": "toolkaart",
    "client_secret": "geheim",
    "server_metadata_url": "https://idp.example.nl/.well-known/openid-configuration",
}


def toml(auth: dict[str, Any] | None, extra: str = "") -> str:
    lines = [extra] if extra else []
    if auth is not None:
        lines.append("[auth]")
        lines += [f'{key} = "{value}"' for key, value in auth.items()]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems(files: list[Path]) -> tuple[str, ...]:
    with pytest.raises(ServiceConfigError) as raised:
        service_config(files)
    error = raised.value
    # the message is the catalog's, with every problem on a line of its own
    assert str(error) == t(
        "service.error.incomplete", problems="\n".join(f"- {p}" for p in error.problems)
    )
    return error.problems


def test_no_secrets_file_at_all_is_local_mode(tmp_path: Path) -> None:
    assert service_config([]) is None
    assert service_config([tmp_path / "ontbreekt.toml", tmp_path / "ook-niet.toml"]) is None


def test_a_secrets_file_without_auth_is_local_mode(tmp_path: Path) -> None:
    secrets = write(tmp_path / "secrets.toml", 'api_key = "iets anders"\n[database]\nurl = "x"\n')
    assert service_config([secrets]) is None


def test_a_directory_where_a_file_is_expected_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "secrets.toml").mkdir()
    assert service_config([tmp_path / "secrets.toml"]) is None


def test_a_complete_auth_section_is_a_service(tmp_path: Path) -> None:
    secrets = write(tmp_path / "secrets.toml", toml(COMPLETE))
    assert service_config([secrets]) == ServiceConfig(
        redirect_uri=COMPLETE["redirect_uri"],
        server_metadata_url=COMPLETE["server_metadata_url"],
        client_id="toolkaart",
    )


def test_an_empty_auth_section_names_every_missing_key_at_once(tmp_path: Path) -> None:
    secrets = write(tmp_path / "secrets.toml", "[auth]\n")
    found = problems([secrets])
    assert found == tuple(t("service.problem.missing", key=key) for key in REQUIRED)
    assert set(REQUIRED) == {
        "redirect_uri",
        "cookie_secret",
        "client_id",
        "client_secret",
        "server_metadata_url",
    }


@pytest.mark.parametrize("missing", REQUIRED)
def test_each_missing_key_is_named(tmp_path: Path, missing: str) -> None:
    auth = {key: value for key, value in COMPLETE.items() if key != missing}
    secrets = write(tmp_path / "secrets.toml", toml(auth))
    assert problems([secrets]) == (t("service.problem.missing", key=missing),)


def test_a_blank_value_counts_as_missing(tmp_path: Path) -> None:
    secrets = write(tmp_path / "secrets.toml", toml({**COMPLETE, "client_secret": "  "}))
    assert problems([secrets]) == (t("service.problem.missing", key="client_secret"),)


def test_two_missing_keys_are_both_named_in_one_message(tmp_path: Path) -> None:
    auth = {k: v for k, v in COMPLETE.items() if k not in ("client_id", "cookie_secret")}
    secrets = write(tmp_path / "secrets.toml", toml(auth))
    with pytest.raises(ServiceConfigError) as raised:
        service_config([secrets])
    message = str(raised.value)
    assert t("service.problem.missing", key="cookie_secret") in message
    assert t("service.problem.missing", key="client_id") in message
    assert message.startswith(NL["service.error.incomplete"].split("{", 1)[0])


def test_a_short_cookie_secret_is_refused(tmp_path: Path) -> None:
    short = {**COMPLETE, "cookie_secret": "x" * (MIN_COOKIE_SECRET - 1)}
    secrets = write(tmp_path / "secrets.toml", toml(short))
    assert problems([secrets]) == (t("service.problem.cookie_secret", minimum=MIN_COOKIE_SECRET),)
    exactly = write(tmp_path / "exact.toml", toml(COMPLETE))  # MIN_COOKIE_SECRET characters
    assert service_config([exactly]) is not None


@pytest.mark.parametrize(
    "redirect",
    [
        "https://navigator.example.nl/callback",
        "https://navigator.example.nl/oauth2callback/",
        "http://navigator.example.nl/oauth2callback",
        "http://10.0.0.5:8501/oauth2callback",
        "ftp://127.0.0.1/oauth2callback",
    ],
    ids=["other-path", "trailing-slash", "http-remote", "http-lan", "not-http"],
)
def test_a_redirect_uri_that_is_not_a_secure_oauth2callback_is_refused(
    tmp_path: Path, redirect: str
) -> None:
    secrets = write(tmp_path / "secrets.toml", toml({**COMPLETE, "redirect_uri": redirect}))
    assert problems([secrets]) == (t("service.problem.redirect_uri", value=redirect),)


@pytest.mark.parametrize(
    "redirect",
    [
        "http://127.0.0.1:8501/oauth2callback",
        "http://localhost:8501/oauth2callback",
        "http://[::1]:8501/oauth2callback",
        "https://navigator.example.nl/toolkaart/oauth2callback",
    ],
    ids=["http-ipv4-loopback", "http-localhost", "http-ipv6-loopback", "https-subpath"],
)
def test_an_https_or_loopback_redirect_uri_is_accepted(tmp_path: Path, redirect: str) -> None:
    secrets = write(tmp_path / "secrets.toml", toml({**COMPLETE, "redirect_uri": redirect}))
    config = service_config([secrets])
    assert config is not None and config.redirect_uri == redirect


def test_an_http_metadata_url_on_another_host_is_refused(tmp_path: Path) -> None:
    url = "http://idp.example.nl/.well-known/openid-configuration"
    secrets = write(tmp_path / "secrets.toml", toml({**COMPLETE, "server_metadata_url": url}))
    assert problems([secrets]) == (t("service.problem.metadata_url", value=url),)


def test_an_http_metadata_url_on_this_machine_is_allowed(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9000/.well-known/openid-configuration"
    secrets = write(tmp_path / "secrets.toml", toml({**COMPLETE, "server_metadata_url": url}))
    config = service_config([secrets])
    assert config is not None and config.server_metadata_url == url


def test_every_problem_of_a_complete_but_unsafe_section_is_listed(tmp_path: Path) -> None:
    unsafe = {
        **COMPLETE,
        "cookie_secret": "kort",
        "redirect_uri": "http://navigator.example.nl/oauth2callback",
        "server_metadata_url": "http://idp.example.nl/.well-known/openid-configuration",
    }
    secrets = write(tmp_path / "secrets.toml", toml(unsafe))
    assert problems([secrets]) == (
        t("service.problem.cookie_secret", minimum=MIN_COOKIE_SECRET),
        t("service.problem.redirect_uri", value=unsafe["redirect_uri"]),
        t("service.problem.metadata_url", value=unsafe["server_metadata_url"]),
    )


def test_auth_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    secrets = write(tmp_path / "secrets.toml", 'auth = "aan"\n')
    assert problems([secrets]) == (t("service.problem.not_a_table"),)


def test_an_unreadable_toml_file_is_named_with_its_path(tmp_path: Path) -> None:
    broken = write(tmp_path / "kapot.toml", "[auth\nclient_id = \n")
    (found,) = problems([broken])
    assert found.startswith(
        NL["service.problem.unreadable"].split("{error}")[0].format(path=broken)
    )
    assert str(broken) in found


def test_a_file_that_is_not_utf8_is_named_with_its_path(tmp_path: Path) -> None:
    broken = tmp_path / "latin1.toml"
    broken.write_bytes('[auth]\nclient_id = "Zoë"\n'.encode("latin-1"))
    (found,) = problems([broken])
    assert str(broken) in found


def test_an_unreadable_file_is_never_local_mode_by_accident(tmp_path: Path) -> None:
    """A service meant, its file broken: refused, even when another file has no [auth]."""
    plain = write(tmp_path / "plain.toml", 'api_key = "x"\n')
    broken = write(tmp_path / "kapot.toml", "auth = [\n")
    assert len(problems([plain, broken])) == 1
    good = write(tmp_path / "good.toml", toml(COMPLETE))
    assert len(problems([good, broken])) == 1  # a good file does not hide a broken one


def test_a_later_file_wins_over_an_earlier_one(tmp_path: Path) -> None:
    incomplete = write(tmp_path / "user.toml", "[auth]\nclient_id = 'oud'\n")
    complete = write(tmp_path / "project.toml", toml({**COMPLETE, "client_id": "nieuw"}))
    config = service_config([incomplete, complete])
    assert config is not None and config.client_id == "nieuw"
    # the other way round the later, incomplete section replaces the complete one (as in Streamlit)
    found = problems([complete, incomplete])
    assert t("service.problem.missing", key="redirect_uri") in found


def test_a_later_file_without_auth_keeps_the_earlier_section(tmp_path: Path) -> None:
    complete = write(tmp_path / "user.toml", toml(COMPLETE))
    other = write(tmp_path / "project.toml", 'api_key = "x"\n')
    config = service_config([complete, other])
    assert config is not None and config.client_id == "toolkaart"
