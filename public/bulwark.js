// Bulwark's pages work without this file; it adds checks before upload, per-file progress,
// live evidence states, and focus on an error summary.
(() => {
  'use strict';

  const summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();

  const fill = (template, name) => template.replace('{name}', name);

  // Files picked: list them, refuse too large or unaccepted ones before anything is sent.
  for (const form of document.querySelectorAll('[data-upload-form]')) {
    const list = form.querySelector('[data-file-list]');
    const inputs = [...form.querySelectorAll('[data-file-input]')];
    const maxBytes = Number(form.dataset.maxFileBytes);
    const acceptOf = (input) =>
      (input.accept || '')
        .split(',')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean);
    const accepted = (input, file) => {
      const patterns = acceptOf(input);
      if (patterns.length === 0) return true;
      const name = file.name.toLowerCase();
      const type = (file.type || '').toLowerCase();
      return patterns.some((p) =>
        p.startsWith('.')
          ? name.endsWith(p)
          : p.endsWith('/*')
            ? type.startsWith(p.slice(0, -1))
            : type === p,
      );
    };
    const chosen = () =>
      inputs.flatMap((input) => [...input.files].map((file) => ({ input, file })));
    const problems = () =>
      chosen().flatMap(({ input, file }) =>
        file.size > maxBytes
          ? [fill(form.dataset.tooLarge, file.name)]
          : accepted(input, file)
            ? []
            : [fill(form.dataset.wrongKind, file.name)],
      );
    const render = () => {
      list.replaceChildren(
        ...chosen().map(({ input, file }) => {
          const item = document.createElement('li');
          const name = document.createElement('span');
          name.textContent = file.name;
          const bar = document.createElement('progress');
          bar.max = file.size || 1;
          bar.value = 0;
          bar.setAttribute('aria-label', file.name);
          item.append(name, bar);
          const problem =
            file.size > maxBytes
              ? fill(form.dataset.tooLarge, file.name)
              : accepted(input, file)
                ? ''
                : fill(form.dataset.wrongKind, file.name);
          if (problem) {
            const error = document.createElement('p');
            error.className = 'error';
            error.textContent = problem;
            item.append(error);
          }
          return item;
        }),
      );
    };
    for (const input of inputs) input.addEventListener('change', render);

    form.addEventListener('submit', (event) => {
      if (problems().length > 0) {
        event.preventDefault();
        list.querySelector('.error')?.scrollIntoView({ block: 'center' });
        return;
      }
      if (!window.XMLHttpRequest || !window.FormData) return;
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      button.textContent = button.dataset.busyLabel || button.textContent;
      const bars = [...list.querySelectorAll('progress')];
      const sizes = chosen().map(({ file }) => file.size);
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', (progress) => {
        // One request carries every file, in order: each bar fills as its share of bytes passes.
        let before = 0;
        sizes.forEach((size, index) => {
          if (bars[index])
            bars[index].value = Math.max(0, Math.min(size, progress.loaded - before));
          before += size;
        });
      });
      request.addEventListener('load', () => {
        if (request.status < 400 && request.responseURL && request.responseURL !== form.action) {
          window.location.assign(request.responseURL);
          return;
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', () => form.submit());
      request.send(new FormData(form));
    });
  }

  // A case page with evidence still being processed: redraw its evidence list as it changes.
  const live = document.querySelector('[data-live-case]');
  if (live && window.EventSource) {
    const unfinished = () => live.querySelector('[data-finished="false"]') !== null;
    if (unfinished()) {
      const stream = new EventSource(`${window.location.pathname}/progress`);
      let timer;
      const redraw = () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const response = await fetch(window.location.pathname, { credentials: 'same-origin' });
          if (!response.ok) return;
          const page = new DOMParser().parseFromString(await response.text(), 'text/html');
          const fresh = page.querySelector('.evidence-list');
          const current = live.querySelector('.evidence-list');
          if (fresh && current) current.replaceWith(fresh);
          if (!unfinished()) stream.close();
        }, 300);
      };
      for (const type of ['evidence', 'evidence.ocr_read', 'evidence.identifiers_extracted']) {
        stream.addEventListener(type, redraw);
      }
    }
  }

  // The queue: j and k move, c claims, o opens; it refreshes without losing the place.
  const queue = document.querySelector('[data-queue]');
  if (queue) {
    let currentId = sessionStorage.getItem('bulwark.queue.current');
    const items = () => [...queue.querySelectorAll('[data-queue-item]')];
    const select = (item) => {
      for (const other of items()) {
        other.classList.toggle('is-current', other === item);
        other.removeAttribute('aria-current');
      }
      if (!item) return;
      item.setAttribute('aria-current', 'true');
      currentId = item.dataset.queueItem;
      sessionStorage.setItem('bulwark.queue.current', currentId);
      item.querySelector('.queue-title').focus();
    };
    const current = () => items().find((item) => item.dataset.queueItem === currentId);
    if (current()) select(current());
    document.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target.closest('input, select, textarea')) return;
      const all = items();
      const at = all.indexOf(current());
      if (event.key === 'j') select(all[Math.min(all.length - 1, at + 1)]);
      else if (event.key === 'k') select(all[Math.max(0, at - 1)]);
      else if (event.key === 'o' && current()) window.location.assign(current().dataset.href);
      else if (event.key === 'c' && current()) current().querySelector('[data-claim]')?.click();
      else return;
      event.preventDefault();
    });
    setInterval(async () => {
      if (document.hidden || document.activeElement?.closest('form')) return;
      const response = await fetch(window.location.href, { credentials: 'same-origin' });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('[data-queue]');
      if (!fresh) return;
      queue.replaceChildren(...fresh.children);
      const still = current();
      if (still) {
        still.classList.add('is-current');
        still.setAttribute('aria-current', 'true');
      }
    }, 30_000);
  }

  // A claim's countdown, so the moderator sees the lease running out.
  const lease = document.querySelector('[data-claim-expires]');
  if (lease && lease.dataset.claimExpires) {
    const until = Date.parse(lease.dataset.claimExpires);
    const counter = document.createElement('strong');
    counter.setAttribute('aria-live', 'off');
    lease.append(' ', counter);
    const tick = () => {
      const left = Math.max(0, Math.round((until - Date.now()) / 1000));
      counter.textContent = `(${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')})`;
    };
    tick();
    setInterval(tick, 1000);
  }
})();
