// Run exercise code through the checking wheel in real Pyodide under Node, exactly as the
// browser worker does: same runtime files, same lock file, same loadPackage call.
// Usage: node check_exercises.mjs <site-dir> <cases.json>   (prints results as JSON)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, casesFile] = process.argv.slice(2);
const pyodideDir = path.resolve(siteDir, "pyodide") + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const config = JSON.parse(await readFile(casesFile, "utf8"));
const pyodide = await loadPyodide({ indexURL: pyodideDir, stdout: () => {}, stderr: () => {} });
await pyodide.loadPackage(config.package, { messageCallback: () => {}, checkIntegrity: true });
const checking = pyodide.pyimport(config.module);
const lexicons = (names) => pyodide.runPython(`
import json
from ${config.module}.phrases import lexicon
json.dumps({name: list(lexicon(name)) for name in ${JSON.stringify(names)}})
`);
// The table compiled ahead of time by CPython: used here, and equal to compiling live here.
const compiledTable = () => pyodide.runPython(`
import json
from ${config.module}.compiled import table
from ${config.module}.matching import compile_live
known = table()
def live(text):
    entry = compile_live(text)
    return (entry.parts, tuple(sorted(entry.not_before)), entry.opens_clause)
json.dumps({"entries": len(known), "differ": [t for t, value in known.items() if live(t) != value]})
`);
const verdict = (c) =>
  c.compiled !== undefined ? compiledTable()
  : c.lexicons !== undefined ? lexicons(c.lexicons)
  : c.response !== undefined ? checking.check_written_json(JSON.stringify(c.rules), c.checker, c.response)
  : c.checks === null ? checking.run_json(c.code)
  : checking.check_json(c.code, c.checks);
const results = config.cases.map((c) => ({ name: c.name, result: JSON.parse(verdict(c)) }));
// Where this ran, so a test can tell Pyodide from CPython and the site's wheel from a copy.
// And, for each module, whether the wheel brought bytecode this Python takes for its source.
const where = JSON.parse(pyodide.runPython(`
import json, sys, importlib.metadata, importlib.util, pathlib
import ${config.module}
def usable_bytecode(source):
    cached = pathlib.Path(importlib.util.cache_from_source(str(source)))
    if not cached.is_file():
        return False
    data = cached.read_bytes()
    checked_hash = int.from_bytes(data[4:8], "little") == 0b11
    return (data[:4] == importlib.util.MAGIC_NUMBER and checked_hash
            and data[8:16] == importlib.util.source_hash(source.read_bytes()))
package_dir = pathlib.Path(${config.module}.__file__).parent
json.dumps({"version": sys.version.split()[0], "platform": sys.platform,
            "module": ${config.module}.__file__,
            "package": importlib.metadata.version("${config.package}"),
            "bytecode": {p.name: usable_bytecode(p) for p in sorted(package_dir.glob("*.py"))}})
`));
process.stdout.write(JSON.stringify({ python: where, results }));
