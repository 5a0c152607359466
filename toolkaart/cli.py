"""The ``toolkaart`` command line: validate, export, schema, check-links, serve, project, users, db.

Exit codes: 0 success, 1 rejected input (content errors, a refused import, project or membership)
or a database that cannot be used (nothing was changed either way), 2 usage error (also a service
configuration that is incomplete: ``serve`` refuses to start).

The project and users commands act as ``LOCAL``: whoever can run them can open the database
itself, so the command line is the operator's tool (and the way to grant the first *beheer* role).
The db commands (upgrade, check, backup, restore, copy) work on the whole database, below any
acting person, for the same reason.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from toolkaart import events, serve
from toolkaart.access.permissions import LOCAL, Role
from toolkaart.content import schema, web_addresses
from toolkaart.content.loader import LoadResult, load_content
from toolkaart.content.models import Toolkaart
from toolkaart.errors import (
    BackupError,
    ImportRejected,
    MemberError,
    ProjectError,
    StoreError,
    StoreFault,
    TextError,
    TransferMismatch,
)
from toolkaart.i18n.catalog import t
from toolkaart.settings import SettingsError, settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


def _content_dir(value: str | None) -> Path:
    directory = Path(value) if value else settings().content_dir
    if not directory.is_dir():
        raise UsageError(f"content directory '{directory}' does not exist")
    return directory


def _print_diagnostics(result: LoadResult) -> None:
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    result = load_content(_content_dir(args.directory))
    _print_diagnostics(result)
    if result.toolkaart is None:
        print(f"FAILED: {len(result.errors)} errors, {len(result.warnings)} warnings")
        return EXIT_REJECTED
    kaart = result.toolkaart
    print(
        f"OK: {len(kaart.phases)} phases, {len(kaart.actors)} actors, {len(kaart.tools)} tools, "
        f"{len(result.warnings)} warnings"
    )
    return EXIT_OK


EXPORT_FORMATS = ("json", "md", "dot")


def write_output(data: str | bytes, output: str | None) -> None:
    """Write to ``output`` (atomically: a temporary file renamed into place) or to stdout."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise UsageError(f"directory '{target.parent}' does not exist")
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(raw)
    temporary.replace(target)


def cmd_export(args: argparse.Namespace) -> int:
    # Imported here: networkx and graphviz take most of the CLI's start-up, and validate needs
    # neither.
    from toolkaart.documents import handbook

    formats: dict[str, Callable[[Toolkaart], str]] = {
        "json": handbook.to_json,
        "md": handbook.to_markdown,
        "dot": handbook.to_dot,
    }
    result = load_content(_content_dir(args.directory))
    if result.toolkaart is None:
        _print_diagnostics(result)
        return EXIT_REJECTED
    write_output(formats[args.format](result.toolkaart), args.output)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    schemas = schema.content_schemas()
    if args.dir:
        for path in schema.write_schemas(Path(args.dir)):
            print(path)
        return EXIT_OK
    if args.file:
        name = schema.schema_filename(
            args.file if args.file.endswith(".yaml") else args.file + ".yaml"
        )
        if name not in schemas:
            raise UsageError(f"no content file '{args.file}'; choose from {', '.join(schemas)}")
        sys.stdout.write(schema.render(schemas[name]))
        return EXIT_OK
    sys.stdout.write(schema.render(schemas))
    return EXIT_OK


def _say_fault(fault: StoreFault) -> None:
    print(f"toolkaart: {fault}", file=sys.stderr)
    if fault.advice:
        print(f"toolkaart: {fault.advice}", file=sys.stderr)


def cmd_serve(args: argparse.Namespace) -> int:
    """Open the database first, so whoever starts the server reads here what to fix (a folder or
    file to make writable, a server to start); the app starts anyway and retries on every page."""
    from toolkaart.access.service import ServiceConfigError, service_config
    from toolkaart.store.project_store import Store

    try:
        service = service_config(settings().secrets_files)
    except ServiceConfigError as error:
        print(f"toolkaart: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        Store(settings().database_url, acting=LOCAL).close()
    except StoreFault as fault:
        _say_fault(fault)
    serve.serve(settings(), args.host, args.port, service is not None)
    return EXIT_OK  # not reached: serve replaces this process


def _timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= 300:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a number of seconds above 0 and at most 300"
        )
    return seconds


