/** `fn` at most once per `ms`: calls in between are folded into the one pending. */
export function coalesced(fn: () => void, ms: number): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      fn();
    }, ms);
  };
}
