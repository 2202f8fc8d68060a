/**
 * Bech32 (BIP-173), the encoding of age keys: checked here, in plain TypeScript, so a key is
 * validated before anything is applied and in tests (the age package is ESM-only and loads
 * only in the compiled CLI). Results say what is wrong, never the string itself: the string
 * may be a secret key.
 */
// @ts-nocheck

const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const CHECKSUM_LENGTH = 6;

export type Bech32Problem = "mixed case" | "no separator" | "invalid character" | "bad checksum" | "bad padding";

export type Bech32Result =
  | { readonly ok: true; readonly prefix: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problem: Bech32Problem };

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    GENERATOR.forEach((g, i) => {
      if ((top >>> i) & 1) chk = (chk ^ g) >>> 0;
    });
  }
  return chk;
}

function expandPrefix(prefix: string): number[] {
  const codes = [...prefix].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
}

/** 5-bit groups to bytes; the leftover bits must be fewer than 5 and all zero. */
function toBytes(words: readonly number[]): Uint8Array | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const w of words) {
    acc = (acc << 5) | w;
    bits += 5;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
    acc &= (1 << bits) - 1;
  }
  if (bits >= 5 || acc !== 0) return undefined;
  return Uint8Array.from(out);
}

/**
 * Decodes a Bech32 string: the prefix (lower case) before the last "1", and the data as
 * bytes. No length limit: age's post-quantum keys are longer than BIP-173's 90 characters.
 */
export function decodeBech32(text: string): Bech32Result {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return { ok: false, problem: "mixed case" };
  const s = text.toLowerCase();
  const sep = s.lastIndexOf("1");
  if (sep < 1 || s.length - sep - 1 < CHECKSUM_LENGTH) return { ok: false, problem: "no separator" };
  const prefix = s.slice(0, sep);
  if ([...prefix].some((c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126)) return { ok: false, problem: "invalid character" };
  const words = [...s.slice(sep + 1)].map((c) => CHARSET.indexOf(c));
  if (words.includes(-1)) return { ok: false, problem: "invalid character" };
  if (polymod([...expandPrefix(prefix), ...words]) !== 1) return { ok: false, problem: "bad checksum" };
  const bytes = toBytes(words.slice(0, -CHECKSUM_LENGTH));
  if (!bytes) return { ok: false, problem: "bad padding" };
  return { ok: true, prefix, bytes };
}
