// The simulator page: posts messages as the chosen contact and long-polls its replies over the
// documented HTTP API (POST /api/chat/messages, GET /api/chat/contacts/:id/messages). A photo is
// uploaded first (POST /api/chat/contacts/:id/media), then posted as the answer.
const $ = (id) => document.getElementById(id);
let contact = readContact();
let cursor = 0;
let polling = 0;

function readContact() {
  return { id: $("contact-id").value.trim(), name: $("name").value.trim(), phone: $("phone").value.trim(), role: $("role").value };
}

function addBubble(who, message) {
  const li = document.createElement("li");
  li.className = who;
  li.textContent = message.text ?? "";
  if (message.localImage) {
    const img = document.createElement("img");
    img.src = message.localImage;
    img.alt = "";
    li.append(img);
  }
  if (message.image) {
    const img = document.createElement("img");
    img.src = message.image;
    img.alt = "";
    li.append(img);
  }
  if (message.document) {
    const a = document.createElement("a");
    a.href = message.document;
    a.textContent = "📄 document";
    li.append(document.createElement("br"), a);
  }
  $("log").append(li);
  li.scrollIntoView({ block: "end" });
}

function showChoices(choices) {
  const box = $("choices");
  box.replaceChildren();
  for (const choice of choices ?? []) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = choice.label;
    button.dataset.choice = choice.id;
    button.addEventListener("click", () => send({ choice: choice.id, text: choice.label }));
    box.append(button);
  }
}

async function send(body) {
  $("status").textContent = "";
  addBubble("me", { text: body.text ?? body.choice });
  showChoices([]);
  try {
    const res = await fetch("/api/chat/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contact, ...body }),
    });
    if (!res.ok) $("status").textContent = `Not delivered (${res.status}). Try again.`;
  } catch {
    $("status").textContent = "Network error: message not delivered. Try again.";
  }
}

/** Phones take 5–10 MB photos; the bot keeps 480 px, so send at most 1280 px (poor data, 5 MB cap). */
async function shrink(file) {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    return blob ?? file;
  } catch {
    return file; // not decodable here: let the bot say so
  }
}

async function sendPhoto(file) {
  $("status").textContent = "";
  const body = await shrink(file);
  addBubble("me", { text: "", localImage: URL.createObjectURL(body) });
  showChoices([]);
  try {
    const upload = await fetch(`/api/chat/contacts/${encodeURIComponent(contact.id)}/media`, {
      method: "POST",
      headers: { "content-type": body.type || "image/jpeg" },
      body,
    });
    if (!upload.ok) {
      $("status").textContent = upload.status === 413 ? "Photo too large (max 5 MB)." : `Photo not delivered (${upload.status}).`;
      return;
    }
    const { media } = await upload.json();
    const res = await fetch("/api/chat/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contact, photo: media }),
    });
    if (!res.ok) $("status").textContent = `Not delivered (${res.status}). Try again.`;
  } catch {
    $("status").textContent = "Network error: photo not delivered. Try again.";
  }
}

async function poll(generation) {
  while (generation === polling) {
    try {
      const res = await fetch(`/api/chat/contacts/${encodeURIComponent(contact.id)}/messages?after=${cursor}&wait=10`);
      if (generation !== polling) return;
      if (!res.ok) throw new Error(String(res.status));
      const data = await res.json();
      for (const message of data.messages) addBubble("bot", message);
      if (data.messages.length > 0) showChoices(data.messages.at(-1).choices);
      cursor = data.cursor;
    } catch {
      $("status").textContent = "Reconnecting…";
      await new Promise((r) => setTimeout(r, 1500));
    }
  }
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  if (text.trim() === "") return;
  $("text").value = "";
  send({ text });
});

$("photo").addEventListener("change", () => {
  const file = $("photo").files?.[0];
  $("photo").value = "";
  if (file) sendPhoto(file);
});

$("who").addEventListener("submit", (event) => {
  event.preventDefault();
  contact = readContact();
  cursor = 0;
  $("log").replaceChildren();
  showChoices([]);
  polling += 1;
  poll(polling);
});

polling += 1;
poll(polling);
