//go:build !unix

package main

import "os"

// lockOut only creates the output folder where folders cannot be locked:
// there, two builds into one folder at once are not supported.
func lockOut(out string) (unlock func(), err error) {
	return func() {}, os.MkdirAll(out, 0o755)
}
