// node at.mjs <id> <string>  -> lists whole-word body occurrences with UTF-16 offsets and context
import { readArticle, bodyStart } from './common.mjs';
const [id, s] = process.argv.slice(2);
const t = readArticle(id), b0 = bodyStart(t);
const w = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
for (let i = t.indexOf(s, b0); i !== -1; i = t.indexOf(s, i + 1)) {
  if ((w(t[i - 1]) && w(s[0])) || (w(t[i + s.length]) && w(s[s.length - 1]))) continue;
  console.log(i, JSON.stringify(t.slice(Math.max(b0, i - 40), i + s.length + 40)));
}
