#!/usr/bin/python3
# Fills a workbook from `kessan sheet export` the way an IR team's
# spreadsheet would, in headless LibreOffice (python3-uno): the quarter's
# column takes the prior quarter's figures, moved as examples/make-archive.sh
# moves them so that every identity still holds across quarters (no net
# change in cash, the deficit and other assets moving by net income). The
# figures are a stand-in for a real quarter's; the point is the path:
# kessan's XLSX, LibreOffice's, and back.
#
#   /usr/bin/python3 examples/fill-quarter.py IN.xlsx OUT.xlsx
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(900):
        try:
            return resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    sys.exit("fill-quarter: LibreOffice did not start")


def main(src, dst):
    pipe = f"kessan-fill-{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore",
         f"-env:UserInstallation=file:///tmp/{pipe}-profile",
         f"--accept=pipe,name={pipe};urp;"])
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
            (prop("Hidden", True),))
        sheets = [doc.Sheets.getByIndex(i) for i in range(doc.Sheets.Count)]
        # Columns: fact, labels, unit, scale, prior-year, prior, this quarter.
        prior = {}
        for sheet in sheets:
            row = 1
            while sheet.getCellByPosition(0, row).String:
                cell = sheet.getCellByPosition(6, row)
                if cell.String:
                    prior[sheet.getCellByPosition(0, row).String] = cell.Value
                row += 1
        n = prior.get("is.net_income", 0)
        change = prior.get("cf.net_change", 0)
        cash = prior.get("bs.cash", 0)
        moved = {
            "cf.op.other": -change, "cf.op.total": -change,
            "cf.net_change": -change,
            "bs.eq.deficit": n, "bs.eq.total": n, "bs.other_assets": n,
            "bs.assets.total": n, "bs.total_lme": n,
        }
        fixed = {"cf.cash_begin": cash, "cf.cash_end": cash}
        for sheet in sheets:
            row = 1
            while sheet.getCellByPosition(0, row).String:
                fact = sheet.getCellByPosition(0, row).String
                if fact in prior:
                    value = fixed.get(fact, prior[fact] + moved.get(fact, 0))
                    sheet.getCellByPosition(7, row).Value = value
                row += 1
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                       (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: fill-quarter.py IN.xlsx OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
