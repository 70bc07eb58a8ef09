// Day numbers (Python's date.toordinal: 0001-01-01 is 1) and times as ISO text.
import { invalid } from "./errors.mjs";

const MAX_ORDINAL = 3652059; // 9999-12-31
export const UNIX_EPOCH_ORDINAL = 719163; // 1970-01-01
export const BIRTH_EPOCH = 693596; // 1900-01-01

/** YYYY-MM-DD of a day number; outside years 1-9999 refused ("date out of range"). */
export function isoDate(ordinal) {
  if (!Number.isInteger(ordinal) || ordinal < 1 || ordinal > MAX_ORDINAL) throw invalid("date out of range");
  // days since 1970-01-01, then the civil date (H. Hinnant's algorithm)
  const z = ordinal - UNIX_EPOCH_ORDINAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The UTC day number of a moment in Unix seconds. */
export function dayOf(seconds) {
  return Math.floor(seconds / 86400) + UNIX_EPOCH_ORDINAL;
}

/** Unix seconds as Python's datetime.isoformat() of a UTC time: "2026-12-01T09:00:00+00:00". */
export function isoMoment(seconds) {
  const day = dayOf(seconds);
  let rest = seconds - (day - UNIX_EPOCH_ORDINAL) * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const two = (n) => String(n).padStart(2, "0");
  return `${isoDate(day)}T${two(hours)}:${two(minutes)}:${two(secs)}+00:00`;
}
