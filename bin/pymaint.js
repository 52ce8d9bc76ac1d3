#!/usr/bin/env node
// The `pymaint` command: runs the prebuilt CLI bundle.
import '../dist/cli/index.js'