def cmd_check_links(args: argparse.Namespace) -> int:
    """Offline: each address present, well formed, https. Online: each answers, redirects or fails.

    Exit 1 for a malformed address, an unreadable tools file or an address that fails online. A
    missing address and a redirect are reported but are not failures: the Toolkaart itself gives
    no address for some tools, and a redirect still reaches a page (update the address at leisure).
    """
    addresses, unreadable = web_addresses.read_addresses(_content_dir(args.directory))
    findings = unreadable + web_addresses.check_offline(addresses)
    for finding in findings:
        print(finding)
    good = web_addresses.requestable(addresses)
    missing = sum(1 for a in addresses if a.url is None)
    print(
        f"Offline: {len(good)} https addresses, {len(addresses) - len(good) - missing} malformed, "
        f"{missing} tools without an address"
    )
    failed = any(finding.is_error for finding in findings)
    if args.online:
        results = web_addresses.check_online(good, timeout=args.timeout)
        for result in results:
            status = str(result.status) if result.status is not None else "-"
            arrow = "-> " if result.outcome == "redirect" else ""
            print(
                f"{result.outcome:<8} {status:>3} {result.address.tool_id}: "
                f"{result.address.url} {arrow}{result.detail} ({result.seconds:.2f} s)"
            )
        counts = {outcome: 0 for outcome in ("ok", "redirect", "failed")}
        for result in results:
            counts[result.outcome] += 1
        print(
            f"Online: {counts['ok']} answered, {counts['redirect']} redirected, "
            f"{counts['failed']} failed"
        )
        failed = failed or counts["failed"] > 0
    return EXIT_REJECTED if failed else EXIT_OK


def _valid_content() -> Toolkaart | None:
    result = load_content(settings().content_dir)
    if result.toolkaart is None:
        _print_diagnostics(result)
    return result.toolkaart


def _refused(error: Exception) -> int:
    print(str(error), file=sys.stderr)
    return EXIT_REJECTED


# The project commands import the store (SQLAlchemy, Alembic) and the report writers only when
# run, so that validate and export start as fast as before.


def cmd_project_list(args: argparse.Namespace) -> int:
    from toolkaart.store.project_store import Store

    toolkaart = _valid_content()
    if toolkaart is None:
        return EXIT_REJECTED
    store = Store(args.database, acting=LOCAL)
    print("id\tversion\tphase\tname\torganisation\tarchived")
    for project in store.list_projects(include_archived=args.all):
        phase = toolkaart.phase(project.status(toolkaart).current_phase_id).name
        row = (project.id, project.version, phase, project.name, project.organisation)
        print("\t".join(str(v) for v in row) + ("\tyes" if project.archived else "\tno"))
    return EXIT_OK


def cmd_project_create(args: argparse.Namespace) -> int:
    from toolkaart.store.project_store import Store

    toolkaart = _valid_content()  # a new project rests on the content it was made with
    if toolkaart is None:
        return EXIT_REJECTED
    try:
        project = Store(args.database, acting=LOCAL).create(
            args.name, args.organisation, args.description, args.contact, toolkaart=toolkaart
        )
    except (ProjectError, TextError) as error:
        return _refused(error)
    print(project.id)
    return EXIT_OK


def cmd_project_move(args: argparse.Namespace) -> int:
    """Give projects an organisation: a project made in local mode without one is seen by nobody
    once the navigator runs as a service with sign-in (people see their organisations' projects
    only), and the name typed locally may differ from the one roles are granted in. Each move is
    a saved version (the Zelfscan's history shows it), made as the operator."""
    from toolkaart.route.project import with_details
    from toolkaart.store import member_store
    from toolkaart.store.engine import Database
    from toolkaart.store.project_store import Store

    if bool(args.ids) == args.without_organisation:
        raise UsageError("name the projects (ids) or give --without-organisation, not both")
    try:
        organisation = member_store.normal_organisation(args.organisation)
    except MemberError as error:
        return _refused(error)
    store = Store(args.database, acting=LOCAL)
    try:  # every project read and checked before the first is saved
        if args.without_organisation:
            chosen = [p for p in store.list_projects(include_archived=True) if not p.organisation]
        else:
            chosen = [store.get(project_id) for project_id in dict.fromkeys(args.ids)]
        changed = [
            with_details(p, organisation=organisation)
            for p in chosen
            if p.organisation != organisation  # already there: no empty version
        ]
    except StoreFault:
        raise  # said by main(), with its advice
    except (StoreError, TextError) as error:
        return _refused(error)
    for moved, project in enumerate(changed):  # each its own save, its line once it is stored
        try:
            saved = store.save(project)
        except StoreError as error:  # a fault, or someone saved it meanwhile: the rest stay
            print(f"stopped after {moved} of {len(changed)} moved", file=sys.stderr)
            if isinstance(error, StoreFault):
                raise  # said by main(), with its advice
            return _refused(error)
        print(f"moved: {saved.id}\t{saved.name}\t-> {organisation} (version {saved.version})")
    if not changed:
        print(f"nothing to move: no project without an organisation, or all are in {organisation}")
        return EXIT_OK
    if organisation not in member_store.organisation_names(Database(args.database)):
        print(
            f"note: nobody has a role in '{organisation}' yet "
            f'(toolkaart users grant EMAIL --organisation "{organisation}" --role team)',
            file=sys.stderr,
        )
    return EXIT_OK


