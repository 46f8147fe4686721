//go:build tools

// Package engine pins the Pulumi CLI module so that scripts/pulumi-engine.sh
// can build it from its published Go module.
package engine

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
