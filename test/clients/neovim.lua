-- Drives headless Neovim (0.7 APIs only) through what a user does with the README's
-- configuration, and writes what it saw as JSON to $BOS_REPORT for test/neovim.test.ts.
local ws = os.getenv('BOS_WS')
local report = { errors = {} }

local function step(name, fn)
  local ok, err = pcall(fn)
  if not ok then table.insert(report.errors, name .. ': ' .. tostring(err)) end
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, { line = d.lnum, col = d.col, code = code_of(d), message = d.message })
  end
  table.sort(out, function(a, b) return a.line < b.line or (a.line == b.line and a.col < b.col) end)
  return out
end

-- A request the way the client's own commands send it, at the first `text` on 0-based `line`.
local function request(method, line, text, offset, extra)
  vim.api.nvim_win_set_cursor(0, { line + 1, vim.fn.getline(line + 1):find(text, 1, true) - 1 + (offset or 0) })
  local params = vim.tbl_extend('force', vim.lsp.util.make_position_params(), extra or {})
  local answers = vim.lsp.buf_request_sync(0, method, params, 10000) or {}
  for _, answer in pairs(answers) do
    if answer.result then return answer.result end
  end
end

local function char_under_cursor()
  return vim.fn.strcharpart(vim.fn.getline('.'), vim.fn.charcol('.') - 1, 1)
end

-- Every quickfix entry, and where jumping to it puts the cursor.
local function quickfix()
  local out = {}
  for i, item in ipairs(vim.fn.getqflist()) do
    local entry = { valid = item.valid == 1, type = item.type, text = item.text }
    if entry.valid then
      vim.cmd('silent cc ' .. i)
      entry.file = vim.fn.expand('%:t')
      entry.line = vim.fn.line('.')
      entry.char = char_under_cursor()
    end
    table.insert(out, entry)
  end
  return out
end

step('open', function()
  vim.cmd('edit ' .. ws .. '/model.bos')
  report.filetype = vim.bo.filetype
  report.attached = vim.wait(10000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 20)
  report.diagnosticsArrived = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  report.diagnostics = diagnostics(0)
  local client = vim.lsp.buf_get_clients(0)[1] or vim.lsp.get_active_clients()[1]
  report.rootDir = client and client.config.root_dir
end)

step('hover', function()
  local result = request('textDocument/hover', 6, 'Order')
  report.hover = result and result.contents
  -- As the hover window shows it.
  report.hoverLines = result and vim.lsp.util.convert_input_to_markdown_lines(result.contents)
end)

step('completion', function()
  local result = request('textDocument/completion', 6, 'runs on ', #'runs on ')
  local items = result and (result.items or result) or {}
  report.completion = vim.tbl_map(function(i) return i.label end, items)
end)

step('definition', function()
  local result = request('textDocument/definition', 9, 'Trade.Order', #'Trade.')
  local target = result and (result[1] or result)
  report.definition = target and { uri = target.uri or target.targetUri, range = target.range or target.targetRange }
end)

step('file changed on disk', function()
  local uri = vim.uri_from_fname(ws .. '/other.bos')
  local bufnr = vim.uri_to_bufnr(uri)
  report.otherBefore = diagnostics(bufnr)
  -- What `git checkout` does: the file is rewritten behind the editor's back, never opened.
  local f = assert(io.open(ws .. '/other.bos', 'w'))
  f:write('package shop\nelement Other : brand { uses Trade.Gone }\n')
  f:close()
  local started = vim.loop.hrtime()
  report.otherChanged = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  report.otherMs = (vim.loop.hrtime() - started) / 1e6
  report.otherAfter = diagnostics(bufnr)
end)

step('make', function()
  -- The README's makeprg and errorformat, as :make uses them.
  vim.cmd('silent make!')
  report.make = quickfix()
end)

step('default errorformat', function()
  vim.fn.writefile(vim.fn.systemlist('bos validate'), ws .. '/validate.txt')
  vim.cmd('edit ' .. ws .. '/model.bos')
  vim.cmd('setlocal errorformat<')
  vim.cmd('silent cfile ' .. ws .. '/validate.txt')
  report.cfile = quickfix()
end)

step('logs', function()
  local f = io.open(vim.lsp.get_log_path(), 'r')
  report.lspLog = f and f:read('*a') or ''
  if f then f:close() end
  report.messages = vim.fn.execute('messages')
end)

local f = assert(io.open(os.getenv('BOS_REPORT'), 'w'))
f:write(vim.fn.json_encode(report))
f:close()
vim.cmd('qa!')
