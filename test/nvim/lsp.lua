-- Drives the language server from Neovim's built-in LSP client (0.7+), headless.
-- Reads a JSON spec from $AIPC_NVIM_SPEC: { server, root, files = {...}, requests = {
--   { name, file, word, offset, method, params = "hover" | "findSources", capability? } } }
-- and writes { capabilities, indexed, results = { name = { result | error } } } to $AIPC_NVIM_OUT.
-- Waiting is on signals (initialisation, the server's indexStatus notification), each bounded.
local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('AIPC_NVIM_SPEC')), '\n'))
local out = { indexed = false, results = {}, log = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('AIPC_NVIM_OUT'))
  vim.cmd('qall!')
end

local t0 = vim.loop.hrtime()
local function note(msg)
  table.insert(out.log, string.format('%d ms: %s', (vim.loop.hrtime() - t0) / 1e6, msg))
end

local ready = false
local client_id = vim.lsp.start_client({
  name = 'ai-policy-claims',
  cmd = { 'node', spec.server, '--stdio' },
  root_dir = spec.root,
  workspace_folders = { { uri = vim.uri_from_fname(spec.root), name = 'memos' } },
  settings = { aiPolicyClaims = vim.empty_dict() },
  handlers = {
    -- The server announces each indexing state; `ready` is the signal to start asking.
    ['aiPolicyClaims/indexStatus'] = function(_, status)
      if status and status.state == 'ready' then
        ready = true
      elseif status and status.state == 'error' then
        note('index error: ' .. tostring(status.message))
      end
    end,
    ['window/logMessage'] = function(_, m)
      if m and m.type == 1 then note('server error: ' .. m.message) end
    end,
  },
  on_exit = function(code)
    note('server exited with ' .. tostring(code))
  end,
})
if not client_id then
  note('start_client failed')
  return finish()
end

local buffers = {}
for _, file in ipairs(spec.files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  buffers[file] = buf
end

local client = vim.lsp.get_client_by_id(client_id)
if not vim.wait(20000, function() return client.initialized end, 20) then
  note('the server did not initialise within 20 s')
  return finish()
end
out.capabilities = client.server_capabilities or client.resolved_capabilities
out.indexed = vim.wait(60000, function() return ready end, 20)
if not out.indexed then note('no ready indexStatus within 60 s') end

-- The LSP position (UTF-16 units) of `word` in `buf`, plus `offset` characters.
local function position_of(buf, word, offset)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    local byte = line:find(word, 1, true)
    if byte then
      local _, utf16 = vim.str_utfindex(line, byte - 1)
      return { line = i - 1, character = utf16 + (offset or 0) }
    end
  end
end

for _, r in ipairs(spec.requests) do
  local buf = buffers[r.file]
  local uri = vim.uri_from_bufnr(buf)
  local pos = position_of(buf, r.word, r.offset)
  if r.capability and not (out.capabilities or {})[r.capability] then
    -- Neovim 0.7 sends the request anyway and waits out the time-out; don't.
    out.results[r.name] = { error = 'unsupported: the server does not announce ' .. r.capability }
  elseif not pos then
    out.results[r.name] = { error = 'word not found: ' .. r.word }
  else
    local params
    if r.params == 'findSources' then
      params = { uri = uri, position = pos }
    else
      params = { textDocument = { uri = uri }, position = pos }
    end
    local responses, err = vim.lsp.buf_request_sync(buf, r.method, params, 10000)
    note(r.name .. ' answered')
    local response = responses and responses[client_id]
    if err then
      out.results[r.name] = { error = tostring(err) }
    elseif not response then
      out.results[r.name] = { error = 'no response' }
    elseif response.err then
      out.results[r.name] = { error = response.err.message or vim.inspect(response.err) }
    else
      out.results[r.name] = { result = response.result == nil and vim.NIL or response.result }
    end
  end
end

note('done')
vim.lsp.stop_client(client_id)
finish()
