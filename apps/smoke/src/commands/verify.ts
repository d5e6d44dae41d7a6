import { CacheManifest } from "@peak/cache";
import { EXIT, usageError } from "../cli-error";
import type { CliArgs } from "../cli-args";
import { checkInputFile } from "../file-check";

/** `peak-smoke verify <manifest.json>`: exit 0 valid, 1 invalid, 2 unreadable manifest. */
export async function verifyCommand(args: CliArgs, positionals: string[]): Promise<number> {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw usageError(
      "verify takes exactly one manifest file",
      "Usage: peak-smoke verify <manifest.json> [--json]",
    );
  }
  checkInputFile(file, "Manifest");
  const manifest = await CacheManifest.load(file);
  const { valid, errors } = await manifest.validate();
  if (args.values.json === true) {
    process.stdout.write(`${JSON.stringify({ manifest: file, valid, errors })}\n`);
  } else if (valid) {
    process.stdout.write(`${file}: valid (${manifest.files.length} files verified)\n`);
  } else {
    process.stdout.write(`${file}: INVALID, ${errors.length} problem(s)\n`);
    for (const error of errors)
      process.stdout.write(`  - ${typeof error === "string" ? error : JSON.stringify(error)}\n`);
  }
  return valid ? EXIT.ok : EXIT.violations;
}
