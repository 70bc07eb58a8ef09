// Ed25519 verification, SHA-256 and key fingerprints (docs/FORMAT.md 1.8) with WebCrypto.

const subtle = globalThis.crypto.subtle;

export async function sha256(bytes) {
  return new Uint8Array(await subtle.digest("SHA-256", bytes));
}

/** True only for a good signature by this key; a malformed key or signature is just false. */
export async function verifyEd25519(publicKey, message, signature) {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
    return await subtle.verify({ name: "Ed25519" }, key, signature, message);
  } catch {
    return false;
  }
}

export const FINGERPRINT_BYTES = 10;

export async function fingerprintBytes(publicKey) {
  return (await sha256(publicKey)).subarray(0, FINGERPRINT_BYTES);
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 10 bytes as 16 base32 characters in four groups of four: "LH67-3L4P-MPIF-VFVZ". */
export function fingerprintText(bytes) {
  let bits = "";
  for (const byte of bytes) bits += byte.toString(2).padStart(8, "0");
  let text = "";
  for (let i = 0; i + 5 <= bits.length; i += 5) text += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return text.match(/.{4}/g).join("-");
}

export async function fingerprint(publicKey) {
  return fingerprintText(await fingerprintBytes(publicKey));
}