PROJECT_FORMATS = ("json", "md", "docx", "pdf", "ics")


def cmd_project_export(args: argparse.Namespace) -> int:
    from toolkaart.documents import ics_calendar, project_exchange, project_report
    from toolkaart.store.project_store import Store

    writers: dict[str, Callable[..., str | bytes]] = {
        "json": project_exchange.export_json,
        "md": project_report.to_markdown,
        "docx": project_report.to_docx,
        "pdf": project_report.to_pdf,
    }
    toolkaart = _valid_content()
    if toolkaart is None:
        return EXIT_REJECTED
    if args.format in ("docx", "pdf") and args.output in (None, "-") and sys.stdout.isatty():
        raise UsageError(f"a {args.format} report is binary: write it to a file with -o FILE")
    store = Store(args.database, acting=LOCAL)
    try:
        project = store.get(args.id)
    except StoreError as error:
        return _refused(error)
    # its dates: the next re-review and the board meetings with the project on the agenda
    writers["ics"] = lambda p, k: ics_calendar.project_calendar(store, k, p)
    if args.format in ("md", "docx", "pdf"):  # with what changed in the content since
        report = writers[args.format]
        looking_back = store.lookback(project, toolkaart)
        writers[args.format] = lambda p, k: report(p, k, looking_back=looking_back)
    write_output(writers[args.format](project, toolkaart), args.output)
    events.log_event(events.Event.PROJECT_EXPORTED, project=project.id, format=args.format)
    return EXIT_OK


def cmd_project_import(args: argparse.Namespace) -> int:
    from toolkaart.documents import project_exchange
    from toolkaart.store.project_store import Store

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"file '{path}' does not exist")
    toolkaart = _valid_content()
    if toolkaart is None:
        return EXIT_REJECTED
    try:
        project_exchange.refuse_larger_than_allowed(path.stat().st_size)
    except ImportRejected as error:
        return _refused(error)
    with path.open("rb") as handle:  # never more than the limit (+1 to notice a larger file)
        raw = handle.read(project_exchange.MAX_IMPORT_BYTES + 1)
    try:
        project = project_exchange.import_project(
            Store(args.database, acting=LOCAL), raw, toolkaart
        )
    except ImportRejected as error:
        return _refused(error)
    print(project.id)
    return EXIT_OK


def cmd_users_grant(args: argparse.Namespace) -> int:
    from toolkaart.store import member_store
    from toolkaart.store.engine import Database

    try:
        new = member_store.grant(
            Database(args.database), LOCAL, args.email, args.organisation, Role(args.role)
        )
    except (MemberError, TextError) as error:
        return _refused(error)
    state = "granted" if new else "already held"
    print(f"{state}: {args.email.strip().lower()} {args.role} in {args.organisation.strip()}")
    return EXIT_OK


def cmd_users_revoke(args: argparse.Namespace) -> int:
    from toolkaart.store import member_store
    from toolkaart.store.engine import Database

    role = Role(args.role) if args.role else None
    try:
        count = member_store.revoke(
            Database(args.database), LOCAL, args.email, args.organisation, role
        )
    except (MemberError, TextError) as error:
        return _refused(error)
    print(
        f"revoked: {count} role(s) of {args.email.strip().lower()} in {args.organisation.strip()}"
    )
    return EXIT_OK


def cmd_users_list(args: argparse.Namespace) -> int:
    from toolkaart.store import member_store
    from toolkaart.store.engine import Database

    found = member_store.members(Database(args.database), LOCAL, args.organisation)
    print("organisation\temail\tname\trole\tsigned in\tgranted at\tgranted by")
    for member in found:
        row = (
            member.organisation,
            member.email,
            member.name,
            member.role.value,
            "yes" if member.signed_in else "no",
            member.granted_at.isoformat(timespec="seconds"),
            member.granted_by,
        )
        print("\t".join(row))
    return EXIT_OK


