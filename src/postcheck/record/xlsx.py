"""XLSX exports read directly, one record per row, so nobody has to save a sheet as CSV first.

openpyxl is imported only when a workbook is read (it is slow to import), and the workbook is
opened read-only, which streams rows from the file instead of building the whole sheet.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from postcheck.record.columns import TableOptions, cell_text
from postcheck.record.outcome import InputError, Outcome
from postcheck.record.structured import read_table


def read_xlsx(path: Path, options: TableOptions | None = None) -> Iterator[Outcome]:
    """Records from the first sheet (or options.sheet); the row number is the record's line."""
    from openpyxl import load_workbook

    name = str(path)
    options = options or TableOptions()
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        yield InputError(name, f"not a readable XLSX workbook: {error}")
        return
    try:
        if options.sheet is None:
            sheet = workbook.worksheets[0]
        elif options.sheet in workbook.sheetnames:
            sheet = workbook[options.sheet]
        else:
            known = ", ".join(repr(n) for n in workbook.sheetnames)
            yield InputError(name, f"no sheet {options.sheet!r}; the sheets are {known}")
            return
        # Some tools write a wrong (or no) sheet size; read every row there is instead.
        sheet.reset_dimensions()
        rows = (
            (number, [cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        for line, header in rows:  # the header is the first row with anything in it
            if any(cell.strip() for cell in header):
                yield from read_table(header, rows, name, options, ragged=True, header_line=line)
                return
    finally:
        workbook.close()
