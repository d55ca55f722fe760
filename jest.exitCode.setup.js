/* global afterAll */
// Jest runs the suite in its own process when it has one worker (two cores): an exit code a
// test leaves behind (a CLI command under test reporting failure through process.exitCode)
// would become Jest's own and fail a run whose tests all passed. Each file's is cleared.
afterAll(() => {
  process.exitCode = undefined;
});
