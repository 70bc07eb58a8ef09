// Words, dates and numbers as the Python reader writes them (i18n/__init__.py's t, i18n/formats.py),
// so the page and `infocards read` print the same text. No DOM here: Node's tests import it too.

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;
const DROPPED = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

// Python's str.format for "{name}" fields: a text whose field is missing is returned as it is.
function format(text, params) {
  if (!params) return text;
  let missing = false;
  const out = text.replace(/\{(\w+)\}/g, (_, name) => {
    if (!Object.hasOwn(params, name)) {
      missing = true;
      return "";
    }
    return String(params[name]);
  });
  return missing ? text : out;
}

// t(key, params) in one language: Danish where the language lacks the key, the key where both do.
export function translator(strings, lang) {
  const own = strings[lang] || {};
  const danish = strings.da || {};
  const t = (key, params) => {
    const text = Object.hasOwn(own, key) ? own[key] : Object.hasOwn(danish, key) ? danish[key] : key;
    return format(text, params);
  };
  // label_for: "" for no word, the word itself where the catalog has no label for it.
  t.label = (prefix, value) => {
    if (value === null || value === undefined || value === "") return "";
    const key = `${prefix}.${value}`;
    return Object.hasOwn(own, key) || Object.hasOwn(danish, key) ? t(key) : String(value);
  };
  // content.trust.list_label: a list named by its pack's kind, region and publisher, never by a
  // pack's free-text name; a publisher that could not be shown on one line as it is is left out.
  t.listLabel = (list) => {
    const region = list?.region ? strings.regions?.[list.region]?.[lang] : null;
    let label = list?.kind === "national" ? t("content.trust.national")
      : region ? t("content.trust.municipality_in", { region }) : t("content.trust.municipality");
    const publisher = String(list?.publisher || "");
    if (publisher && oneLine(publisher) === publisher && !publisher.includes("\u00b7") && [...publisher].length <= 100) {
      label = t("content.trust.published_by", { list: label, publisher });
    }
    return label;
  };
  t.lang = lang;
  return t;
}

// Text from a code on one line: breaks and tabs become spaces; control, format (bidi marks,
// zero-width characters) and separator characters are dropped (reader/journal.py one_line).
export function oneLine(text) {
  return String(text ?? "").replace(LINE_BREAKS, " ").replace(DROPPED, "");
}

// "2026-08-02" as "2.8.2026" / "2 Aug 2026"; "" for none; the text itself if it is not a date.
export function shortDate(iso, lang) {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return String(iso);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return String(iso);
  return lang === "da" ? `${day}.${month}.${year}` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

const two = (n) => String(n).padStart(2, "0");

// A moment in the browser's local time: "1.12.2026 kl. 10.19" / "1 Dec 2026 at 10:19".
export function shortMoment(moment, lang) {
  if (!moment) return "";
  const when = moment instanceof Date ? moment : new Date(moment);
  const day = shortDate(`${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())}`, lang);
  const hm = lang === "da" ? `${two(when.getHours())}.${two(when.getMinutes())}` : `${two(when.getHours())}:${two(when.getMinutes())}`;
  return lang === "da" ? `${day} kl. ${hm}` : `${day} at ${hm}`;
}

// 18.5 -> "18,5", 10000.5 -> "10.000,5" in Danish; "18.5", "10,000.5" in English; whole numbers bare.
export function formatNumber(value, lang) {
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  const negative = value < 0;
  let text = Number.isInteger(value) ? String(Math.abs(value)) : Math.abs(value).toFixed(10).replace(/0+$/, "").replace(/\.$/, "");
  let [whole, decimals] = text.split(".");
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = (negative ? "-" : "") + whole + (decimals ? "." + decimals : "");
  return lang === "da" ? text.replace(/[,.]/g, (c) => (c === "," ? "." : ",")) : text;
}
