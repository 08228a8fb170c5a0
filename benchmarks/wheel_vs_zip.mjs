// How long the worker spends installing the checking package: loadPackage (wheel from the
// lock file, sha256 checked) versus unpackArchive of the same files as a zip.
// Usage: node benchmarks/wheel_vs_zip.mjs <site-dir> [runs]
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 7);
const dir = path.resolve(siteDir, "pyodide") + path.sep;
const lock = JSON.parse(await readFile(path.join(dir, "pyodide-lock.json"), "utf8"));
const entry = lock.packages["therapon-check"];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const viaWheel = [];
const viaZip = [];
for (let i = 0; i < runs; i++) {
  let py = await loadPyodide({ indexURL: dir, stdout: () => {} });
  let t = performance.now();
  await py.loadPackage("therapon-check", { messageCallback: () => {} });
  py.pyimport("therapon_check");
  viaWheel.push(performance.now() - t);

  py = await loadPyodide({ indexURL: dir, stdout: () => {} });
  t = performance.now();
  const bytes = await readFile(path.join(dir, entry.file_name));
  py.unpackArchive(new Uint8Array(bytes), "zip", { extractDir: "/tmp/therapon" });
  py.runPython("import sys; sys.path.insert(0, '/tmp/therapon')");
  py.pyimport("therapon_check");
  viaZip.push(performance.now() - t);
}
console.log(JSON.stringify({
  runs,
  wheelBytes: entry ? (await readFile(path.join(dir, entry.file_name))).length : 0,
  loadPackageMs: +median(viaWheel).toFixed(1),
  unpackArchiveMs: +median(viaZip).toFixed(1),
}));
