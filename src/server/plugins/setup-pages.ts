import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1b1b1f}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit}#status{margin-top:1rem}`;

// The form reads the token from the URL fragment, so it never reaches server logs or Referer headers.
const SCRIPT = `const form=document.querySelector('form');const status=document.getElementById('status');
const token=new URLSearchParams(location.hash.slice(1)).get('token')||'';
form.addEventListener('submit',async(e)=>{e.preventDefault();status.textContent='Working…';
const csrf=await (await fetch('/api/v1/auth/csrf',{credentials:'same-origin'})).json();
const body=Object.fromEntries(new FormData(form));body.token=token;
const r=await fetch(form.dataset.endpoint,{method:'POST',credentials:'same-origin',headers:{'content-type':'application/json','x-csrf-token':csrf.csrfToken},body:JSON.stringify(body)});
if(r.ok){status.textContent='Done. You can now use LabMate.';form.remove();return;}
const p=await r.json().catch(()=>({detail:r.statusText}));status.textContent=p.detail||'Failed';});`;

function page(title: string, endpoint: string, fields: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · LabMate</title><link rel="stylesheet" href="/assets/setup.css"></head><body><h1>${title}</h1>
<form data-endpoint="${endpoint}">${fields}<button type="submit">Save</button></form><p id="status" role="status"></p>
<script src="/assets/setup.js"></script></body></html>`;
}

const PASSWORD = '<label for="password">Password (8–128 characters)</label><input id="password" name="password" type="password" minlength="8" maxlength="128" autocomplete="new-password" required>';

/** The two pages the one-time links open: create the first administrator, and set a password. */
export const setupPagesPlugin = fp(
  async (app: FastifyInstance) => {
    const hidden = { config: { auth: 'public' as const }, schema: { hide: true } };
    app.get('/setup', hidden, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          page(
            'Create the administrator',
            '/api/v1/auth/setup',
            '<label for="email">Email</label><input id="email" name="email" type="email" required><label for="name">Name</label><input id="name" name="name" required>' +
              PASSWORD,
          ),
        ),
    );
    app.get('/set-password', hidden, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page('Set your password', '/api/v1/auth/password/set', PASSWORD)),
    );
    app.get('/assets/setup.js', hidden, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT));
    app.get('/assets/setup.css', hidden, async (_request, reply) => reply.type('text/css; charset=utf-8').send(STYLE));
  },
  { name: 'setup-pages' },
);