# The db commands: the whole database at once (toolkaart.store.transfer and .backup).


def _db_url(args: argparse.Namespace) -> str:
    url: str = args.database or args.group_database or settings().database_url
    return url


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    import sqlite3

    import sqlalchemy as sa

    from toolkaart.store.engine import Database
    from toolkaart.store.transfer import revision_of

    url = _db_url(args)
    try:
        before = revision_of(url)
    except (sa.exc.SQLAlchemyError, sqlite3.Error, OSError):
        before = None  # unreachable or unreadable: opening it below says so, in Dutch
    database = Database(url)
    after = database.schema_revision()
    database.close()
    state = "already the newest" if before == after else f"{before or 'none'} -> {after}"
    print(f"{_shown(url)}: schema revision {state}")
    return EXIT_OK


def cmd_db_check(args: argparse.Namespace) -> int:
    """A readiness probe: exit 0 when the database answers and is at this version's newest
    migration, 1 otherwise; one line in Dutch and English either way, nothing changed (the same
    check as the web server's ``/ready``: ``toolkaart.store.readiness``)."""
    from toolkaart.store.readiness import State, check

    found = check(_db_url(args), timeout=5)
    head = found.expected
    if found.state is State.READY:
        print(f"{t('db.check.ready', revision=head)} / database ready: schema revision {head}")
        return EXIT_OK
    if found.state is State.UNREACHABLE:
        message = f"{t('db.check.unreachable')} / database not reachable: {found.detail}"
    elif found.state is State.EMPTY:
        message = f"{t('db.check.empty')} / database not ready: no tables yet"
    else:
        message = (
            f"{t('db.check.behind', revision=found.revision, head=head)} / database not ready: "
            f"schema revision {found.revision}, this version expects {head}"
        )
    print(message, file=sys.stderr)
    return EXIT_REJECTED


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 2**10:.1f} KiB"


def cmd_db_backup(args: argparse.Namespace) -> int:
    from toolkaart.store import backup
    from toolkaart.store.engine import sqlite_path
    from toolkaart.store.transfer import ORDER

    url, target = _db_url(args), Path(args.file)
    if target.is_dir():
        raise UsageError(f"'{target}' is a directory: name the backup file")
    if not target.parent.is_dir():
        raise UsageError(f"directory '{target.parent}' does not exist")
    if _same_database(url, backup.sqlite_url(target)):
        raise UsageError("the backup file cannot be the database itself")
    chosen = backup.BackupFormat(args.format) if args.format else None
    if chosen is backup.BackupFormat.SQLITE and sqlite_path(url) is None:
        raise UsageError("--format sqlite backs up a SQLite database only; use --format jsonl")
    began = time.perf_counter()
    try:
        made = backup.backup(url, target, chosen)
    except BackupError as error:
        return _refused(error)
    print(
        f"backup: {target} ({made.format}, schema revision {made.revision}, "
        f"{_size(made.size)}) in {time.perf_counter() - began:.2f} s"
    )
    print("table\trows")
    for name in ORDER:
        print(f"{name}\t{made.rows[name]}")
    return EXIT_OK


def _compared(action: Callable[[], object], done: str, began: float) -> int:
    """Run a restore or copy; print the table of rows per side; exit 1 when refused or when the
    two sides differ (then nothing was written)."""
    from toolkaart.store.transfer import Comparison

    try:
        comparison = action()
    except TransferMismatch as error:
        print("\n".join(error.comparison.lines()))
        return _refused(error)
    except BackupError as error:
        return _refused(error)
    assert isinstance(comparison, Comparison)
    print("\n".join(comparison.lines()))
    print(f"{done} in {time.perf_counter() - began:.2f} s; every table the same on both sides")
    return EXIT_OK


def cmd_db_restore(args: argparse.Namespace) -> int:
    from toolkaart.store import backup

    url, path = _db_url(args), Path(args.file)
    if not path.is_file():
        raise UsageError(f"file '{path}' does not exist")
    if _same_database(url, backup.sqlite_url(path)):
        raise UsageError("the backup file cannot be the database restored into")
    return _compared(
        lambda: backup.restore(path, url, replace=args.replace),
        f"restored: {path} into {_shown(url)}",
        time.perf_counter(),
    )


