// What every code shares (docs/FORMAT.md 2.1, 3.1, 4.1): base45, the version byte, the header
// (version, issued, lifetime, public key) and the signature over the prefix and the signed bytes.
import { b45decode } from "./base45.mjs";
import { ByteReader, concatBytes, utf8 } from "./bytes.mjs";
import { verifyEd25519 } from "./crypto.mjs";
import { atStage, invalid } from "./errors.mjs";

/**
 * Decodes `base45` and checks the code's signature by the key in its header. `minLength`: the
 * shortest code; `tail`: bytes at the end of the signed part that follow the body (a note's core
 * signature). Returns { signed, src (a ByteReader after the header), issued, lifetime, publicKey }.
 */
export async function openSigned(prefix, version, base45, minLength, tail = 0) {
  const data = await atStage("base45", () => b45decode(base45));
  if (data.length < minLength || data[0] !== version) throw invalid("too short", "header");
  const signed = data.subarray(0, data.length - 64);
  const signature = data.subarray(data.length - 64);
  const src = new ByteReader(signed.subarray(0, signed.length - tail));
  const header = await atStage("header", () => {
    src.raw(1);
    const time = src.raw(4);
    return {
      issued: ((time[0] * 256 + time[1]) * 256 + time[2]) * 256 + time[3],
      lifetime: src.uint(),
      publicKey: src.raw(32),
    };
  });
  if (!(await verifyEd25519(header.publicKey, concatBytes(utf8(prefix), signed), signature))) {
    throw invalid("signature", "signature");
  }
  return { signed, src, ...header };
}
