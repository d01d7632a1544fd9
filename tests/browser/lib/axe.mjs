// Runs axe-core in a page and returns the violations a user would hit hardest.
import { createRequire } from "node:module";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Violations with impact serious or critical, each as a one-line description. */
export async function seriousViolations(page) {
  // Colours halfway through a transition (a theme switch fades the cards' background) belong to
  // neither theme: judge the page once it has settled.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => window.axe.run(document));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
