"""The ``toolkaart`` command line: validate, export and schema (more commands register here).

Exit codes: 0 success, 1 rejected input (content errors), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from toolkaart import schema
from toolkaart.loader import LoadResult, default_content_dir, load_content
from toolkaart.models import Toolkaart

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


def _content_dir(value: str | None) -> Path:
    directory = Path(value) if value else default_content_dir()
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


def write_output(text: str, output: str | None) -> None:
    """Write to ``output`` (atomically: a temporary file renamed into place) or to stdout."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise UsageError(f"directory '{target.parent}' does not exist")
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)


def cmd_export(args: argparse.Namespace) -> int:
    # Imported here: networkx and graphviz take most of the CLI's start-up, and validate needs
    # neither.
    from toolkaart import export

    formats: dict[str, Callable[[Toolkaart], str]] = {
        "json": export.to_json,
        "md": export.to_markdown,
        "dot": export.to_dot,
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


def cmd_bench(args: argparse.Namespace) -> int:
    from toolkaart import bench

    plan = bench.Plan.quick() if args.quick else bench.Plan.full()
    if args.json and not Path(args.json).resolve().parent.is_dir():
        raise UsageError(f"directory '{Path(args.json).parent}' does not exist")

    def progress(step: str) -> None:
        print(f"... {step}", file=sys.stderr, flush=True)

    figures = bench.run_bench(plan, _content_dir(args.directory), progress)
    print(bench.summary(figures))
    if args.json:
        bench.write_json(figures, Path(args.json))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkaart",
        description="Toolkaart Waardevolle AI voor gezondheid: content, projects and exports.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    dir_help = "content directory (default: $TOOLKAART_CONTENT or the repository's content/)"

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

    bencher = commands.add_parser("bench", help="measure content, pages, server and store")
    bencher.add_argument("directory", nargs="?", help=dir_help)
    bencher.add_argument("--quick", action="store_true", help="small runs, for the test suite")
    bencher.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    bencher.set_defaults(handler=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"toolkaart: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
