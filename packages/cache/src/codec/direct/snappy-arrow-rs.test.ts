import { describe, expect, it } from "vitest";
import { arrowRsPages, SHAPES } from "./__fixtures__/arrow-rs-pages";
import { snappyCompress } from "./snappy-compress";
import { snappyDecompress } from "./snappy-decompress";

const column = (rows: number, shape: (i: number) => number) =>
  Float64Array.from({ length: rows }, (_, i) => shape(i));

describe("snappy against arrow-rs", () => {
  it("decompresses every page arrow-rs snappy-compressed to the page it writes uncompressed", async () => {
    for (const rows of [3, 1_000, 9_000, 70_000]) {
      for (const [name, shape] of Object.entries(SHAPES)) {
        const snappy = await arrowRsPages(column(rows, shape), "snappy");
        const plain = await arrowRsPages(column(rows, shape), "uncompressed");
        expect(snappy.length, `${name} ${rows}`).toBe(plain.length);
        snappy.forEach((page, i) => {
          const back = snappyDecompress(page.stored, page.size);
          expect(Buffer.from(back).equals(plain[i]!.stored), `${name} ${rows} page ${i}`).toBe(
            true,
          );
        });
      }
    }
  });

  // The same algorithm as the reference (and arrow-rs's snap crate) gives the same bytes
  // wherever the data repeats; on data with few repeats the two skip ahead differently.
  it("compresses repetitive pages to exactly the bytes arrow-rs writes", async () => {
    const cases: [string, number][] = [];
    for (const rows of [20, 1_000, 9_000, 70_000]) {
      for (const name of ["cycle", "steps", "constant"]) cases.push([name, rows]);
    }
    cases.push(["cents", 70_000], ["constant", 2_057], ["constant", 2_061], ["constant", 3_000]);
    let pages = 0;
    for (const [name, rows] of cases) {
      for (const page of await arrowRsPages(column(rows, SHAPES[name]!), "snappy")) {
        const raw = snappyDecompress(page.stored, page.size);
        expect(Buffer.from(snappyCompress(raw)).equals(page.stored), `${name} ${rows}`).toBe(true);
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThan(cases.length);
  });
});
