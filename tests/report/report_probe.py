#!/usr/bin/python3
"""What the report tests look at, read back with the tools a reader would use.

  report_probe.py xlsx FILE     the workbook as openpyxl reads it, as JSON: per sheet its cells
                                (values as openpyxl types them), number formats of row 2+, bold cells
                                and the frozen pane
  report_probe.py csv FILE      reads it with Python's csv module; JSON: whether it starts with a UTF-8
                                byte-order mark, the records
  report_probe.py html FILE     parses with html.parser; JSON: well-formed (every opened element
                                closed in order), the text, the number of chart bars
  report_probe.py tty PROGRAM ARG...
                                runs PROGRAM with its standard output on a pseudo-terminal; JSON:
                                exit status, stderr, what reached the terminal
"""
import json
import os
import pty
import subprocess
import sys
from html.parser import HTMLParser


def xlsx(path):
    import openpyxl
    book = openpyxl.load_workbook(path)
    out = {"sheets": book.sheetnames, "cells": {}, "formats": {}, "bold": {}, "frozen": {}}
    for sheet in book.worksheets:
        out["cells"][sheet.title] = [[cell.value for cell in row] for row in sheet.iter_rows()]
        out["formats"][sheet.title] = sorted({cell.number_format for row in sheet.iter_rows() for cell in row
                                              if isinstance(cell.value, float)})
        out["bold"][sheet.title] = [cell.coordinate for row in sheet.iter_rows() for cell in row
                                    if cell.value is not None and cell.font is not None and cell.font.b]
        out["frozen"][sheet.title] = sheet.freeze_panes
    return out


def csv_records(path):
    import csv
    import io
    with open(path, "rb") as f:
        raw = f.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    return {"bom": bom, "records": list(csv.reader(io.StringIO(text, newline=""), strict=True))}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text, self.bars = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "rect":  # a chart's bars carry a tooltip; the legend's squares are empty elements
            self.bars += 1

    def handle_startendtag(self, tag, attrs):
        pass  # <meta/>, <rect/>: complete as they stand

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def html(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    checker = Checker()
    checker.feed(source)
    checker.close()
    problems = checker.problems + ["<%s> never closed" % tag for tag in checker.stack]
    return {"well_formed": not problems, "problems": problems, "text": "".join(checker.text),
            "bars": checker.bars, "doctype": source.startswith("<!DOCTYPE html>")}


def tty(command):
    controller, terminal = pty.openpty()
    child = subprocess.Popen(command, stdout=terminal, stderr=subprocess.PIPE)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        shown += chunk
    err = child.stderr.read().decode("utf-8", "replace")
    return {"exit": child.wait(), "stderr": err, "shown": len(shown)}


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    result = {"xlsx": lambda: xlsx(rest[0]), "csv": lambda: csv_records(rest[0]), "html": lambda: html(rest[0]), "tty": lambda: tty(rest)}[mode]()
    json.dump(result, sys.stdout, default=str)
