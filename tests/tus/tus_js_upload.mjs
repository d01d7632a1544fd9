// Uploads FILE to ENDPOINT with tus-js-client (the reference JS client), remembering the
// upload URL in STORE so that a new process resumes. Prints each acknowledged offset and, at
// the end, how many requests of each method it sent.
//   node tus_js_upload.mjs FILE ENDPOINT STORE [CHUNK_SIZE]
import fs from 'node:fs';
import tus from 'tus-js-client';

const [file, endpoint, store, chunk] = process.argv.slice(2);
const counts = {};
const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  chunkSize: Number(chunk || 5 * 1024 * 1024),
  uploadSize: fs.statSync(file).size,
  retryDelays: [0, 1000, 3000],
  metadata: { filename: 'big.bin' },
  // URL storage is a no-op in Node unless given a file.
  urlStorage: new tus.FileUrlStorage(store),
  onBeforeRequest: (req) => {
    counts[req.getMethod()] = (counts[req.getMethod()] || 0) + 1;
  },
  onChunkComplete: (_size, acked, total) => console.log(`acked ${acked} ${total}`),
  onSuccess: () => {
    console.log(`requests ${JSON.stringify(counts)}`);
    console.log(`done ${upload.url}`);
  },
  onError: (e) => {
    console.error(String(e));
    process.exitCode = 1;
  },
});
const previous = await upload.findPreviousUploads();
if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
upload.start();
