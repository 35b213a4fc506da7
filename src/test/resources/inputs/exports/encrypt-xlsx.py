#!/usr/bin/env python3
"""Saves a spreadsheet as a password-protected xlsx with LibreOffice, through its UNO API.

usage: encrypt-xlsx.py SOURCE TARGET.xlsx PASSWORD [PROFILE_URL]

Needs a Python that can import LibreOffice's "uno" module (Debian: python3-uno). soffice --convert-to
cannot pass a password on LibreOffice 7.4, so this starts a headless office, loads SOURCE and stores
it with the filter "Calc MS Excel 2007 XML" and EncryptionData {CryptoType:
StrongEncryptionDataSpace, OOXPassword: PASSWORD}: the result is an OLE2 compound file holding
EncryptionInfo and EncryptedPackage streams, as Excel writes for File > Info > Encrypt with Password.
"""
import os
import subprocess
import sys
import time
import traceback

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(cls, name, value):
    p = cls()
    p.Name = name
    p.Value = value
    return p


def main():
    source, target, password = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    command = ["soffice", "--headless", "--invisible", "--norestore", "--nologo"]
    if len(sys.argv) > 4:
        command.append("-env:UserInstallation=" + sys.argv[4])
    pipe = "corpus_encrypt_%d" % os.getpid()
    office = subprocess.Popen(command + ["--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = 1
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.2)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                           (prop(PropertyValue, "Hidden", True),))
        encryption = uno.Any("[]com.sun.star.beans.NamedValue",
                             (prop(NamedValue, "CryptoType", "StrongEncryptionDataSpace"),
                              prop(NamedValue, "OOXPassword", password)))
        args = (prop(PropertyValue, "FilterName", "Calc MS Excel 2007 XML"),
                prop(PropertyValue, "Overwrite", True),
                prop(PropertyValue, "EncryptionData", encryption))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), args))
        doc.close(True)
        status = 0
    except Exception:
        traceback.print_exc()
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass   # the bridge drops as the office exits
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.terminate()
            office.wait()
    sys.exit(status)


if __name__ == "__main__":
    main()
