// Wiring only: every post's page data comes from chatpost's validated posts.
// Writers never need to edit this file.
export { postDirectoryData as default } from "../../plugins/posts.ts";
