#!/usr/bin/env node
// Entry point of the `genesys-eventbridge` command: runs the compiled CLI.
"use strict";
require("../dist/src/cli").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