def _same_database(first: str, second: str) -> bool:
    from sqlalchemy.engine import make_url

    from toolkaart.store.engine import sqlite_path

    paths = sqlite_path(first), sqlite_path(second)
    if paths[0] is not None and paths[1] is not None:
        return paths[0].absolute().resolve() == paths[1].absolute().resolve()
    return make_url(first) == make_url(second)


def cmd_db_copy(args: argparse.Namespace) -> int:
    from toolkaart.settings import normalised_database_url
    from toolkaart.store import transfer

    source, target = normalised_database_url(args.source), normalised_database_url(args.target)
    if _same_database(source, target):
        raise UsageError("--from and --to name the same database")
    code = _compared(
        lambda: transfer.copy(source, target, replace=args.replace),
        f"copied: {_shown(source)} -> {_shown(target)}",
        time.perf_counter(),
    )
    if code == EXIT_OK:
        _note_projects_without_organisation(target)
    return code


def _note_projects_without_organisation(url: str) -> None:
    """A copy from local mode to a service's database: say which projects nobody would see."""
    from toolkaart.store.project_store import Store

    try:
        found = Store(url, acting=LOCAL).list_projects(include_archived=True)
    except StoreFault:  # the copy itself is done and checked: this note is only a help
        return
    unowned = sum(1 for project in found if not project.organisation)
    if unowned:
        print(
            f"note: {unowned} of {len(found)} projects have no organisation: in a service with "
            "sign-in nobody sees them until they have one (toolkaart project --database URL "
            'move --organisation "NAME" --without-organisation)',
            file=sys.stderr,
        )


def _add_db_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    url_help = (
        "database URL (default: $TOOLKAART_DATABASE_URL or toolkaart.sqlite3 in the data directory)"
    )
    db = commands.add_parser("db", help="the whole database: upgrade, check, backup, restore, copy")
    db.add_argument("--database", dest="group_database", metavar="URL", help=url_help)
    actions = db.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> Any:
        parser = actions.add_parser(name, help=help_text)
        parser.set_defaults(handler=handler)
        return parser

    upgrade = action(
        "upgrade", "run the migrations; print the revision before and after", cmd_db_upgrade
    )
    upgrade.add_argument("--database", metavar="URL", help=url_help)

    check = action(
        "check",
        "exit 0 when the database answers and is at the newest revision (a readiness probe)",
        cmd_db_check,
    )
    check.add_argument("--database", metavar="URL", help=url_help)

    backup = action("backup", "write a consistent backup file while the app runs", cmd_db_backup)
    backup.add_argument("file", help="the backup file (replaced atomically)")
    backup.add_argument("--database", metavar="URL", help=url_help)
    backup.add_argument(
        "--format",
        choices=("sqlite", "jsonl"),
        help="sqlite: SQLite's online backup (SQLite databases only; their default); "
        "jsonl: gzip'd JSON lines (PostgreSQL's default)",
    )

    restore = action("restore", "restore a backup file into an empty database", cmd_db_restore)
    restore.add_argument("file", help="a backup file (either format)")
    restore.add_argument("--database", metavar="URL", help=url_help)
    restore.add_argument(
        "--replace", action="store_true", help="clear a database that is not empty first"
    )

    copier = action(
        "copy", "copy everything from one database into another, empty one", cmd_db_copy
    )
    copier.add_argument("--from", dest="source", metavar="URL", required=True)
    copier.add_argument("--to", dest="target", metavar="URL", required=True)
    copier.add_argument(
        "--replace", action="store_true", help="clear a target that is not empty first"
    )


def _add_users_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = commands.add_parser("users", help="organisations, members and their roles")
    users.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: $TOOLKAART_DATABASE_URL or toolkaart.sqlite3 in the data directory)",
    )
    actions = users.add_subparsers(dest="action", required=True, metavar="ACTION")
    roles = [role.value for role in Role]

    granter = actions.add_parser(
        "grant", help="give a person (by e-mail) a role in an organisation"
    )
    granter.add_argument("email")
    granter.add_argument("--organisation", required=True, help="the organisation's name")
    granter.add_argument("--role", required=True, choices=roles)
    granter.set_defaults(handler=cmd_users_grant)

    revoker = actions.add_parser("revoke", help="take a person's roles in an organisation")
    revoker.add_argument("email")
    revoker.add_argument("--organisation", required=True, help="the organisation's name")
    revoker.add_argument("--role", choices=roles, help="only this role (default: every role)")
    revoker.set_defaults(handler=cmd_users_revoke)

    lister = actions.add_parser("list", help="the members (tab-separated)")
    lister.add_argument("--organisation", help="only this organisation")
    lister.set_defaults(handler=cmd_users_list)


