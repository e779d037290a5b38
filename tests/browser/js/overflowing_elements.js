// Visible elements whose edges pass the viewport (cut off, or forcing a horizontal scrollbar).
(width) => {
  const found = [];
  const page = document.documentElement;
  if (page.scrollWidth > width) found.push(`document is ${page.scrollWidth} px wide`);
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    if (el.closest(".visually-hidden, .skip-link, [aria-hidden='true']")) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      found.push(`${el.tagName}.${el.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return found.slice(0, 10);
}
