/** Builders of Telegram updates with the real shapes, for tests that need many of them. */
export function textUpdate(updateId: number, chatId: number, text: string) {
  const person = { id: chatId, is_bot: false, first_name: "Kiran", language_code: "hi" };
  return {
    update_id: updateId,
    message: { message_id: updateId, from: person, chat: { id: chatId, first_name: "Kiran", type: "private" }, date: 1735700000, text },
  };
}

export function callbackUpdate(updateId: number, chatId: number, queryId: string, data: string) {
  const person = { id: chatId, is_bot: false, first_name: "Kiran" };
  return {
    update_id: updateId,
    callback_query: {
      id: queryId,
      from: person,
      message: { message_id: 1, chat: { id: chatId, type: "private" }, date: 1735700000, text: "?" },
      chat_instance: "1",
      data,
    },
  };
}

export function memberUpdate(updateId: number, chatId: number, status: "kicked" | "member", date: number) {
  const person = { id: chatId, is_bot: false, first_name: "Kiran" };
  const bot = { id: 123456, is_bot: true, first_name: "Sampark Test", username: "sampark_test_bot" };
  return {
    update_id: updateId,
    my_chat_member: {
      chat: { id: chatId, first_name: "Kiran", type: "private" },
      from: person,
      date,
      old_chat_member: { user: bot, status: status === "kicked" ? "member" : "kicked" },
      new_chat_member: { user: bot, status },
    },
  };
}

/** A private message from Kiran (`chatId`) carrying `content` (contact, photo, …). */
function privateMessage(updateId: number, chatId: number, content: Record<string, unknown>) {
  const person = { id: chatId, is_bot: false, first_name: "Kiran" };
  return {
    update_id: updateId,
    message: { message_id: updateId, from: person, chat: { id: chatId, first_name: "Kiran", type: "private" }, date: 1735700000, ...content },
  };
}

/** The person shares their own number with the request_contact button (`contact.user_id === from.id`). */
export function ownContactUpdate(updateId: number, chatId: number, phone: string) {
  return privateMessage(updateId, chatId, { contact: { phone_number: phone, first_name: "Kiran", user_id: chatId } });
}

/** A photo the person sent, as Telegram delivers it: several sizes, the largest last. */
export function photoUpdate(updateId: number, chatId: number, file: { file_id: string; file_unique_id: string; file_size: number }, size = { width: 960, height: 1280 }) {
  const thumb = { file_id: `${file.file_id}-thumb`, file_unique_id: `${file.file_unique_id}t`, file_size: 1200, width: 67, height: 90 };
  return privateMessage(updateId, chatId, { photo: [thumb, { ...file, ...size }] });
}
