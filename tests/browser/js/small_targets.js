// Controls smaller than 24 x 24 CSS px, except links inside running text (WCAG 2.5.8 exempts
// inline targets whose size is set by the line of text).
() => {
  const found = [];
  const controls = "a[href], button, input, select, textarea, summary";
  for (const el of document.querySelectorAll(controls)) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (el.closest(".visually-hidden, .skip-link, [aria-hidden='true']")) continue;
    const inText = el.closest("p, li, dd, td, th, h1, h2, h3, h4");
    if (el.tagName === "A" && inText && style.display === "inline") continue;
    const box = el.getBoundingClientRect();
    if (box.width < 24 || box.height < 24) {
      const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
      found.push(`${el.outerHTML.slice(0, 120)} ${size}`);
    }
  }
  return found.slice(0, 10);
}
