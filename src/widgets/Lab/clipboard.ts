// Copies text for the reader: true when the browser took it, false where it refused (no permission,
// an insecure page, an old browser), so the figure can say to copy by hand.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
