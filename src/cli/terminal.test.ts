// Tests that untrusted text printed to a terminal cannot carry escape sequences or control characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalSafe } from './terminal.js';

test('ANSI and OSC sequences and control characters are removed; text, newlines and tabs stay', () => {
  assert.equal(terminalSafe('a\u001b[31mred\u001b[0m b'), 'ared b');
  assert.equal(terminalSafe('x\u001b]0;title\u0007y'), 'xy');
  assert.equal(terminalSafe('bell\u0007 back\u0008 c1\u009b'), 'bell back c1');
  assert.equal(terminalSafe('line one\n\tline two – “quoted” 소아쌤'), 'line one\n\tline two – “quoted” 소아쌤');
});
