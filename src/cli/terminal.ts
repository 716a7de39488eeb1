// Untrusted text made safe for a terminal: escape sequences and control characters removed.

/** Remove ANSI/OSC escape sequences and C0/C1 controls except newline and tab. */
export function terminalSafe(text: string): string {
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
