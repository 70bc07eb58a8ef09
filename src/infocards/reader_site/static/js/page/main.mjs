// The static reader's page: reads the code in the link's fragment (or a pasted one) with the
// JavaScript decoder, shows it as the app's reader does, then removes the code from the address.

import { readCode } from "../codes/read.mjs";
import { translator } from "./text.mjs";
import { decorate } from "./view.mjs";
import { journalText } from "./journal.mjs";
import { renderResult, showJournal } from "./render.mjs";

const MAX_INPUT = 16 * 1024; // a code is under 3 KiB even as a link; more is not one of ours
const $ = (id) => document.getElementById(id);
const state = { lang: "da", data: null, read: null, readAt: null, shown: null };

async function loadData() {
  const get = async (name) => {
    const response = await fetch(`data/${name}.json`, { credentials: "omit", cache: "no-cache" });
    if (!response.ok) throw new Error(`data/${name}.json: ${response.status}`);
    return response.json();
  };
  const [strings, cards, trust] = await Promise.all([get("strings"), get("cards"), get("trust")]);
  return { strings, cards, trust };
}

function words() {
  return translator(state.data.strings, state.lang);
}

// The page's own words in the chosen language: every [data-t] element and [data-t-label] label.
function translatePage() {
  const t = words();
  document.documentElement.lang = state.lang;
  document.title = t("site.title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll("[data-t-label]")) node.setAttribute("aria-label", t(node.dataset.tLabel));
  $("language").lang = state.lang === "da" ? "en" : "da";
}

function show() {
  if (!state.read) return;
  const t = words();
  state.shown = decorate(state.read, t, state.data);
  renderResult($("result"), state.shown, t, copyJournal);
}

async function copyJournal(said) {
  const t = words();
  const text = journalText(state.shown, t, state.readAt);
  if (text === null) return;
  try {
    await navigator.clipboard.writeText(text);
    said.textContent = t("journal.copied");
  } catch {
    showJournal(said, text, t);
  }
}

async function read(text) {
  const t = words();
  const result = $("result");
  result.removeAttribute("data-status");
  result.replaceChildren(Object.assign(document.createElement("p"), { className: "note", textContent: t("site.reading") }));
  const input = String(text ?? "");
  const now = new Date();
  if (input.length > MAX_INPUT) state.read = { status: "not_infocards" };
  else {
    try {
      state.read = await readCode(input, { now });
    } catch {
      // The decoder refuses bad input with a status; anything else is still nothing to show.
      state.read = { status: "invalid", reason: "damaged" };
    }
  }
  state.readAt = now;
  show();
  if (state.read.status === "valid" || state.read.status === "expired") {
    $("paste").value = "";
    window.scrollTo(0, 0); // the status first, under the language switch
  }
}

// Only the camera of a browser with BarcodeDetector (a laptop's webcam, Chrome on Android); never required.
async function scan() {
  const t = words();
  const video = $("video");
  const button = $("camera");
  if (video.srcObject) {
    stopCamera();
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  } catch {
    $("camera-message").textContent = t("site.no_camera");
    return;
  }
  video.srcObject = stream;
  video.hidden = false;
  button.dataset.t = "site.camera_stop";
  button.textContent = t("site.camera_stop");
  await video.play();
  const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  const look = async () => {
    if (!video.srcObject) return;
    let found = [];
    try {
      found = await detector.detect(video);
    } catch {
      found = [];
    }
    if (found.length) {
      stopCamera();
      await read(found[0].rawValue);
      return;
    }
    setTimeout(look, 250);
  };
  look();
}

function stopCamera() {
  const video = $("video");
  for (const track of video.srcObject?.getTracks() || []) track.stop();
  video.srcObject = null;
  video.hidden = true;
  $("camera").dataset.t = "site.camera";
  $("camera").textContent = words()("site.camera");
}

async function readFragment() {
  if (location.hash.length <= 1) return;
  const link = location.href;
  // The code leaves the address bar and this history entry before anything else happens.
  history.replaceState(null, "", location.pathname + location.search);
  await read(link);
}

async function start() {
  state.data = await loadData();
  translatePage();
  $("language").addEventListener("click", () => {
    state.lang = state.lang === "da" ? "en" : "da";
    translatePage();
    show();
  });
  const paste = $("paste");
  paste.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text");
    if (text) {
      event.preventDefault();
      paste.value = text.slice(0, MAX_INPUT + 1);
      read(paste.value);
    }
  });
  $("read").addEventListener("click", () => read(paste.value));
  if ("BarcodeDetector" in window && navigator.mediaDevices?.getUserMedia) {
    $("camera").hidden = false;
    $("camera").addEventListener("click", scan);
  }
  // A link opened in a tab that already shows the reader only changes the fragment.
  window.addEventListener("hashchange", readFragment);
  await readFragment();
  document.body.dataset.ready = "true";
}

start();
