// Dateline's only script: the ingest form (upload with progress, the key in a header). Text is set with textContent.
'use strict';
(function () {
  const form = document.getElementById('ingest-form');
  if (!form) { return; }
  const status = document.getElementById('status');
  const result = document.getElementById('result');
  const progress = document.getElementById('progress');
  function link(href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const key = document.getElementById('key').value;
    const data = new FormData();
    for (const file of document.getElementById('files').files) { data.append('files', file, file.name); }
    const pasted = document.getElementById('jsonl').value.trim();
    if (pasted) { data.append('files', new Blob([pasted + '\n'], { type: 'application/x-ndjson' }), 'pasted.jsonl'); }
    if (!data.has('files')) { status.textContent = 'Choose files or paste JSON Lines first.'; return; }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/ingest/files');
    xhr.setRequestHeader('X-Api-Key', key);
    progress.hidden = false;
    progress.value = 0;
    status.textContent = 'Uploading…';
    result.textContent = '';
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
    });
    xhr.upload.addEventListener('load', function () { status.textContent = 'Uploaded; reading and annotating…'; });
    xhr.addEventListener('load', function () {
      progress.value = 100;
      let body;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 200 && body) {
        status.textContent = 'Done: ' + body.inserted + ' new, ' + body.updated + ' updated, ' + body.duplicates +
          ' already stored, ' + body.problems.length + ' skipped (' + body.elapsed_ms + ' ms). ';
        // Where to see what was stored: each article (the first 100 the server lists), the newest articles, the events.
        status.append(link('/', 'See the newest articles'), ' · ', link('/events', 'the events'), '.');
        if (body.articles && body.articles.length > 0) {
          const list = document.createElement('ul');
          list.id = 'stored';
          for (const a of body.articles) {
            const item = document.createElement('li');
            item.append(link('/articles/' + encodeURIComponent(a.id), a.title || a.id), ' (' + a.status + ')');
            list.append(item);
          }
          status.append(list);
          const total = body.inserted + body.updated + body.duplicates;
          if (total > body.articles.length) { status.append('… and ' + (total - body.articles.length) + ' more.'); }
        }
      } else if (xhr.status === 401) {
        status.textContent = 'The API key is missing or wrong: enter the key this server was started with (ask whoever runs it).';
      } else if (xhr.status === 403) {
        status.textContent = 'This server takes no uploads: whoever runs it must start it with an API key (dateline serve --api-key).';
      } else {
        status.textContent = 'Failed (' + xhr.status + '): ' + (body && (body.detail || body.title) || xhr.statusText);
      }
      result.textContent = body ? JSON.stringify(body, null, 2) : '';
    });
    xhr.addEventListener('error', function () { status.textContent = 'The upload failed (network error).'; });
    xhr.send(data);
  });
})();
