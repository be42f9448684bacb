// Loaded with `node --import` under valgrind, which drops environment variables whose names hold
// a '-' (INPUT_SECRET-IDS): the bench passes them as SMA_DASH_<name with '-' as '__'>, and this
// puts them back before the step's code reads them.
const PREFIX = 'SMA_DASH_'
for (const [name, value] of Object.entries(process.env)) {
  if (!name.startsWith(PREFIX)) continue
  process.env[name.slice(PREFIX.length).replaceAll('__', '-')] = value
  delete process.env[name]
}
