// A small built-in dictionary of passwords guessed first (no download on an air-gapped machine):
// words and keyboard runs that people dress up to pass the class rules — Password1, P@ssw0rd,
// Admin@123, Qwer1234, 1qaz@WSX, Aa123456. A password whose letters, read without the usual
// substitutions (0→o, @→a, $→s…), are one of these words, or that is a common digit run with a letter
// or two around it, is refused.

const WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'passw',
  'pwd',
  'admin',
  'administrator',
  'root',
  'user',
  'test',
  'guest',
  'welcome',
  'letmein',
  'login',
  'iloveyou',
  'love',
  'woaini',
  'qwerty',
  'qwer',
  'qwert',
  'asdf',
  'asdfgh',
  'zxcv',
  'zxcvbn',
  'qaz',
  'qazwsx',
  'qazwsxedc',
  'wsx',
  'qwe',
  'qweasd',
  'qweasdzxc',
  'asd',
  'zxc',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'aaa',
  'aaaa',
  'system',
  'china',
  'beijing',
  'huawei',
  'dragon',
  'monkey',
  'master',
  'super',
  'superman',
  'hello',
  'sunshine',
  'changeme',
  'secret',
  'default',
  'manager',
  'office',
  'computer',
  'windows',
  'temp',
]);

const DIGIT_RUNS = new Set([
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '654321',
  '111111',
  '000000',
  '666666',
  '888888',
  '112233',
  '123123',
  '520',
  '5201314',
]);

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

const leetRead = (s: string) => [...s].map((c) => LEET[c] ?? c).join('');
const lettersOf = (s: string) => s.replace(/[^a-z]/g, '');

/** The password's letters as a guesser reads them: plain, with substitutions, and without the dressing at the ends. */
function letterCores(password: string): string[] {
  const lower = password.toLowerCase();
  const inner = lower.replace(/^[^a-z@$]+/, '').replace(/[^a-z]+$/, '');
  return [lettersOf(lower), lettersOf(leetRead(lower)), lettersOf(leetRead(inner))];
}

/** Keyboard columns typed top to bottom: 1qaz2wsx, 1qaz@WSX, !QAZ2wsx. */
function keyboardColumns(password: string): boolean {
  const core = password.toLowerCase().replace(/[!@#$%^&*()]/g, (c) => String('!@#$%^&*()'.indexOf(c) + 1));
  return /^(1qaz|2wsx|3edc|4rfv|5tgb)+$/.test(core);
}

export function isCommonPassword(password: string): boolean {
  if (letterCores(password).some((core) => WORDS.has(core))) return true;
  if (keyboardColumns(password)) return true;
  const digits = password.replace(/\D/g, '');
  const letters = password.replace(/[^A-Za-z]/g, '');
  return DIGIT_RUNS.has(digits) && letters.length <= 2;
}
