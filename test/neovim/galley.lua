-- Headless Neovim against the Galley language server over stdio (written for Neovim 0.7,
-- which has vim.lsp.start_client but neither vim.lsp.start nor pull diagnostics).
--
--   GALLEY_NODE=node GALLEY_SERVER=dist/server.js GALLEY_SAMPLE=samples/000_….news.txt \
--     nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/galley.lua'
--
-- Prints one line per check to stdout; exits 0 (`qall!`) when every check passes, else writes
-- `FAIL: …` to stderr and exits 1 (`cquit! 1`).

local node = os.getenv('GALLEY_NODE') or 'node'
local server = assert(os.getenv('GALLEY_SERVER'), 'set GALLEY_SERVER to dist/server.js')
local sample = assert(os.getenv('GALLEY_SAMPLE'), 'set GALLEY_SAMPLE to a page file')
local timeout = tonumber(os.getenv('GALLEY_TIMEOUT_MS') or '20000')

local function say(...)
  io.stdout:write(table.concat({ ... }, ' ') .. '\n')
end

local function check(cond, message)
  if not cond then
    error(message, 2)
  end
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(sample))
  local bufnr = vim.api.nvim_get_current_buf()
  -- `-u NONE` turns filetype detection off: set it the way an ftdetect rule would.
  vim.bo[bufnr].filetype = 'newspaper'

  local status
  local exited
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  -- Neovim answers workspace/configuration from `settings`, but 0.7 does not announce it.
  capabilities.workspace.configuration = true

  local client_id = vim.lsp.start_client({
    name = 'galley',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(sample, ':p:h'),
    capabilities = capabilities,
    settings = { galley = { diagnostics = { ignore = { 'text-spaced' } } } },
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['galley/status'] = function(_, result)
        status = result
      end,
    },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  check(client_id, 'vim.lsp.start_client failed')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  check(vim.wait(timeout, function()
    return (status ~= nil and status.pages >= 2) or exited ~= nil
  end, 20), 'no galley/status with both sample pages')
  check(not exited, 'the server exited early')
  local client = vim.lsp.get_client_by_id(client_id)
  say('status: pages=' .. status.pages)
  say('server: ' .. ((client.server_capabilities or client.resolved_capabilities) and 'initialized' or '?'))

  -- Outline.
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, timeout)
  check(responses and responses[client_id], 'no documentSymbol response')
  check(not responses[client_id].err, 'documentSymbol error: ' .. vim.inspect(responses[client_id].err))
  local symbols = responses[client_id].result or {}
  local names = {}
  for _, s in ipairs(symbols) do
    table.insert(names, s.name)
  end
  say('symbols: ' .. #symbols)
  for _, name in ipairs(names) do
    say('symbol: ' .. name)
  end
  check(vim.tbl_contains(names, '张稳科深入包联企业调研'), 'no 张稳科深入包联企业调研 among the symbols')

  -- Diagnostics: the server only offers pull diagnostics (textDocument/diagnostic), which
  -- Neovim < 0.10 does not request itself; pull them and hand them to vim.diagnostic.
  local function pull()
    local report
    client.request('textDocument/diagnostic', { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, function(err, result)
      report = { err = err, result = result }
    end, bufnr)
    check(vim.wait(timeout, function()
      return report ~= nil
    end, 20), 'no textDocument/diagnostic response')
    check(not report.err, 'textDocument/diagnostic error: ' .. vim.inspect(report.err))
    vim.diagnostic.reset(nil, bufnr)
    vim.lsp.diagnostic.on_publish_diagnostics(nil, {
      uri = vim.uri_from_bufnr(bufnr),
      diagnostics = report.result.items,
    }, { client_id = client_id, method = 'textDocument/publishDiagnostics', bufnr = bufnr }, {})
    return report.result.items
  end

  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or d
      table.insert(list, { code = lsp.code, lnum = d.lnum, severity = d.severity })
    end
    return list
  end

  local function count(list, code)
    local n = 0
    for _, d in ipairs(list) do
      if d.code == code then
        n = n + 1
      end
    end
    return n
  end

  pull()
  check(vim.wait(timeout, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20), 'no diagnostics in vim.diagnostic')
  local found = codes()
  say('diagnostics: ' .. #found)
  local missing
  for _, d in ipairs(found) do
    say('diagnostic: ' .. tostring(d.code) .. '@' .. (d.lnum + 1))
    if d.code == 'jump-missing-page' then
      missing = d
    end
  end
  check(missing, 'no jump-missing-page diagnostic')
  check(missing.lnum == 280, 'jump-missing-page on line ' .. (missing.lnum + 1) .. ', not 281')
  check(missing.severity == vim.diagnostic.severity.ERROR, 'jump-missing-page is not an error')
  check(count(found, 'text-spaced') == 0, 'text-spaced was not ignored: settings did not reach the server')
  check(count(found, 'jump-target-missing') == 1, 'no jump-target-missing')

  -- Edits go over incremental sync, with UTF-16 columns inside Chinese lines.
  -- Line 273 `时给予救助， （下转4版）`: delete the 4, and the pointer loses its page number too.
  -- The samples are read-only files; the buffer is edited, never written.
  vim.bo[bufnr].readonly = false
  local line = vim.api.nvim_buf_get_lines(bufnr, 272, 273, true)[1]
  local s = line:find('4版', 1, true)
  check(s, 'line 273 has no 4版: ' .. line)
  vim.api.nvim_buf_set_text(bufnr, 272, s - 1, 272, s, {})
  check(vim.wait(timeout, function()
    pull()
    return count(codes(), 'jump-missing-page') == 2
  end, 50), 'after deleting the 4 on line 273: ' .. count(codes(), 'jump-missing-page') .. ' jump-missing-page')
  say('after edit: jump-missing-page=2')
  -- And put it back.
  vim.api.nvim_buf_set_text(bufnr, 272, s - 1, 272, s - 1, { '4' })
  check(vim.wait(timeout, function()
    pull()
    return count(codes(), 'jump-missing-page') == 1
  end, 50), 'after restoring line 273')
  say('after undo: jump-missing-page=1')

  vim.lsp.stop_client(client_id)
  check(vim.wait(timeout, function()
    return exited ~= nil
  end, 20), 'the server did not exit after shutdown')
  check(exited.code == 0, 'the server exited with code ' .. tostring(exited.code))
  say('server exit: ' .. exited.code)
  say('OK')
end

local ok, err = pcall(main)
if ok then
  vim.cmd('qall!')
else
  io.stderr:write('FAIL: ' .. tostring(err) .. '\n')
  vim.cmd('cquit! 1')
end
