// lib/indexed-png.ts: the share cards' PNG encoder. Read back by resvg (which decodes a
// PNG inside an SVG), every pixel must be the one encoded.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Resvg } from "@resvg/resvg-js";
import { encodeIndexedPng } from "../../lib/indexed-png.ts";
import { renderShareCard } from "../../lib/og-image.ts";

function decode(png: Buffer, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  return new Resvg(svg, { fitTo: { mode: "original" } }).render().pixels;
}

/** An opaque image of `colours` colours: bands, a repeated row and single odd pixels. */
function image(width: number, height: number, colours: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = (x * 7 + y * 13) % colours;
      const at = (y * width + x) * 4;
      rgba.set([(c * 37) & 255, c >> 8, 200, 255], at); // a different colour for each c
    }
  }
  // Rows 4 and 5 are copies of row 3: the encoder's repeated-row path.
  rgba.copyWithin(4 * width * 4, 3 * width * 4, 4 * width * 4);
  rgba.copyWithin(5 * width * 4, 3 * width * 4, 4 * width * 4);
  return rgba;
}

describe("indexed PNG", () => {
  it("encodes every pixel of an opaque image of up to 256 colours", () => {
    for (const [width, height, colours] of [[1, 1, 1], [17, 9, 2], [64, 40, 256], [300, 20, 100]] as const) {
      const rgba = image(width, height, colours);
      const png = encodeIndexedPng(rgba, width, height);
      assert.ok(png, `${width}×${height}, ${colours} colours`);
      assert.equal(png.readUInt8(25), 3, "colour type: indexed");
      assert.ok(decode(png, width, height).equals(Buffer.from(rgba)), `${width}×${height}, ${colours} colours`);
    }
  });

  it("encodes runs of one colour, long and short, as a card's rows have them", () => {
    // Runs of 1 to 40 pixels that cross row ends, with a translucent run at the very end.
    const [width, height] = [97, 13];
    const rgba = new Uint8Array(width * height * 4);
    for (let at = 0, run = 0; at < width * height; run++) {
      const length = 1 + ((run * 17) % 40);
      for (let i = at; i < Math.min(at + length, width * height); i++) rgba.set([run % 5 * 50, 120, run % 3 * 90, 255], i * 4);
      at += length;
    }
    const png = encodeIndexedPng(rgba, width, height);
    assert.ok(png);
    assert.ok(decode(png, width, height).equals(Buffer.from(rgba)));
    for (let i = width * height - 30; i < width * height; i++) rgba[i * 4 + 3] = 200;
    assert.equal(encodeIndexedPng(rgba, width, height), undefined, "a long run not fully opaque");
  });

  it("declines an image it cannot encode exactly, so the caller encodes it another way", () => {
    assert.equal(encodeIndexedPng(image(64, 40, 257), 64, 40), undefined, "more than 256 colours");
    const translucent = image(8, 8, 4);
    translucent[4 * 20 + 3] = 128;
    assert.equal(encodeIndexedPng(translucent, 8, 8), undefined, "a pixel not fully opaque");
    assert.equal(encodeIndexedPng(new Uint8Array(10), 2, 2), undefined, "wrong length");
  });

  it("is the encoding of the share cards", async () => {
    const png = await renderShareCard({ title: "Telehealth in rural clinics", when: "Tuesday, May 2, 2017, 8:30 PM EDT (UTC−4)", hashtag: "#hcldr", siteTitle: "Chat" });
    assert.equal(png.readUInt8(25), 3);
    const pixels = decode(png, 1200, 630);
    // The background and the ink are there, in the card's colours.
    assert.deepEqual([...pixels.subarray(0, 4)], [0x0f, 0x3d, 0x3e, 255]);
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) colours.add(pixels.readUInt32BE(i));
    assert.ok(colours.has(0xffffffff), "white title text");
    assert.ok(colours.size > 10, "anti-aliased edges");
  });
});
