/** Waits until `check` holds or `ms` have passed (the assertion after it says what was missing). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  for (let waited = 0; waited < ms && !check(); waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
