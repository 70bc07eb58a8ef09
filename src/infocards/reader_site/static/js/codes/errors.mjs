// Why a code is refused: the status, the stage of docs/format/vectors that refuses it, and the
// reason word of docs/FORMAT.md 5.1 (null where the format gives none). Never carries data.

export class Refused extends Error {
  constructor(status, stage, reason) {
    super(reason || status);
    this.status = status;
    this.stage = stage;
    this.reason = reason;
  }
}

/** An altered or malformed code; the stage is filled in where the stage is known. */
export function invalid(reason, stage = null) {
  return new Refused("invalid", stage, reason);
}

export function notInfocards(stage = "prefix") {
  return new Refused("not_infocards", stage, null);
}

/** Runs fn(); a refusal without a stage gets `stage`. */
export async function atStage(stage, fn) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Refused && error.stage === null) error.stage = stage;
    throw error;
  }
}