def _add_project_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    project = commands.add_parser("project", help="list, create, export and import projects")
    project.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: $TOOLKAART_DATABASE_URL or toolkaart.sqlite3 in the data directory)",
    )
    actions = project.add_subparsers(dest="action", required=True, metavar="ACTION")

    lister = actions.add_parser("list", help="the projects (tab-separated, newest change first)")
    lister.add_argument("--all", action="store_true", help="include archived projects")
    lister.set_defaults(handler=cmd_project_list)

    creator = actions.add_parser("create", help="create a project; prints its id")
    creator.add_argument("name")
    creator.add_argument("--organisation", default="", help="organisation or team")
    creator.add_argument("--description", default="", help="a short description")
    creator.add_argument("--contact", default="", help="contact person")
    creator.set_defaults(handler=cmd_project_create)

    exporter = actions.add_parser(
        "export", help="a project as exchange JSON, as a report, or its dates as iCalendar"
    )
    exporter.add_argument("id")
    exporter.add_argument("--format", "-f", choices=PROJECT_FORMATS, default="json")
    exporter.add_argument("-o", "--output", help="output file (default: standard output)")
    exporter.set_defaults(handler=cmd_project_export)

    mover = actions.add_parser(
        "move",
        help="give projects an organisation (those made locally without one are seen by nobody "
        "in a service with sign-in)",
    )
    mover.add_argument("ids", nargs="*", metavar="ID", help="the projects to move")
    mover.add_argument("--organisation", required=True, help="the organisation's name")
    mover.add_argument(
        "--without-organisation",
        action="store_true",
        help="every project that has no organisation yet (archived ones too)",
    )
    mover.set_defaults(handler=cmd_project_move)

    importer = actions.add_parser("import", help="add a project from an exchange JSON file")
    importer.add_argument("file")
    importer.set_defaults(handler=cmd_project_import)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkaart",
        description="Toolkaart Waardevolle AI voor gezondheid: content, projects and exports.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    dir_help = (
        "content directory (default: $TOOLKAART_CONTENT or the content shipped with the package)"
    )

    validate = commands.add_parser("validate", help="check a content directory")
    validate.add_argument("directory", nargs="?", help=dir_help)
    validate.set_defaults(handler=cmd_validate)

    exporter = commands.add_parser("export", help="export the whole Toolkaart")
    exporter.add_argument("--format", "-f", choices=EXPORT_FORMATS, required=True)
    exporter.add_argument("directory", nargs="?", help=dir_help)
    exporter.add_argument("-o", "--output", help="output file (default: standard output)")
    exporter.set_defaults(handler=cmd_export)

    schemas = commands.add_parser("schema", help="JSON Schema of the content files")
    schemas.add_argument("file", nargs="?", help="one content file: meta, phases, actors or tools")
    schemas.add_argument("--dir", help="write one <file>.schema.json per content file here")
    schemas.set_defaults(handler=cmd_schema)

    server = commands.add_parser("serve", help="start the web app (local mode: loopback only)")
    server.add_argument(
        "--host",
        default=serve.DEFAULT_HOST,
        help=f"address to listen on (default {serve.DEFAULT_HOST})",
    )
    server.add_argument(
        "--port", type=int, default=serve.DEFAULT_PORT, help=f"port (default {serve.DEFAULT_PORT})"
    )
    server.set_defaults(handler=cmd_serve)

    checker = commands.add_parser("check-links", help="check the tools' web addresses")
    checker.add_argument("directory", nargs="?", help=dir_help)
    checker.add_argument(
        "--online", action="store_true", help="also request each address (needs the internet)"
    )
    checker.add_argument(
        "--timeout",
        type=_timeout,
        default=web_addresses.DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds to wait for each answer (default {web_addresses.DEFAULT_TIMEOUT:g})",
    )
    checker.set_defaults(handler=cmd_check_links)

    _add_project_commands(commands)
    _add_users_commands(commands)
    _add_db_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        events.configure(settings())  # the settings are checked here, before anything runs
    except SettingsError as error:
        print(f"toolkaart: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"toolkaart: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except StoreFault as fault:
        _say_fault(fault)
        return EXIT_REJECTED
    return code


if __name__ == "__main__":
    sys.exit(main())
