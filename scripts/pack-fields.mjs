// Metadata checks for the packaging check: the fields every published @peak/* package carries,
// and what its packed tarball holds (the package.json as pnpm rewrites it at pack time).
import { execFileSync } from "node:child_process";

const REQUIRED = ["description", "license", "keywords", "homepage", "bugs", "repository"];
const SHIPPED = [
  "package/package.json",
  "package/README.md",
  "package/LICENSE",
  "package/CHANGELOG.md",
];
// Pre-1.0 policy (README): a minor may break, a patch never does, so a peer range on another
// @peak package accepts patches of one minor only: `^0.N.M`.
const PRE_1_0_PEER = /^\^0\.\d+\.\d+$/;

const fail = (name, message) => {
  throw new Error(`${name}: ${message}`);
};

const conditionsIn = (value) =>
  typeof value === "string"
    ? []
    : Object.entries(value).flatMap(([key, inner]) => [key, ...conditionsIn(inner)]);

/** Asserts the source manifest's metadata; `wanted` is the package's folder in the repository. */
export function checkManifest(pkg, wanted) {
  const name = pkg.name;
  for (const field of REQUIRED) if (!pkg[field]) fail(name, `package.json lacks "${field}"`);
  if (!Array.isArray(pkg.keywords) || pkg.keywords.length === 0) fail(name, "no keywords");
  if (typeof pkg.bugs.url !== "string") fail(name, '"bugs" has no "url"');
  if (pkg.repository.directory !== wanted) {
    fail(name, `repository.directory is ${pkg.repository.directory}, expected ${wanted}`);
  }
  if (typeof pkg.sideEffects !== "boolean") fail(name, '"sideEffects" is not set');
  if (!pkg.engines?.node) fail(name, '"engines.node" is not set');
  for (const file of ["dist", "CHANGELOG.md"]) {
    if (!pkg.files?.includes(file)) fail(name, `"files" does not list ${file}`);
  }
}

/** Asserts what the tarball ships: LICENSE, CHANGELOG.md, README.md, a publishable manifest. */
export function checkTarball(tarball, packageNames) {
  const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
  const manifest = JSON.parse(
    execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
  );
  const name = manifest.name;
  for (const file of SHIPPED) if (!listing.includes(file)) fail(name, `tarball lacks ${file}`);
  if (listing.some((file) => file.startsWith("package/src/"))) fail(name, "tarball ships src/");
  if (conditionsIn(manifest.exports).includes("@peak/source")) {
    fail(name, 'published "exports" still carry the @peak/source condition (src/ is not shipped)');
  }
  const text = JSON.stringify(manifest);
  if (text.includes("workspace:")) fail(name, "published manifest still has a workspace: range");
  for (const [dep, range] of Object.entries(manifest.peerDependencies ?? {})) {
    if (packageNames.includes(dep) && !PRE_1_0_PEER.test(range)) {
      fail(name, `peer range ${dep}@${range} does not follow the pre-1.0 policy (^0.N.M)`);
    }
  }
}
