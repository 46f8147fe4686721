"use strict";
/**
 * This repository's Pulumi program (`main` in Pulumi.yaml): the compiled
 * stack program, stacks/index.ts. It sits at the project root because the
 * engine runs a program, and the providers it starts, in the folder of its
 * `main` file, so relative paths in stack config start here. The package's
 * own `main` is the library (dist/src/index.js); this file is not shipped.
 */
module.exports = require("./dist/stacks/index.js");
